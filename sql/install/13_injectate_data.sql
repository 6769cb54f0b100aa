-- Injectates as documented (generic and common brand names) and their
-- class, for payer rules on covered injectates (SPEC section 8).  A brand
-- row names its generic; a generic row lists the HCPCS drug codes billed
-- for it (SPEC section 3: J2001 lidocaine, J3301 triamcinolone, ...), so
-- that drug.not_covered can judge a claim's drug lines when the claim
-- carries no note.  ON CONFLICT: the update from 1.0 re-inserts the shipped
-- rows, and a user's row with the same name wins.

INSERT INTO @extschema@.injectate (name, class, generic_name, hcpcs, builtin)
SELECT n, c, g, h::text[], true FROM (VALUES
	('lidocaine', 'local anesthetic', NULL, '{J2001}'),
	('xylocaine', 'local anesthetic', 'lidocaine', '{}'),
	('lignocaine', 'local anesthetic', 'lidocaine', '{}'),
	('lido', 'local anesthetic', 'lidocaine', '{}'),
	('bupivacaine', 'local anesthetic', NULL, '{}'),
	('marcaine', 'local anesthetic', 'bupivacaine', '{}'),
	('sensorcaine', 'local anesthetic', 'bupivacaine', '{}'),
	('bupi', 'local anesthetic', 'bupivacaine', '{}'),
	('ropivacaine', 'local anesthetic', NULL, '{J2795}'),
	('naropin', 'local anesthetic', 'ropivacaine', '{}'),
	('procaine', 'local anesthetic', NULL, '{}'),
	('novocain', 'local anesthetic', 'procaine', '{}'),
	('mepivacaine', 'local anesthetic', NULL, '{J0670}'),
	('carbocaine', 'local anesthetic', 'mepivacaine', '{}'),
	('chloroprocaine', 'local anesthetic', NULL, '{J2400}'),
	('levobupivacaine', 'local anesthetic', NULL, '{}'),
	('chirocaine', 'local anesthetic', 'levobupivacaine', '{}'),
	('triamcinolone', 'corticosteroid', NULL, '{J3301,J3302,J3303}'),
	('kenalog', 'corticosteroid', 'triamcinolone', '{}'),
	('methylprednisolone', 'corticosteroid', NULL, '{J1020,J1030,J1040,J2920,J2930}'),
	('depo-medrol', 'corticosteroid', 'methylprednisolone', '{}'),
	('depomedrol', 'corticosteroid', 'methylprednisolone', '{}'),
	('solu-medrol', 'corticosteroid', 'methylprednisolone', '{}'),
	('solumedrol', 'corticosteroid', 'methylprednisolone', '{}'),
	('medrol', 'corticosteroid', 'methylprednisolone', '{}'),
	-- the UK names of methylprednisolone acetate and triamcinolone
	('depo-medrone', 'corticosteroid', 'methylprednisolone', '{}'),
	('depomedrone', 'corticosteroid', 'methylprednisolone', '{}'),
	('adcortyl', 'corticosteroid', 'triamcinolone', '{}'),
	('dexamethasone', 'corticosteroid', NULL, '{J1100,J1094}'),
	('decadron', 'corticosteroid', 'dexamethasone', '{}'),
	('betamethasone', 'corticosteroid', NULL, '{J0702}'),
	('celestone', 'corticosteroid', 'betamethasone', '{}'),
	('hydrocortisone', 'corticosteroid', NULL, '{J1700,J1710,J1720}'),
	-- what notes call an unnamed steroid ("lidocaine and cortisone")
	('cortisone', 'corticosteroid', NULL, '{}'),
	('saline', 'saline', NULL, '{J7040,J7050}'),
	('normal saline', 'saline', NULL, '{}'),
	('sodium chloride', 'saline', 'saline', '{}'),
	('ns', 'saline', 'normal saline', '{}'),
	('dextrose', 'other', NULL, '{J7060}'),
	('botulinum toxin', 'other', NULL, '{J0585,J0586,J0587,J0588}'),
	('onabotulinumtoxina', 'other', 'botulinum toxin', '{}'),
	('botox', 'other', 'botulinum toxin', '{}'),
	('abobotulinumtoxina', 'other', 'botulinum toxin', '{}'),
	('dysport', 'other', 'botulinum toxin', '{}'),
	('ketorolac', 'other', NULL, '{J1885}'),
	('toradol', 'other', 'ketorolac', '{}'),
	('sarapin', 'other', NULL, '{}'),
	('traumeel', 'other', NULL, '{}'),
	('platelet rich plasma', 'other', NULL, '{}'),
	('prp', 'other', 'platelet rich plasma', '{}')
) AS v(n, c, g, h)
ON CONFLICT (name) DO NOTHING;
