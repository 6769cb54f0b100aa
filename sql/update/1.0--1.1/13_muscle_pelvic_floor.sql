-- 1.1's muscle catalogue adds two pelvic floor muscles injected in
-- transvaginal trigger point injections (levator ani, coccygeus); 1.0 read
-- "left levator ani" as the left levator scapulae.  The rows are those of
-- sql/install/14_muscle_data.sql; a user's row with the same name is kept.
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin) VALUES
('levator ani', 'gluteal/hip', 'muscle', '{levator ani muscle,levatores ani}', true),
('coccygeus', 'gluteal/hip', 'muscle', '{coccygeus muscle,ischiococcygeus}', true)
ON CONFLICT (name) DO NOTHING;
