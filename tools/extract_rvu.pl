#!/usr/bin/perl
# extract_rvu.pl CMSDIR DATADIR
#
# Writes DATADIR/rvu.csv and DATADIR/gpci2025.csv, the shipped payment
# reference rows, from CMS's own files in CMSDIR (../shared/data/cms):
#
#   PPRRVU25_JAN1.csv          -> release RVU25A, 2025-01-01..2025-12-31,
#                                 confidence 'high' (CMS file as published)
#   PPRRVU2026_Jul_nonQPP.csv  -> release RVU26C-shipped (CMS's July 2026
#                                 release RVU26C, the only 2026 file
#                                 available, under a name the loader never
#                                 gives, so loading RVU26C itself leaves
#                                 January-June priced), shipped as
#                                 effective 2026-01-01..2026-12-31 so that
#                                 all of 2026 can be priced; confidence
#                                 'unverified' (third-party copy) except
#                                 the 20552 global row, 'confirmed' by the
#                                 published 2026 figures (work 0.64,
#                                 PE 0.84, MP 0.07, total 1.55)
#   GPCI2025.csv               -> release GPCI2025, 2025-01-01..2025-12-31
#
# Columns are found by their header names, as load_pprrvu() and
# load_gpci() find them (the 2026 layout has an extra PRIC IND column).
# Numbers are written with CMS's precision (2 decimals for RVUs, 3 for
# GPCIs); global days are zero-padded to 3 digits.  No descriptor text is
# written.  Usage from the repository root:
#     perl tools/extract_rvu.pl ../shared/data/cms data
use strict;
use warnings;

my ($cms, $out) = @ARGV;
die "usage: extract_rvu.pl CMSDIR DATADIR\n" unless defined $out;

# The codes the rules price (SPEC section 8), plus 77021 (imaging guidance).
my @codes = (qw(20550 20551 20552 20553 20560 20561),
	qw(20600 20604 20605 20606 20610 20611),
	qw(64450 76942 77002 77021),
	qw(99202 99203 99204 99205 99211 99212 99213 99214 99215));
my %want = map { $_ => 1 } @codes;

sub parse_csv_line {
	my ($line) = @_;
	my @f;
	while (1) {
		if ($line =~ s/^"((?:[^"]|"")*)"(,|$)//) {
			(my $v = $1) =~ s/""/"/g;
			push @f, $v;
			last if $2 eq '';
		} elsif ($line =~ s/^([^,]*)(,|$)//) {
			push @f, $1;
			last if $2 eq '';
		} else {
			die "bad CSV near: $line\n";
		}
	}
	return @f;
}

sub trim { my $s = shift // ''; $s =~ s/^\s+|\s+$//g; $s =~ s/\s+/ /g; return uc $s; }

sub read_lines {
	my ($path) = @_;
	open my $fh, '<', $path or die "$path: $!\n";
	my @l = map { s/\r?\n\z//r } <$fh>;
	close $fh;
	return @l;
}

# Fixed-point text with the given number of decimals ('' stays '').
sub fixed {
	my ($v, $dec, $what) = @_;
	$v = trim($v);
	return '' if $v eq '' || $v eq 'NA';
	die "$what: '$v' is not a number\n" unless $v =~ /^\d*\.?\d*$/ && $v =~ /\d/;
	return sprintf("%.${dec}f", $v);
}

# Columns by their composed header names: the cells of the header block
# (lines since the last blank one, down to the HCPCS,MOD,DESCRIPTION row).
sub pprrvu_rows {
	my ($path, $release, $from, $to, $confidence) = @_;
	my @lines = read_lines($path);
	my (@names, $hdr);
	for my $i (0 .. $#lines) {
		my @f = map { trim($_) } parse_csv_line($lines[$i]);
		if (!grep { $_ ne '' } @f) { @names = (); next; }
		for my $c (0 .. $#f) {
			next if $f[$c] eq '';
			$names[$c] = defined $names[$c] && $names[$c] ne '' ? "$names[$c] $f[$c]" : $f[$c];
		}
		if ($f[0] eq 'HCPCS') { $hdr = $i; last; }
	}
	die "$path: no header row\n" unless defined $hdr;
	my %col;
	for my $c (0 .. $#names) { $col{$names[$c]} = $c if defined $names[$c]; }
	for my $n ('HCPCS', 'MOD', 'STATUS CODE', 'WORK RVU', 'NON-FAC PE RVU',
			   'NON-FAC NA INDICATOR', 'FACILITY PE RVU', 'FACILITY NA INDICATOR',
			   'MP RVU', 'GLOB DAYS', 'BILAT SURG') {
		die "$path: no column $n\n" unless exists $col{$n};
	}
	my @rows;
	for my $i ($hdr + 1 .. $#lines) {
		my @f = parse_csv_line($lines[$i]);
		my $h = trim($f[$col{'HCPCS'}]);
		next unless $want{$h};
		my $g = trim($f[$col{'GLOB DAYS'}]);
		$g = sprintf('%03d', $g) if $g =~ /^\d+$/;
		my $b = trim($f[$col{'BILAT SURG'}]);
		my $mod = trim($f[$col{'MOD'}]);
		my $conf = ref $confidence ? $confidence->($h, $mod) : $confidence;
		push @rows, [$release, $from, $to, $h, $mod,
			trim($f[$col{'STATUS CODE'}]),
			fixed($f[$col{'WORK RVU'}], 2, "$h WORK"),
			fixed($f[$col{'NON-FAC PE RVU'}], 2, "$h NON-FAC PE"),
			fixed($f[$col{'FACILITY PE RVU'}], 2, "$h FACILITY PE"),
			fixed($f[$col{'MP RVU'}], 2, "$h MP"),
			trim($f[$col{'NON-FAC NA INDICATOR'}]) eq 'NA' ? 'true' : 'false',
			trim($f[$col{'FACILITY NA INDICATOR'}]) eq 'NA' ? 'true' : 'false',
			$g, $b, $conf];
	}
	my %seen = map { $_->[3] => 1 } @rows;
	for my $c (@codes) { die "$path: code $c missing\n" unless $seen{$c}; }
	my %modord = ('' => 0, '26' => 1, 'TC' => 2);
	return sort { $a->[3] cmp $b->[3] || $modord{$a->[4]} <=> $modord{$b->[4]} } @rows;
}

my @rvu = (
	pprrvu_rows("$cms/PPRRVU25_JAN1.csv", 'RVU25A', '2025-01-01', '2025-12-31', 'high'),
	pprrvu_rows("$cms/PPRRVU2026_Jul_nonQPP.csv", 'RVU26C-shipped', '2026-01-01', '2026-12-31',
		sub { $_[0] eq '20552' && $_[1] eq '' ? 'confirmed' : 'unverified' }));

open my $o, '>', "$out/rvu.csv" or die "$out/rvu.csv: $!\n";
print $o "release,effective_from,effective_to,hcpcs,modifier,status,work_rvu,"
	. "pe_rvu_nonfacility,pe_rvu_facility,mp_rvu,nonfacility_na,facility_na,"
	. "global_days,bilateral_indicator,confidence\n";
for my $r (@rvu) {
	my @v = @$r;
	$v[4] = qq("$v[4]");		# modifier: quoted, so '' is not NULL
	print $o join(',', @v), "\n";
}
close $o;

# GPCI: 2 banner lines, a one-line header, the localities, then notes.
my @g = read_lines("$cms/GPCI2025.csv");
die "GPCI2025.csv: unexpected banner\n" unless $g[0] =~ /FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES/;
my ($hi) = grep { trim((parse_csv_line($g[$_]))[0]) =~ /^MEDICARE ADMINISTRATIVE CONTRACTOR/ } 0 .. $#g;
die "GPCI2025.csv: no header\n" unless defined $hi;
my @h = map { trim($_) } parse_csv_line($g[$hi]);
my %gc;
for my $c (0 .. $#h) {
	$gc{mac} = $c if $h[$c] =~ /^MEDICARE ADMINISTRATIVE CONTRACTOR/;
	$gc{state} = $c if $h[$c] eq 'STATE';
	$gc{num} = $c if $h[$c] eq 'LOCALITY NUMBER';
	$gc{name} = $c if $h[$c] eq 'LOCALITY NAME';
	$gc{work} = $c if $h[$c] =~ /PW GPCI/;
	$gc{pe} = $c if $h[$c] =~ /PE GPCI/;
	$gc{mp} = $c if $h[$c] =~ /MP GPCI/;
}
die "GPCI2025.csv: missing column\n" unless keys %gc == 7;
open $o, '>', "$out/gpci2025.csv" or die "$out/gpci2025.csv: $!\n";
print $o "release,effective_from,effective_to,locality,state,locality_name,work_gpci,pe_gpci,mp_gpci\n";
my $n = 0;
for my $i ($hi + 1 .. $#g) {
	my @f = parse_csv_line($g[$i]);
	last unless grep { defined $_ && /\S/ } @f[1 .. $#f];	# notes end the table
	my $name = $f[$gc{name}];
	$name =~ s/^\s+|[\s*]+$//g;
	$name = qq("$name") if $name =~ /[",]/;
	printf $o "GPCI2025,2025-01-01,2025-12-31,%05d-%02d,%s,%s,%s,%s,%s\n",
		$f[$gc{mac}], $f[$gc{num}], trim($f[$gc{state}]), $name,
		fixed($f[$gc{work}], 3, 'work'), fixed($f[$gc{pe}], 3, 'pe'), fixed($f[$gc{mp}], 3, 'mp');
	$n++;
}
close $o;
die "GPCI2025.csv: $n localities, expected 109\n" unless $n == 109;
