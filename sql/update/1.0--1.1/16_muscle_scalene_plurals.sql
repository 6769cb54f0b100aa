-- 1.1's muscle catalogue (sql/install/14_muscle_data.sql): notes write
-- "anterior and middle scalenes" for two single scalenes, so "anterior
-- scalenes", "middle scalenes" and "posterior scalenes" are aliases of
-- scalenus anterior, medius and posterior (they read as the scalenes
-- group before).  Each shipped row is replaced by 1.1's (an UPDATE would
-- make it a user row), only if it is there: a user's row, or a shipped row
-- the user deleted, is left alone.
WITH shipped AS (
	DELETE FROM @extschema@.muscle
	 WHERE name IN ('scalenus anterior', 'scalenus medius', 'scalenus posterior') AND builtin
	RETURNING name
)
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin)
SELECT v.name, 'cervical', 'muscle', v.aliases::text[], true
FROM shipped
JOIN (VALUES
	('scalenus anterior', '{anterior scalene,scalene anterior,anterior scalenus,scalenus anticus,scalenus ant,anterior scalenes}'),
	('scalenus medius', '{middle scalene,mid scalene,medial scalene,scalene medius,scalenus med,scalene middle,middle scalenes}'),
	('scalenus posterior', '{posterior scalene,scalene posterior,scalenus post,posterior scalenes}')
) AS v(name, aliases) ON v.name = shipped.name;
