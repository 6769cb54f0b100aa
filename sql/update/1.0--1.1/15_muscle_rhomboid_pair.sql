-- 1.1's muscle catalogue (sql/install/14_muscle_data.sql): "rhomboid major
-- and minor" names two muscles, rhomboid major and rhomboid minor, as
-- "teres major and minor" does, so the shipped "rhomboids" row no longer
-- has it (nor "rhomboid major minor") as an alias.  The shipped row is
-- replaced by 1.1's (an UPDATE would make it a user row), only if it is
-- there: a user's row, or a shipped row the user deleted, is left alone.
WITH shipped AS (
	DELETE FROM @extschema@.muscle WHERE name = 'rhomboids' AND builtin
	RETURNING name
)
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin)
SELECT 'rhomboids', 'scapular', 'muscle', '{rhomboid,rhomboideus,rhomboidei,rhomboid muscles,rhomb,rhombs}', true
FROM shipped;
