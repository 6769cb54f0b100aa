#!/usr/bin/perl
# unqualified.pl FILE...: lists, for the owners of sql/install/*.sql, the
# function calls without a schema in view bodies, DEFAULT and CHECK
# expressions and SQL/plpgsql function bodies (STYLE.md: qualify
# built-ins with pg_catalog. and own objects with @extschema@.), and the
# SQL/plpgsql functions without SET search_path.  Prints FILE:LINE: name;
# exits 1 when it found any.  A heuristic: SQL syntax that the parser turns
# into pg_catalog calls itself (CAST, COALESCE, EXTRACT, IN (...)) and type
# names are not reported.
use strict;
use warnings;

my %skip = map { $_ => 1 } qw(
	and or not in exists any all some case when then else end cast coalesce
	nullif greatest least array row values select from where group by order
	having as on join left right inner outer full cross lateral using filter
	over partition window with recursive union intersect except distinct limit
	offset check default references primary key unique foreign constraint
	create table view function returns return language immutable stable
	volatile strict interval numeric varchar char character decimal timestamp
	timestamptz date time text integer int int2 int4 int8 smallint bigint
	boolean bool double precision real extract position substring overlay trim
	is null true false into set begin declare loop if elsif raise perform
	execute query foreach slice exception new old tg_argv index unnest_if
	generated always identity setof trigger for each statement procedure
	aggregate sfunc stype finalfunc combinefunc serialfunc deserialfunc
	parallel safe restricted unsafe collate asc desc nulls first last rows
	range between preceding following unbounded current type enum bytea
	regclass anyarray anyelement internal record void inout out variadic
	materialized lateral grouping sets cube rollup only tablesample
);

my $found = 0;
for my $file (@ARGV) {
	open my $fh, '<', $file or die "$file: $!\n";
	my @lines = <$fh>;
	close $fh;
	my $text = join '', @lines;
	# blank out comments and string literals, keeping offsets and newlines
	my $clean = $text;
	$clean =~ s{(--[^\n]*)}{' ' x length($1)}ge;
	$clean =~ s{('(?:[^']|'')*')}{my $s = $1; $s =~ s/[^\n]/ /g; $s}ge;
	# statements: split on ; outside dollar quotes
	my @stmts;
	my ($start, $i, $dq) = (0, 0, undef);
	while ($i < length $clean) {
		my $rest = substr($clean, $i);
		if (!defined $dq && $rest =~ /^(\$[A-Za-z_]*\$)/) { $dq = $1; $i += length $1; next; }
		if (defined $dq && substr($clean, $i, length $dq) eq $dq) { $i += length $dq; $dq = undef; next; }
		if (!defined $dq && substr($clean, $i, 1) eq ';') {
			push @stmts, [$start, substr($clean, $start, $i - $start)];
			$start = $i + 1;
		}
		$i++;
	}
	for my $st (@stmts) {
		my ($off, $s) = @$st;
		my @regions;	# [offset, length] of the parts to scan
		if ($s =~ /^\s*CREATE\s+(?:MATERIALIZED\s+)?VIEW\b/i) {
			push @regions, [0, length $s];
		} elsif ($s =~ /^\s*CREATE\s+FUNCTION\b/i) {
			my $lang = $s =~ /LANGUAGE\s+(\w+)/i ? lc $1 : '';
			next unless $lang eq 'sql' || $lang eq 'plpgsql';
			unless ($s =~ /SET\s+search_path\s*(=|TO)\s*pg_catalog/i) {
				my $line = 1 + (() = substr($clean, 0, $off) =~ /\n/g) + (() = ($s =~ /^(\s*)/)[0] =~ /\n/g);
				print "$file:$line: $lang function without SET search_path = pg_catalog, pg_temp\n";
				$found++;
			}
			while ($s =~ /(\$[A-Za-z_]*\$)(.*?)\1/sg) {
				push @regions, [$-[2], length $2];
			}
		} elsif ($s =~ /^\s*CREATE\s+TABLE\b/i) {
			while ($s =~ /\b(DEFAULT|CHECK)\b/ig) {
				my $p = pos($s);
				# to the end of the column definition: the next comma at depth 0
				my ($d, $j) = (0, $p);
				while ($j < length $s) {
					my $c = substr($s, $j, 1);
					$d++ if $c eq '(';
					if ($c eq ')') { last if $d == 0; $d--; }
					last if $c eq ',' && $d == 0;
					$j++;
				}
				push @regions, [$p, $j - $p];
			}
		}
		for my $r (@regions) {
			my $part = substr($s, $r->[0], $r->[1]);
			while ($part =~ /(?<![.\w"@])([A-Za-z_][A-Za-z0-9_]*)\s*\(/g) {
				my $name = $1;
				next if $skip{lc $name};
				my $abs = $off + $r->[0] + $-[1];
				my $line = 1 + (() = substr($clean, 0, $abs) =~ /\n/g);
				print "$file:$line: unqualified call $name(...)\n";
				$found++;
			}
		}
	}
}
print "unqualified.pl: $found finding(s)\n" if $found;
exit($found ? 1 : 0);
