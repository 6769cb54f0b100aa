-- The guard trigger (SPEC section 9).
--
--   CREATE TRIGGER claims_guard BEFORE INSERT OR UPDATE ON claims
--       FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');  -- or 'flag'
--
-- Works on any table whose columns carry the claim_line names (optional
-- columns may be missing; a missing required column is an ERROR at the
-- first insert that names it).  Everything it runs is schema-qualified, so
-- it behaves the same under any search_path, on temporary tables and on
-- partitioned tables (a partition's rows are checked against the whole
-- partitioned table).
--
-- Modes (the argument, any case):
--   reject  an error-severity finding attributed to the row raises
--           SQLSTATE 23514 (check_violation): the message names the rule
--           IDs, the detail lists every finding of the row (all
--           severities), the hint gives the fix from tpi_rules.rule, and
--           the error's schema and table fields name the table.  Warnings
--           and info findings pass and are not logged.  (To log them too,
--           add a second trigger with 'flag': its log rows of a rejected
--           row roll back with the statement.)
--   flag    the row is kept and every finding attributed to it (all
--           severities) is inserted into tpi_rules.finding_log, with the
--           row's claim_id, line_no, patient_id and date_of_service; the
--           message of a finding reported on another line starts with
--           "[on claim line C/n]".
--
-- Which findings are the row's: all its line-rule findings; day-rule
-- findings on its line, and on other lines of the same patient and date
-- when they would not exist without the row (20552 inserted next to a
-- 20553 owns day.both_codes wherever the rule reports it); frequency
-- findings on any line of its session, and on later sessions when the row
-- pushed them over the cap or under the minimum interval.  For an UPDATE,
-- "without the row" means with the old version of the row.
--
-- Rules a later line can satisfy (drug.missing_on_claim,
-- modifier.distinct_without_partner, drug.unclassified_without_note) are
-- deferred like a DEFERRABLE INITIALLY DEFERRED constraint: a claim may be
-- loaded TPI line first and drug line second, in one INSERT or COPY or in
-- several statements of one transaction.  In reject mode the error is
-- raised at COMMIT if the finding is still there; in flag mode the log row
-- is written with the row's other findings and deleted again when a later
-- line cures it (dropped unwritten while guard() still holds it).
--
-- Concurrency: before it reads a patient's lines the trigger takes
--   pg_advisory_xact_lock(hashtext('tpi_rules'), hashtext(patient_id))
-- (the same lock, so applications can take it themselves), held to the end
-- of the transaction: concurrent inserts for one patient are serialised
-- and cannot together break a session cap.  After the wait it reads with a
-- fresh snapshot, as foreign key checks do, so this holds in READ
-- COMMITTED, REPEATABLE READ and SERIALIZABLE alike.  Different patients
-- never wait for each other.  A transaction that locks more patients than
-- max_locks_per_transaction (a bulk load) locks the table in SHARE ROW
-- EXCLUSIVE mode instead, which makes other writers of the table wait
-- until it ends.  Two transactions that take patient locks in opposite
-- orders can deadlock (PostgreSQL aborts one); load in patient order.
--
-- Reading: the patient's lines are read as the table's owner and past row
-- security, as foreign key checks read, so a role with only INSERT on the
-- table is checked against all of the patient's lines; finding_log is
-- written, and tpi_rules.rule read, as the extension's owner, so that role
-- needs no privilege on them.
--
-- Index: each guarded row reads the patient's lines of its date (and, for a
-- TPI line, of a window of at least two years around it), so the table
-- needs an index whose leading columns are (patient_id, date_of_service):
--   CREATE INDEX ON claims (patient_id, date_of_service);
-- Without one the trigger warns once per table per session, at its first
-- row.  tpi_rules.claim_line has it.  A plain table with a btree index of
-- that shape is read by a direct index scan; partitioned tables (read
-- through the partitioned root, where the patient's other lines are),
-- foreign tables and tables without the index by a kept SPI plan.  During
-- a plain INSERT or COPY FROM the row trigger reads a patient's lines once
-- and adds the rows it lets through, as long as nothing else can have
-- changed them (no other statement and no other transaction's end since,
-- no ON CONFLICT, no WHEN condition, no other BEFORE INSERT row trigger);
-- otherwise it reads them for each row (README, "The guard trigger").
--
-- Bulk loads: guard_statement() applies the same rules once per statement
-- over the statement's transition table:
--   CREATE TRIGGER claims_guard_ins AFTER INSERT ON claims
--       REFERENCING NEW TABLE AS new_rows
--       FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
--   CREATE TRIGGER claims_guard_upd AFTER UPDATE ON claims
--       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
--       FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
-- Each patient's lines are read once per statement, each day's rules run
-- once, the findings are logged in batches of up to 10,000 rows as the
-- patients are done (memory stays bounded), and the patients are locked
-- in sorted order (two bulk loads cannot deadlock on them).  Reject mode
-- rejects the whole statement, naming every bad line in the detail.  Use
-- guard() for applications that write a claim or a few lines at a time and
-- want the offending row named as it is written; use guard_statement() for
-- COPY and large INSERT ... SELECT loads.  test/bench/bench_guard.sql
-- measures both on 200,000 generated lines (the README, "The guard
-- trigger", has the figures): flag mode costs most where most lines have
-- findings, a finding_log row each.  Do not put both on one table.
--
-- Both triggers decide which findings are a row's with one function over
-- the per-patient engine audit() runs: the patient's lines with the new
-- rows, and without them (with the old versions of updated rows), each
-- finding on its line's index in one array.
--
-- finding_log is written through the executor's own insert routines (as
-- logical replication's apply does), or by an INSERT through SPI where
-- those would not do exactly the same, as the owner of the extension's
-- tables (the inserting role needs no privilege on it), up to 10,000 rows
-- a write: guard() holds its statement's log rows and writes them as the
-- statement ends (a row's at once where it cannot hold them: a rule or
-- trigger on finding_log, AFTER INSERT triggers on the table),
-- guard_statement() its batches.  The executor does for these rows
-- what it does for any INSERT, so whatever a DBA adds to finding_log is
-- honoured: triggers, column defaults, NOT NULL and CHECK constraints,
-- unique and expression indexes, rewrite rules, partitioning, forced row
-- security.  In a READ ONLY transaction a row with findings is refused
-- with the usual error (25006, cannot execute INSERT in a read-only
-- transaction), even on a temporary table.  A curable finding's log row is
-- written with RETURNING, to be deleted when a later line cures it; with an
-- INSTEAD rule on finding_log (which forbids RETURNING), or a trigger that
-- changes the row's line or rule, a cured finding's row stays.

-- Not checked: DELETE (removing a line never adds a finding to another line
-- except a deferred one, which then stays until commit), TRUNCATE.

CREATE FUNCTION @extschema@.guard()
RETURNS trigger
AS 'MODULE_PATHNAME', 'tpi_guard'
LANGUAGE C;
COMMENT ON FUNCTION @extschema@.guard() IS
  'Trigger: BEFORE INSERT OR UPDATE ... FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard(''reject'' | ''flag''); applies the line, day and frequency rules to each new claim line, rejecting error findings (SQLSTATE 23514) or logging all findings to tpi_rules.finding_log';

CREATE FUNCTION @extschema@.guard_statement()
RETURNS trigger
AS 'MODULE_PATHNAME', 'tpi_guard_statement'
LANGUAGE C;
COMMENT ON FUNCTION @extschema@.guard_statement() IS
  'Trigger for bulk loads: AFTER INSERT ... REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement(''reject'' | ''flag'') (and AFTER UPDATE with OLD TABLE and NEW TABLE); the rules of guard() once per statement; reject mode rejects the whole statement';
