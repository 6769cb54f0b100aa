-- test/data/claims_with_notes.sql: claims read from an 837P batch joined to
-- the procedure notes of their visits, into claim_line rows.
--
--   psql -v target=T -v claims=C -v notes=N -f test/data/claims_with_notes.sql
--
-- C has read_837p()'s columns, N (patient_id, date_of_service, body), T
-- the claim_line columns.  Each TPI line takes the documentation its
-- visit's note gives (read_note); lines of other codes carry none (SPEC
-- section 3: claims without note data).  read_note() is called in FROM:
-- "(read_note(body)).*" in a select list would run it once per column.
-- Used by test/demo.sh and test/bench/bench_guard.sql.
INSERT INTO :target
SELECT c.claim_id, c.line_no, c.patient_id, c.payer_id, c.provider_npi, c.date_of_service,
	   c.hcpcs, c.modifiers, c.units, c.icd10, c.place_of_service,
	   f.muscles, f.trigger_points, f.drug_name, f.drug_dose, c.claim_note,
	   f.note_signed, f.post_procedure_plan, f.conservative_care, f.tp_locations,
	   f.guidance, c.charge, c.ndc
  FROM :claims AS c
  LEFT JOIN LATERAL (SELECT r.*
					   FROM :notes AS n
							CROSS JOIN LATERAL tpi_rules.read_note(n.body) AS r
					  WHERE c.hcpcs IN ('20552', '20553')
						AND n.patient_id = c.patient_id AND n.date_of_service = c.date_of_service
					  LIMIT 1) AS f ON true;
