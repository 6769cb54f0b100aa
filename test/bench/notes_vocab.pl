#!/usr/bin/perl
# test/bench/notes_vocab.pl MUSCLE_SQL... INJECTATE_SQL
# Prints the shipped muscle catalogue (every install file that has its
# rows) and injectate names as the lines the note benchmark driver reads:
# "M<TAB>name<TAB>region<TAB>kind<TAB>alias|alias" and
# "D<TAB>name<TAB>generic" (generic empty when the name is one).
use strict;
use warnings;
my $isql = pop @ARGV;
for my $msql (@ARGV) {
	open my $m, '<', $msql or die "$msql: $!";
	while (<$m>) {
		next unless /^\('([^']*)', (?:'([^']*)'|NULL), '(muscle|group|region)', '\{([^}]*)\}'/;
		my ($name, $region, $kind, $aliases) = ($1, $2 // '', $3, $4);
		$aliases =~ s/,/|/g;
		print "M\t$name\t$region\t$kind\t$aliases\n";
	}
	close $m;
}
open my $i, '<', $isql or die "$isql: $!";
while (<$i>) {
	next unless /^\s*\('([^']*)', '[^']*', (?:'([^']*)'|NULL),/;
	print "D\t$1\t", ($2 // ''), "\n";
}
close $i;
