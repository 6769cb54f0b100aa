-- 1.1's muscle catalogue (sql/install/14_muscle_data.sql) adds the hand
-- muscles injected for hand pain (first dorsal interosseous, adductor,
-- opponens and the short abductor and flexor of the thumb) and the
-- procerus, a facial site beside the corrugator.  A user's row of the same
-- name is left alone.
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin) VALUES
('first dorsal interosseous', 'upper limb', 'muscle', '{1st dorsal interosseous,first dorsal interosseus,1st dorsal interosseus,fdi}', true),
('adductor pollicis', 'upper limb', 'muscle', '{}', true),
('opponens pollicis', 'upper limb', 'muscle', '{}', true),
('abductor pollicis brevis', 'upper limb', 'muscle', '{apb}', true),
('flexor pollicis brevis', 'upper limb', 'muscle', '{fpb}', true),
('procerus', 'facial', 'muscle', '{}', true)
ON CONFLICT (name) DO NOTHING;
