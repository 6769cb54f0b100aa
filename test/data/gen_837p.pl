#!/usr/bin/perl
# gen_837p.pl [LINES] [SEED]: a deterministic X12 837P batch (005010X222A1)
# of at least LINES service lines (default 100000) on standard output, for
# test/bench/bench_837p.sql.
#
# What a pain practice's batch holds: trigger point injections (20552,
# 20553) with their drug lines (J2001 lidocaine, J3301 triamcinolone, J1030
# methylprednisolone, J1100 dexamethasone; LIN*N4 with the NDC), E/M visits
# with and without modifier 25, joint injections (20610) with and without
# 59, ultrasound guidance (76942), several payers (Medicare, Aetna, BCBS,
# UnitedHealthcare, Cigna), dependents (2000C), claims with one or two HI
# segments, rendering providers at claim (2310B) or line (2420A) level,
# coordination of benefits (2320/2330) on some claims, line and claim
# dates, notes.  Patients come back over the year so frequency rules have
# something to count.  The same arguments give the same bytes: the random
# numbers are a fixed linear congruential generator, not perl's rand.
use strict;
use warnings;

my $want = shift // 100000;
my $seed = shift // 20261202;
die "usage: gen_837p.pl [LINES] [SEED]\n" unless $want =~ /^\d+$/ && $seed =~ /^\d+$/;

# a 31-bit linear congruential generator (exact in perl's doubles)
my $state = $seed % 2147483648;
sub rnd31 {    # 0 .. n-1
	my ($n) = @_;
	$state = ($state * 1103515245 + 12345) % 2147483648;
	return int($state / 65536) % $n;
}

my @payers = (
	['MEDICARE', '13202', 'MB'],
	['AETNA', '60054', 'CI'],
	['BLUE CROSS BLUE SHIELD', 'BCBS1', 'BL'],
	['UNITEDHEALTHCARE', '87726', 'CI'],
	['CIGNA', '62308', 'CI'],
);
my @drugs = (
	['J2001', '00409427702', 1],    # lidocaine, per 10 mg
	['J3301', '00003029305', 4],    # triamcinolone, per 10 mg
	['J1030', '00009307403', 1],    # methylprednisolone 40 mg
	['J1100', '63323016501', 2],    # dexamethasone, per 1 mg
);
my @dx = qw(M7918 M791 M5410 M542 M545 M546 M6281 G8929 M7910 M25511);
my @first = qw(ALICE BRUCE CAROL DAVID EMMA FRANK GRACE HENRY IRENE JACK KAREN LIAM);
my @last = qw(ADAMS BAKER CLARK DAVIS EVANS FOSTER GREEN HAYES IRWIN JONES KELLY LOPEZ);
my @npis = qw(1245319599 1679576722 1093817015 1568452829 1932128436);

my $npatients = int($want / 8) + 10;
my $out = '';
my $nseg = 0;
my $lines = 0;
my $claims = 0;
my $st = 0;

sub seg { $out .= join('*', @_) . "~\n"; $nseg++; }

sub date8 {
	my ($day) = @_;    # day of 2026, 0 .. 364
	my @dim = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31);
	my $m = 0;
	while ($day >= $dim[$m]) { $day -= $dim[$m]; $m++; }
	return sprintf('2026%02d%02d', $m + 1, $day + 1);
}

print sprintf('ISA*00*%-10s*00*%-10s*ZZ*%-15s*ZZ*%-15s*261202*0800*^*00501*%09d*0*P*:~',
	'', '', 'PAINCLINIC', 'CLEARINGHOUSE', 1), "\n";
print "GS*HC*PAINCLINIC*CLEARINGHOUSE*20261202*0800*1*X*005010X222A1~\n";

while ($lines < $want) {
	# one transaction set of up to 2000 claims
	$st++;
	$nseg = 0;
	$out = '';
	seg('ST', '837', sprintf('%04d', $st), '005010X222A1');
	seg('BHT', '0019', '00', "BATCH$st", '20261202', '0800', 'CH');
	seg('NM1', '41', '2', 'ALBANY PAIN CLINIC', '', '', '', '', '46', 'PAINCLINIC');
	seg('PER', 'IC', 'BILLING OFFICE', 'TE', '5185550100');
	seg('NM1', '40', '2', 'CLEARINGHOUSE', '', '', '', '', '46', 'CLEARINGHOUSE');
	my $hl = 1;
	seg('HL', $hl, '', '20', '1');
	seg('PRV', 'BI', 'PXC', '208VP0014X');
	seg('NM1', '85', '2', 'ALBANY PAIN CLINIC', '', '', '', '', 'XX', '1234567893');
	seg('N3', '1 MAIN ST');
	seg('N4', 'ALBANY', 'NY', '12207');
	seg('REF', 'EI', '141234567');
	for (my $c = 0; $c < 2000 && $lines < $want; $c++) {
		$claims++;
		my $p = rnd31($npatients);
		my $payer = $payers[$p % @payers];
		my $dependent = $p % 5 == 0;
		my $sub_id = sprintf('%s%08d', $payer->[1] eq '13202' ? 'MBI' : 'W', $p);
		my $parent = ++$hl;
		seg('HL', $parent, '1', '22', $dependent ? '1' : '0');
		seg('SBR', 'P', $dependent ? '' : '18', '', '', '', '', '', '', $payer->[2]);
		seg('NM1', 'IL', '1', $last[$p % @last], $first[$p % @first], '', '', '', 'MI', $sub_id);
		seg('N3', ($p % 900 + 10) . ' ELM ST');
		seg('N4', 'ALBANY', 'NY', '12208');
		seg('DMG', 'D8', sprintf('19%02d%02d%02d', 40 + $p % 50, 1 + $p % 12, 1 + $p % 28), $p % 2 ? 'F' : 'M') unless $dependent;
		seg('NM1', 'PR', '2', $payer->[0], '', '', '', '', 'PI', $payer->[1]);
		if ($dependent) {
			seg('HL', ++$hl, $parent, '23', '0');
			seg('PAT', '19');
			seg('NM1', 'QC', '1', $last[$p % @last], $first[($p + 3) % @first]);
			seg('N3', ($p % 900 + 10) . ' ELM ST');
			seg('N4', 'ALBANY', 'NY', '12208');
			seg('DMG', 'D8', sprintf('20%02d%02d%02d', 5 + $p % 15, 1 + $p % 12, 1 + $p % 28), 'F');
		}
		# the claim: a TPI with its drug, sometimes an E/M, a joint
		# injection or ultrasound guidance
		my $day = rnd31(365);
		my $tpi = rnd31(3) ? '20552' : '20553';
		my $drug = $drugs[rnd31(scalar @drugs)];
		my @svc = ([$tpi, '', 1, 95 + 25 * ($tpi eq '20553')]);
		push @svc, [$drug->[0], '', $drug->[2], 12, $drug->[1]];
		my $r = rnd31(100);
		push @svc, ['99213', $r < 15 ? '' : '25', 1, 110] if $r < 45;
		push @svc, ['20610', $r % 2 ? '59' : '', 1, 170] if $r >= 45 && $r < 60;
		push @svc, ['76942', '', 1, 80] if $r >= 60 && $r < 70;
		push @svc, ['20552', 'XS', 1, 95] if $r >= 97;
		my $total = 0;
		$total += $_->[3] for @svc;
		my $cid = sprintf('C%07d', $claims);
		seg('CLM', $cid, $total, '', '', '11:B:1', 'Y', 'A', 'Y', 'Y');
		seg('DTP', '472', 'D8', date8($day)) if $claims % 2;
		seg('NTE', 'ADD', 'PATIENT SEEN FOR MYOFASCIAL PAIN') if $claims % 7 == 0;
		my @codes = map { $dx[($p + $_) % @dx] } 0 .. 3;
		seg('HI', 'ABK:M7918', map { "ABF:$_" } @codes[0 .. 1]);
		seg('HI', map { "ABF:$_" } @codes[2 .. 3]) if $claims % 3 == 0;
		my $npi = $npis[$claims % @npis];
		seg('NM1', '82', '1', 'SMITH', 'JOHN', '', '', '', 'XX', $npi) if $claims % 4;
		if ($claims % 10 == 0) {
			# coordination of benefits: another payer's loops
			seg('SBR', 'S', '18', '', '', '', '', '', '', 'CI');
			seg('OI', '', '', 'Y', '', '', 'Y');
			seg('NM1', 'IL', '1', $last[$p % @last], $first[$p % @first], '', '', '', 'MI', "OTHER$p");
			seg('NM1', 'PR', '2', 'SECONDARY PAYER', '', '', '', '', 'PI', 'SEC01');
		}
		my $ln = 0;
		for my $s (@svc) {
			$ln++;
			my $mods = $s->[1] ne '' ? ":$s->[1]" : '';
			my $ptr = $s->[0] eq '99213' ? '1:2' : $s->[0] eq '20610' ? '3' : '1';
			seg('LX', $ln) unless $claims % 11 == 0;
			seg('SV1', "HC:$s->[0]$mods", $s->[3], 'UN', $s->[2], '', '', $ptr);
			seg('DTP', '472', 'D8', date8($day)) unless $claims % 2;
			if (defined $s->[4]) {
				seg('LIN', '', 'N4', $s->[4]);
				seg('CTP', '', '', '', '1', 'ML');
			}
			seg('NM1', '82', '1', 'JONES', 'AMY', '', '', '', 'XX', $npis[($claims + 1) % @npis])
				if $claims % 4 == 0 && $ln == 1;
			$lines++;
		}
	}
	seg('SE', $nseg + 1, sprintf('%04d', $st));
	print $out;
}
print "GE*$st*1~\n";
print "IEA*1*000000001~\n";
