-- Reproducer: the muscle functions fail for any role without SELECT on
-- tpi_rules.muscle (every plain user: 99_grants.sql grants no SELECT).
-- Where: src/muscles.c, the muscle catalogue cache loader (SPI_connect +
-- SPI_execute("SELECT name, region, kind, aliases FROM tpi_rules.muscle
-- ...")) runs as the caller; the policy and payment caches use
-- tpi_ref_spi_connect() (src/refcache.c) to read as the extension owner.
-- Expected: 2.  Actual: ERROR 42501 permission denied for table muscle.
-- Also breaks frequency_check (it derives regions from the catalogue).
-- Run as a superuser in a database with tpi_rules installed.
CREATE ROLE tpi_repro_analyst LOGIN;
SET ROLE tpi_repro_analyst;
SELECT tpi_rules.muscle_count('{right trapezius,left trapezius}');
SELECT * FROM tpi_rules.parse_muscle('right trapezius');
RESET ROLE;
DROP ROLE tpi_repro_analyst;
