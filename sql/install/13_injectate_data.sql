-- Injectates as documented (generic and common brand names) and their
-- class, for payer rules on covered injectates (SPEC section 8).

INSERT INTO @extschema@.injectate (name, class, builtin)
SELECT n, c, true FROM (VALUES
	('lidocaine', 'local anesthetic'), ('xylocaine', 'local anesthetic'),
	('lignocaine', 'local anesthetic'), ('bupivacaine', 'local anesthetic'),
	('marcaine', 'local anesthetic'), ('sensorcaine', 'local anesthetic'),
	('ropivacaine', 'local anesthetic'), ('naropin', 'local anesthetic'),
	('procaine', 'local anesthetic'), ('novocain', 'local anesthetic'),
	('mepivacaine', 'local anesthetic'), ('carbocaine', 'local anesthetic'),
	('chloroprocaine', 'local anesthetic'), ('levobupivacaine', 'local anesthetic'),
	('triamcinolone', 'corticosteroid'), ('kenalog', 'corticosteroid'),
	('methylprednisolone', 'corticosteroid'), ('depo-medrol', 'corticosteroid'),
	('depomedrol', 'corticosteroid'), ('medrol', 'corticosteroid'),
	('dexamethasone', 'corticosteroid'), ('decadron', 'corticosteroid'),
	('betamethasone', 'corticosteroid'), ('celestone', 'corticosteroid'),
	('hydrocortisone', 'corticosteroid'),
	('saline', 'saline'), ('normal saline', 'saline'), ('sodium chloride', 'saline'),
	('ns', 'saline'),
	('dextrose', 'other'), ('botulinum toxin', 'other'), ('onabotulinumtoxina', 'other'),
	('botox', 'other'), ('abobotulinumtoxina', 'other'), ('dysport', 'other'),
	('ketorolac', 'other'), ('toradol', 'other'), ('sarapin', 'other'),
	('traumeel', 'other'), ('platelet rich plasma', 'other'), ('prp', 'other')
) AS v(n, c);
