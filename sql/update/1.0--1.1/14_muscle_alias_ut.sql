-- 1.1's muscle catalogue gives the trapezius the alias "ut" (the upper
-- trapezius of abbreviated notes: "TPI B/L UT x2"), as
-- sql/install/14_muscle_data.sql has it.  Only the shipped row changes,
-- and only while no row names or aliases "ut" already (a user's own
-- "ut" is kept, as a user's row with a shipped name is in
-- 13_muscle_pelvic_floor.sql).  The shipped row is replaced, not updated
-- (an UPDATE makes a shipped row a user row: reference_row_updated), and
-- only if it is there (a shipped row the user deleted stays deleted).
WITH shipped AS (
	DELETE FROM @extschema@.muscle
	WHERE name = 'trapezius' AND builtin
	AND NOT EXISTS (SELECT 1 FROM @extschema@.muscle m
					WHERE m.name = 'ut' OR 'ut' = ANY (m.aliases))
	RETURNING name
)
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin)
SELECT 'trapezius', 'cervical', 'muscle',
	   '{trap,traps,trapz,trapezii,trapezious,trapezuis,trapezium,ut}', true
FROM shipped;
