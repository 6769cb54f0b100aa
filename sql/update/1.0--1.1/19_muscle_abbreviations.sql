-- 1.1's muscle catalogue (sql/install/14_muscle_data.sql) gives shipped
-- rows the abbreviations notes write: lev, rhomb(s), ant/post/mid delt,
-- glute medius, ES, paras, LS paraspinals, subocc(s), vastus medialis
-- obliquus (rhomboids in fragment 15).  Each shipped row is replaced by
-- 1.1's (an UPDATE would make it a user row), only if it is there: a
-- user's row, or a shipped row the user deleted, is left alone.
WITH shipped AS (
	DELETE FROM @extschema@.muscle
	 WHERE name IN ('levator scapulae', 'deltoid', 'gluteus medius', 'erector spinae', 'paraspinals', 'cervical paraspinals', 'thoracic paraspinals', 'lumbar paraspinals', 'suboccipitals', 'vastus medialis') AND builtin
	RETURNING name
)
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin)
SELECT v.name, v.region, v.kind, v.aliases::text[], true
FROM shipped
JOIN (VALUES
	('levator scapulae', 'cervical', 'muscle', '{levator scap,levator scapula,levator scapule,levator,lev scap,lev scapulae,levator scapulae muscle,levator scapulea,lev}'),
	('deltoid', 'shoulder', 'muscle', '{delt,delts,deltoids,deltoideus,ant delt,post delt,mid delt}'),
	('gluteus medius', 'gluteal/hip', 'muscle', '{glute med,gluteus med,gluteal med,glut med,g med,gmed,gluteus medias,gluteus medium,glute medius,gluteal medius}'),
	('erector spinae', 'lumbar', 'muscle', '{erector,erectors,spinal erectors,erector spinae muscle,es}'),
	('paraspinals', NULL, 'group', '{paraspinal,paraspinous,paraspinous muscles,paravertebral,paravertebrals,paraspinal muscle group,paras}'),
	('cervical paraspinals', 'cervical', 'group', '{cervical paraspinal,cervical paraspinous,cervical paravertebral,cervical paravertebrals,cervical paras}'),
	('thoracic paraspinals', 'thoracic', 'group', '{thoracic paraspinal,thoracic paraspinous,thoracic paravertebral,thoracic paravertebrals,thoracic paras}'),
	('lumbar paraspinals', 'lumbar', 'group', '{lumbar paraspinal,lumbar paraspinous,lumbar paravertebral,lumbar paravertebrals,lumbosacral paraspinals,lumbosacral paraspinal,lumbar paras,ls paraspinals}'),
	('suboccipitals', 'cervical', 'group', '{suboccipital,suboccipital group,suboccipital muscle group,subocc,suboccs,sub occipitals,sub occipital}'),
	('vastus medialis', 'lower limb', 'muscle', '{vmo,vastus medialis oblique,vastus med,vastus medialis obliquus}')
) AS v(name, region, kind, aliases) ON v.name = shipped.name;
