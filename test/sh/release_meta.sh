#!/bin/bash
# Release metadata: META.json is valid against the PGXN Meta Spec 1.0.0, and
# the versions agree (META.json, its provides, the control file's
# default_version, debian/changelog); `make dist` makes the PGXN archive
# tpi_rules-<version>.zip of the committed tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
perl tools/check_meta.pl META.json
meta=$(perl -MJSON::PP -0777 -ne 'print decode_json($_)->{version}' META.json)
provides=$(perl -MJSON::PP -0777 -ne 'print decode_json($_)->{provides}{tpi_rules}{version}' META.json)
control=$(sed -nE "s/^default_version *= *'([^']+)'.*/\1/p" tpi_rules.control)
deb=$(sed -nE '1s/^[^ ]+ \(([^-)]+)(-[^)]*)?\).*/\1/p' debian/changelog)
echo "META.json $meta, provides $provides, control $control, debian $deb"
[ "$provides" = "$meta" ] || { echo "FAIL: provides.tpi_rules.version $provides <> version $meta"; exit 1; }
[ "${meta%.0}" = "$control" ] || [ "$meta" = "$control" ] || { echo "FAIL: META.json $meta is not default_version $control"; exit 1; }
[ "$deb" = "$meta" ] || { echo "FAIL: debian/changelog $deb <> META.json $meta"; exit 1; }
grep -q "^Package: postgresql-15-tpi-rules$" debian/control || { echo "FAIL: debian/control has no postgresql-15-tpi-rules"; exit 1; }
if git rev-parse --git-dir >/dev/null 2>&1; then
	zip=tpi_rules-$meta.zip
	rm -f "$zip"
	make -s dist PG_CONFIG="${PG_CONFIG:-pg_config}" >/dev/null
	[ -s "$zip" ] || { echo "FAIL: make dist made no $zip"; exit 1; }
	list=$(perl -MIO::Uncompress::Unzip=\$UnzipError -e '
		my $z = IO::Uncompress::Unzip->new($ARGV[0]) or die $UnzipError;
		for (my $s = 1; $s > 0; $s = $z->nextStream) { print $z->getHeaderInfo->{Name}, "\n" }' "$zip")
	rm -f "$zip"
	for f in META.json Makefile tpi_rules.control README.md sql/tpi_rules--1.0.sql sql/install/00_header.sql tools/gen_install.pl; do
		grep -qx "tpi_rules-$meta/$f" <<<"$list" || { echo "FAIL: the archive lacks $f"; exit 1; }
	done
	echo "ok: make dist made $zip ($(grep -c . <<<"$list") entries under tpi_rules-$meta/)"
fi
echo "release metadata ok"
