#!/usr/bin/perl
# gen_install.pl OUT FILE...
#
# Builds the one install script tpi_rules--X.sql from the SQL sources in
# sql/install (in the order given) and the CSV files in data/.  A source
# line of the form
#     -- @csv data/rvu.csv rvu
# is replaced by one INSERT of every row of the CSV into @extschema@.rvu,
# with builtin = true.  The CSV's first row names the columns; an empty
# field is NULL, every other field is a quoted literal that PostgreSQL
# casts to the column's type.  Fields may be double-quoted (RFC 4180).
# A line
#     -- @include sql/install/70_read_837p.sql
# is replaced by that file (expanded the same way), so that an update
# script creates a new object with the very text the install script has.
# A line
#     -- @rules src/engine/rules.def
# is replaced by the INSERT of the rule catalogue's shipped rows, read from
# the C rule registry (one definition of every rule).
# A line
#     -- @replace sql/install/60_views.sql @extschema@.frequency_status
# is replaced by that function's (or aggregate's) CREATE statement in the
# file, made CREATE OR REPLACE: a changed body has one text too, and
# objects that depend on it (a user's view) are kept.  A line
#     -- @comments sql/install/60_views.sql @extschema@.v_frequency_status
# is replaced by every COMMENT ON statement of that object (and of its
# columns) in the file.
# Only perl-base is needed, which every Debian system has.
use strict;
use warnings;

my $out = shift @ARGV or die "usage: gen_install.pl OUT FILE...\n";
my $root = $ENV{TPI_ROOT} // '.';

sub parse_csv_line {
	my ($line) = @_;
	my @f;
	while (1) {
		if ($line =~ s/^"((?:[^"]|"")*)"(,|$)//) {
			my $v = $1;
			$v =~ s/""/"/g;
			push @f, [$v, 1];
			last if $2 eq '';
		} elsif ($line =~ s/^([^,"]*)(,|$)//) {
			push @f, [$1, 0];
			last if $2 eq '';
		} else {
			die "bad CSV field near: $line\n";
		}
	}
	return @f;
}

sub csv_insert {
	my ($path, $table) = @_;
	open my $fh, '<', "$root/$path" or die "$path: $!\n";
	my $hdr = <$fh>;
	$hdr =~ s/\r?\n$//;
	my @cols = map { $_->[0] } parse_csv_line($hdr);
	my @rows;
	while (my $l = <$fh>) {
		$l =~ s/\r?\n$//;
		next if $l eq '';
		my @f = parse_csv_line($l);
		die "$path:$.: ".scalar(@f)." fields, header has ".scalar(@cols)."\n"
			if @f != @cols;
		my @v = map {
			($_->[0] eq '' && !$_->[1]) ? 'NULL'
				: do { (my $s = $_->[0]) =~ s/'/''/g; "'$s'" }
		} @f;
		push @rows, "\t(" . join(', ', @v, 'true') . ")";
	}
	close $fh;
	die "$path: no rows\n" unless @rows;
	return "INSERT INTO \@extschema\@.$table (" . join(', ', @cols, 'builtin')
		. ") VALUES\n" . join(",\n", @rows) . ";\n";
}

# The shipped rows of tpi_rules.rule from the rule registry (a C file of
# RULE(enum, "rule_id", TPI_SEVERITY, flags, "title", "explanation",
# "source") entries; each text may be several adjacent string literals).
sub c_strings {
	my ($group) = @_;
	my $t = '';
	while ($group =~ /"((?:[^"\\]|\\.)*)"/g) {
		(my $s = $1) =~ s/\\(.)/$1/g;
		$t .= $s;
	}
	$t =~ s/'/''/g;
	return "'$t'";
}

sub rules_insert {
	my ($path) = @_;
	open my $fh, '<', "$root/$path" or die "$path: $!\n";
	local $/;
	my $text = <$fh>;
	close $fh;
	my $str = qr/"(?:[^"\\]|\\.)*"/;
	my $strs = qr/$str(?:\s*$str)*/;
	my @rows;
	while ($text =~ /^RULE\(\s*(\w+)\s*,\s*($str)\s*,\s*TPI_(INFO|WARNING|ERROR)\s*,\s*[^,"]+?\s*,\s*($strs)\s*,\s*($strs)\s*,\s*($strs)\s*\)/mg) {
		push @rows, "(" . join(', ', c_strings($2), "'" . lc($3) . "'",
							  c_strings($4), c_strings($5), c_strings($6), 'true') . ")";
	}
	my $n = () = $text =~ /^RULE\(/mg;
	die "$path: read " . scalar(@rows) . " of $n RULE() entries\n" if @rows != $n || !@rows;
	return "INSERT INTO \@extschema\@.rule (rule_id, severity, title, explanation, source, builtin) VALUES\n"
		. join(",\n", @rows) . "\nON CONFLICT (rule_id) DO NOTHING;\n";
}

# The CREATE FUNCTION statement of function NAME (as written after CREATE
# FUNCTION, up to the parenthesis) in an install source, as CREATE OR
# REPLACE FUNCTION: an update script changes a function's body with the
# very text the install script has.  The statement ends at a line "$$;".
sub replace_function {
	my ($path, $name) = @_;
	open my $fh, '<', $path or die "$path: $!\n";
	my ($out, $kind) = ('', '');
	while (my $l = <$fh>) {
		if (!$kind && $l =~ /^CREATE (FUNCTION|AGGREGATE) \Q$name\E\(/) {
			$kind = $1;
			$l =~ s/^CREATE /CREATE OR REPLACE /;
		}
		next unless $kind;
		$out .= $l;
		# a function's body ends with "$$;", an aggregate's options with ");"
		last if $kind eq 'FUNCTION' ? $l =~ /^\$\$;\s*$/ : $l =~ /^\);\s*$/;
	}
	close $fh;
	die "$path: no CREATE FUNCTION or AGGREGATE $name( with its closing line\n"
		unless $out =~ /(^|\n)(\$\$|\));\s*$/;
	return $out;
}

# Every COMMENT ON statement of object NAME (a function, or a view or
# table and its columns) in an install source: an update script that
# changes an object's comments gives them the install script's text.
sub object_comments {
	my ($path, $name) = @_;
	open my $fh, '<', $path or die "$path: $!\n";
	my ($out, $in) = ('', 0);
	while (my $l = <$fh>) {
		$in = 1 if $l =~ /^COMMENT ON \w+ \Q$name\E[(. ]/;
		next unless $in;
		$out .= $l;
		$in = 0 if $l =~ /';\s*$/;
	}
	close $fh;
	die "$path: no COMMENT ON $name\n" unless $out;
	return $out;
}

sub emit {
	my ($o, $src, $depth) = @_;
	die "$src: \@include nested too deep\n" if $depth > 4;
	open my $fh, '<', $src or die "$src: $!\n";
	while (my $l = <$fh>) {
		if ($l =~ /^--\s*\@csv\s+(\S+)\s+(\S+)\s*$/) {
			print $o csv_insert($1, $2);
		} elsif ($l =~ /^--\s*\@include\s+(\S+)\s*$/) {
			emit($o, "$root/$1", $depth + 1);
		} elsif ($l =~ /^--\s*\@rules\s+(\S+)\s*$/) {
			print $o rules_insert($1);
		} elsif ($l =~ /^--\s*\@replace\s+(\S+)\s+(\S+)\s*$/) {
			print $o replace_function("$root/$1", $2);
		} elsif ($l =~ /^--\s*\@comments\s+(\S+)\s+(\S+)\s*$/) {
			print $o object_comments("$root/$1", $2);
		} else {
			print $o $l;
		}
	}
	close $fh;
	print $o "\n";
}

open my $o, '>', "$out.tmp" or die "$out.tmp: $!\n";
emit($o, $_, 0) for @ARGV;
close $o;
rename "$out.tmp", $out or die "$out: $!\n";
