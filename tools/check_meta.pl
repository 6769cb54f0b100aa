#!/usr/bin/perl
# check_meta.pl [META.json]: checks a PGXN distribution's META.json against
# the PGXN Meta Spec 1.0.0 (https://pgxn.org/spec/): required keys, their
# types, semantic versions, license names, provides/prereqs/resources
# shapes.  Prints one line per problem; exits 1 if there is any.  Only
# perl-base and JSON::PP (core perl) are needed.
use strict;
use warnings;
use JSON::PP;

my $file = shift // 'META.json';
open my $fh, '<', $file or die "$file: $!\n";
my $meta = eval { decode_json(do { local $/; <$fh> }) };
die "$file: not valid JSON: $@" unless $meta;
my @err;
my $semver = qr/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+)?$/;
my %licenses = map { $_ => 1 } qw(agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd
  freebsd gfdl_1_2 gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1
  openssl perl_5 postgresql qpl_1_0 ssleay sun zlib open_source restricted unrestricted unknown);
my %phases = map { $_ => 1 } qw(configure build test runtime develop);
my %relations = map { $_ => 1 } qw(requires recommends suggests conflicts);

sub need { my ($h, $k, $where) = @_; push @err, "$where: missing \"$k\"" unless exists $h->{$k}; return exists $h->{$k}; }
sub string { my ($v, $where) = @_; push @err, "$where: not a non-empty string" unless defined $v && !ref $v && length $v; }
sub version_ok { my ($v, $where) = @_; push @err, "$where: \"" . ($v // '') . "\" is not a semantic version" unless defined $v && !ref $v && $v =~ $semver; }

for my $k (qw(name abstract maintainer license provides version meta-spec)) { need($meta, $k, 'META.json'); }
string($meta->{name}, 'name');
push @err, 'name: must not contain / \\ or whitespace' if ($meta->{name} // '') =~ m{[/\\\s]};
string($meta->{abstract}, 'abstract');
version_ok($meta->{version}, 'version');
my $m = $meta->{maintainer};
push @err, 'maintainer: a string or an array of strings'
  unless defined $m && (!ref $m || (ref $m eq 'ARRAY' && @$m && !grep { ref || !length } @$m));
my $l = $meta->{license};
for my $name (ref $l eq 'ARRAY' ? @$l : ref $l eq 'HASH' ? () : ($l // '')) {
	push @err, "license: unknown license \"$name\"" unless $licenses{$name};
}
my $p = $meta->{provides};
if (ref $p ne 'HASH' || !%$p) { push @err, 'provides: an object with at least one extension'; }
else {
	for my $ext (sort keys %$p) {
		my $e = $p->{$ext};
		if (ref $e ne 'HASH') { push @err, "provides.$ext: not an object"; next; }
		need($e, 'file', "provides.$ext") and string($e->{file}, "provides.$ext.file");
		need($e, 'version', "provides.$ext") and version_ok($e->{version}, "provides.$ext.version");
		push @err, "provides.$ext.file: $e->{file} does not exist" if defined $e->{file} && !-e $e->{file} && !$ENV{META_NO_FILES};
	}
}
my $ms = $meta->{'meta-spec'};
push @err, 'meta-spec: an object whose version is 1.0.0' unless ref $ms eq 'HASH' && ($ms->{version} // '') eq '1.0.0';
if (my $pr = $meta->{prereqs}) {
	if (ref $pr ne 'HASH') { push @err, 'prereqs: not an object'; }
	else {
		for my $ph (sort keys %$pr) {
			push @err, "prereqs.$ph: unknown phase" unless $phases{$ph};
			for my $rel (sort keys %{ $pr->{$ph} }) {
				push @err, "prereqs.$ph.$rel: unknown relation" unless $relations{$rel};
				for my $dep (sort keys %{ $pr->{$ph}{$rel} }) {
					my $v = $pr->{$ph}{$rel}{$dep};
					push @err, "prereqs.$ph.$rel.$dep: \"$v\" is neither 0 nor a version (range)"
					  unless $v eq '0' || $v =~ /^(?:(?:[<>]=?|==|!=)\s*)?\d+\.\d+\.\d+/;
				}
			}
		}
	}
}
if (my $r = $meta->{resources}) {
	my %known = (homepage => 1, bugtracker => 1, repository => 1);
	for my $k (sort keys %$r) { push @err, "resources.$k: unknown resource" unless $known{$k} || $k =~ /^x_/i; }
	if (my $b = $r->{bugtracker}) {
		push @err, 'resources.bugtracker: needs web or mailto' unless ref $b eq 'HASH' && ($b->{web} || $b->{mailto});
	}
	if (my $rp = $r->{repository}) {
		push @err, 'resources.repository: needs url or web' unless ref $rp eq 'HASH' && ($rp->{url} || $rp->{web});
	}
}
if (defined $meta->{release_status}) {
	push @err, 'release_status: stable, testing or unstable' unless $meta->{release_status} =~ /^(stable|testing|unstable)$/;
}
print "$file: $_\n" for @err;
print "$file: valid PGXN Meta Spec 1.0.0 ($meta->{name} $meta->{version})\n" unless @err;
exit(@err ? 1 : 0);
