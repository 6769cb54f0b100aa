#!/usr/bin/perl
# test/data/gen_demo.pl LINES DIR
#
# The demo's material as a practice has it: an X12 837P batch of claims
# (DIR/batch.837, no procedure notes in it) and the procedure notes of the
# TPI visits in the EHR (DIR/notes.tsv: patient_id, date_of_service, note
# text with "\n" for line breaks, as COPY's text format reads it).  About
# LINES service lines; the same LINES gives the same files (a fixed-seed
# generator, no rand()).
#
# Error rates follow published TPI denial figures (10-20% of lines): most
# claims are clean; a few are downcoded (20552 billed, the note names 3+
# muscles), upcoded, lack the drug line, carry an E/M without 25, a joint
# injection without 59, a modifier 50, image guidance, an invalid or
# uncovered diagnosis, come too soon after the last session, or have a
# note that is unsigned or names a region instead of muscles.
use strict;
use warnings;

my $target = shift // 200000;
my $dir = shift // '.';

# xorshift32: deterministic on every platform, no 64-bit overflow
my $s = 2463534242;
sub rnd {
	$s ^= ($s << 13) & 0xFFFFFFFF; $s ^= $s >> 17; $s ^= ($s << 5) & 0xFFFFFFFF;
	return $s;
}
sub pct { return rnd() % 10000 < $_[0] * 100; }		# true with $_[0] percent
sub pick { my $a = shift; return $a->[rnd() % @$a]; }

# payer: external id on the 837P (2010BB NM109), the policy it maps to
# through tpi_rules.payer_map, and its share of patients
my @payers = (
	['12202', 'medicare', 45], ['12502', 'medicare_novitas', 10],
	['13551', 'emblemhealth', 7], ['60054', 'aetna', 12],
	['EVICR', 'evicore', 6], ['00803', 'bcbsa', 10],
	['87726', undef, 10],		# not mapped: commercial_default
);
my @payer_pool = map { my $p = $_; map { $p } 1 .. $p->[2] } @payers;

# muscles by body area (canonical names with the sides a note writes)
my @areas = (
	['upper trapezius', 'levator scapulae', 'splenius capitis', 'sternocleidomastoid', 'semispinalis capitis'],
	['rhomboid major', 'infraspinatus', 'supraspinatus', 'teres minor', 'serratus anterior'],
	['quadratus lumborum', 'longissimus', 'multifidus', 'iliocostalis', 'erector spinae'],
	['gluteus medius', 'gluteus maximus', 'piriformis', 'tensor fasciae latae', 'gluteus minimus'],
);
my @drugs = (
	['lidocaine 1%', '5 mL', 'J2001', 5, '00409427702'],
	['Xylocaine 1%', '4 mL', 'J2001', 4, '63323048527'],
	['bupivacaine 0.25%', '5 mL', 'J3490', 1, '00409116001'],
	['lidocaine 1% and triamcinolone', '4 mL and 40 mg', 'J3301', 4, '00003029320'],
	['Kenalog', '40 mg', 'J3301', 4, '00003029320'],
);
my @care = ('physical therapy for 6 weeks', 'a home exercise program', 'NSAIDs and muscle relaxants',
	'chiropractic care and massage', 'heat, ice and stretching');
my @ems = ('99213', '99214', '99204');

sub side_words {
	my ($side) = @_;
	return $side eq 'B' ? ('right', 'left') : ($side eq 'R' ? ('right') : ('left'));
}

mkdir $dir unless -d $dir;
open my $x, '>', "$dir/batch.837" or die "$dir/batch.837: $!\n";
open my $n, '>', "$dir/notes.tsv" or die "$dir/notes.tsv: $!\n";

my @seg;		# segments of the transaction set being written
sub seg { push @seg, join('*', @_); }

my ($lines, $claims, $patient) = (0, 0, 0);
my $d0 = 20090;		# 2025-01-02 as days since 1970-01-01
sub ymd {
	my @t = gmtime($_[0] * 86400);
	return sprintf('%04d%02d%02d', $t[5] + 1900, $t[4] + 1, $t[3]);
}
sub iso { my $d = ymd($_[0]); return substr($d, 0, 4) . '-' . substr($d, 4, 2) . '-' . substr($d, 6, 2); }

print $x "ISA*00*          *00*          *ZZ*TPIDEMO        *ZZ*CLEARINGHOUSE  *261202*1200*^*00501*000000001*0*P*:~\n";
print $x "GS*HC*TPIDEMO*CLEARINGHOUSE*20261202*1200*1*X*005010X222A1~\n";
my $st = 0;
while ($lines < $target) {
	# one transaction set per 500 patients, as clearinghouses split batches
	@seg = ();
	$st++;
	seg('ST', '837', sprintf('%04d', $st), '005010X222A1');
	seg('BHT', '0019', '00', "B$st", '20261202', '1200', 'CH');
	seg('NM1', '41', '2', 'DEMO PAIN CLINIC', '', '', '', '', '46', 'TPIDEMO');
	seg('PER', 'IC', 'BILLING', 'TE', '5555550100');
	seg('NM1', '40', '2', 'CLEARINGHOUSE', '', '', '', '', '46', 'CH01');
	seg('HL', '1', '', '20', '1');
	seg('NM1', '85', '2', 'DEMO PAIN CLINIC', '', '', '', '', 'XX', '1245319599');
	seg('N3', '100 MAIN ST');
	seg('N4', 'ALBANY', 'NY', '122070000');
	seg('REF', 'EI', '141234567');
	my $hl = 1;
	for (1 .. 500) {
		last if $lines >= $target;
		$patient++;
		my $pid = sprintf('M%08d', $patient);
		my $payer = pick(\@payer_pool);
		my $medicare = defined $payer->[1] && $payer->[1] =~ /^medicare/;
		my $area = $areas[rnd() % @areas];
		my $visits = (1, 1, 1, 2, 2, 3)[rnd() % 6];
		my $date = $d0 + rnd() % 540;
		my $npi = (1245319599, 1679576722, 1083665430)[rnd() % 3];
		$hl++;
		seg('HL', $hl, '1', '22', '0');
		seg('SBR', 'P', '18', '', '', '', '', '', '', $medicare ? 'MB' : 'CI');
		seg('NM1', 'IL', '1', "PATIENT$patient", 'ALEX', '', '', '', 'MI', $pid);
		seg('DMG', 'D8', sprintf('19%02d0%d1%d', 40 + rnd() % 50, 1 + rnd() % 9, rnd() % 10), rnd() % 2 ? 'F' : 'M');
		seg('NM1', 'PR', '2', 'PAYER', '', '', '', '', 'PI', $payer->[0]);
		for my $v (1 .. $visits) {
			# sessions 6 weeks to 4 months apart; now and then too soon
			$date += pct(4) ? 14 + rnd() % 20 : 60 + rnd() % 120 if $v > 1;
			last if $date > $d0 + 540;		# priced through 2026-06-30
			$claims++;
			my $cid = sprintf('D%08d', $claims);
			# the muscles the note documents: 1-5, from one area, sides
			my $nm = (1, 1, 2, 2, 2, 3, 3, 4, 5)[rnd() % 9];
			my @mus;
			my %seen;
			while (@mus < $nm) {
				my $m = pick($area);
				next if $seen{$m}++;
				push @mus, [$m, ('R', 'L', 'B')[rnd() % 3]];
			}
			my $count = 0;
			$count += $_->[1] eq 'B' ? 2 : 1 for @mus;
			my $right = $count >= 3 ? '20553' : '20552';
			my $code = $right;
			$code = '20552' if $right eq '20553' && pct(6);		# downcoded
			$code = '20553' if $right eq '20552' && pct(3);		# upcoded
			my $drug = pick(\@drugs);
			my @dx = ('M79.18');
			push @dx, 'G44.209' if $area == $areas[0] && pct(20);
			@dx = (pct(50) ? 'M79.1' : 'M54.2') if pct(2);		# invalid or not covered
			my @mods = pct(0.7) ? ('50') : ();
			my $em = pct(18);
			my $em25 = !pct(5);
			my $joint = pct(2);
			my $joint59 = !pct(25);
			my $guided = pct(1);
			my $drug_line = !pct(3);
			my $pos = pct(92) ? '11' : '22';

			seg('CLM', $cid, '150', '', '', "$pos:B:1", 'Y', 'A', 'Y', 'Y');
			seg('DTP', '472', 'D8', ymd($date));
			seg('HI', join('*', map { ($_ == 0 ? 'ABK' : 'ABF') . ':' . ($dx[$_] =~ s/\.//r) } 0 .. $#dx));
			# an unclassified drug code names the drug in the claim note
			seg('NTE', 'ADD', uc("$drug->[0] $drug->[1]")) if $drug_line && $drug->[2] eq 'J3490' && !pct(5);
			seg('NM1', '82', '1', 'DOCTOR', 'PAT', '', '', '', 'XX', $npi);
			my $ln = 0;
			my $ptr = join(':', 1 .. @dx);
			my $line = sub {
				my ($hc, $mods, $charge, $units, $lin) = @_;
				$ln++;
				seg('LX', $ln);
				seg('SV1', join(':', 'HC', $hc, @$mods), $charge, 'UN', $units, '', '', $ptr);
				seg('DTP', '472', 'D8', ymd($date));
				seg('LIN', '', 'N4', $lin) if $lin;
				$lines++;
			};
			$line->($code, [@mods, ($joint && $joint59 ? '59' : ())], $code eq '20553' ? '140' : '120', 1);
			$line->($drug->[2], [], '12', $drug->[3], $drug->[4]) if $drug_line;
			$line->(pick(\@ems), $em25 ? ['25'] : [], '110', 1) if $em;
			$line->('20610', [], '130', 1) if $joint;
			$line->('76942', [], '60', 1) if $guided;

			# the note; a few lack a signature, a plan or name only a region
			my $region_only = pct(1);
			my @named;
			my $sites = 0;
			for my $m (@mus) {
				my @w = side_words($m->[1]);
				my $k = 1 + rnd() % 2;
				$sites += $k * @w;
				push @named, ($m->[1] eq 'B' ? 'bilateral ' : "$w[0] ") . $m->[0] . " ($k trigger point" . ($k > 1 ? 's' : '') . ')';
			}
			my $care = pick(\@care);
			my $style = rnd() % 3;
			my @t;
			push @t, "PROCEDURE NOTE: Trigger point injections", "Date of service: " . iso($date),
				"HISTORY: Myofascial pain for " . (2 + rnd() % 10) . " months despite $care.";
			if ($region_only) {
				push @t, "PROCEDURE: Trigger point injections to the " . ($area == $areas[2] ? 'low back' : 'shoulder') . ".";
			} elsif ($style == 0) {
				push @t, "PROCEDURE: After informed consent and sterile prep, trigger points were identified by palpation and injected in the " . join(', ', @named) . ". Total $sites trigger points.";
			} elsif ($style == 1) {
				push @t, "Muscles injected:", map({ "- $_" } @named), "Trigger points: $sites";
			} else {
				push @t, "TPI performed: " . join('; ', @named) . ". Taut bands with local twitch response at each site.";
			}
			push @t, "Medication: $drug->[0], $drug->[1] total.";
			push @t, "Ultrasound guidance was used." if $guided;
			push @t, "Patient tolerated the procedure well." ;
			push @t, "PLAN: Continue home stretching, follow up in 6 weeks." unless pct(2);
			push @t, "Electronically signed by Pat Doctor, MD" unless pct(2);
			my $body = join('\n', @t);
			# a few visits' notes never reach the warehouse
			print $n "$pid\t" . iso($date) . "\t$body\n" unless pct(3);
		}
	}
	seg('SE', scalar(@seg) + 1, sprintf('%04d', $st));
	print $x join("~\n", @seg), "~\n";
}
print $x "GE*$st*1~\nIEA*1*000000001~\n";
close $x;
close $n;
print "$lines service lines, $claims claims, $patient patients\n";
