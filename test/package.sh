#!/bin/bash
# test/package.sh: build the Debian package postgresql-15-tpi-rules from this
# checkout (dpkg-buildpackage -us -uc -b, debian/), install it with dpkg -i,
# check that the installed files are the package's, and run the package
# test (debian/tests/installcheck: pg_regress and isolation suites in a
# throwaway cluster) against the installed package.
# Installs debhelper, postgresql-server-dev-all and fakeroot when missing.
# Prints the suites' "... ok" / "... FAILED" lines; exits non-zero on failure.
# Leaves the .deb in $TPI_DEB_OUT (default: /tmp/tpi-rules-deb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/prereqs.sh debhelper postgresql-server-dev-all fakeroot dpkg-dev
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
version=$(dpkg-parsechangelog -l debian/changelog -S Version)
out=${TPI_DEB_OUT:-/tmp/tpi-rules-deb}
work=$(mktemp -d /tmp/tpi_deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
# the server (user postgres) reads test files from the source tree
chmod 755 "$work"
src=$work/tpi-rules-${version%-*}
mkdir -p "$src" "$out"
# the working tree without build products (uncommitted changes included)
tar --exclude=.git --exclude=results --exclude=tmp_check --exclude=output_iso \
	--exclude='*.o' --exclude='*.so' --exclude='*.bc' --exclude='*.deb' -cf - . | tar -C "$src" -xf -
rm -f "$src"/sql/tpi_rules--1.1.sql "$src"/sql/tpi_rules--1.0--1.1.sql
chmod -R a+rX "$src"

echo "== dpkg-buildpackage -us -uc -b ($version)"
(cd "$src" && dpkg-buildpackage -us -uc -b) > "$work/build.log" 2>&1 || {
	tail -60 "$work/build.log"; echo "package build ... FAILED"; exit 1; }
deb=$(ls "$work"/postgresql-15-tpi-rules_"${version}"_*.deb)
cp "$deb" "$out/"
echo "package build ... ok ($(basename "$deb"), $(du -k "$deb" | cut -f1) kB)"
dpkg-deb -c "$deb" | awk '{ print $NF }' | grep -E '\.so$|\.control$|\.sql$' | sed 's/^/  /'

echo "== dpkg -i"
$sudo dpkg -i "$deb" > "$work/install.log" 2>&1 || {
	cat "$work/install.log"; echo "package install ... FAILED"; exit 1; }
# the installed files are the package's (make install may have put the
# same paths there before; dpkg now owns them and they match its checksums)
owner=$(dpkg -S /usr/lib/postgresql/15/lib/tpi_rules.so | cut -d: -f1)
bad=$(dpkg --verify postgresql-15-tpi-rules || true)
if [ "$owner" = postgresql-15-tpi-rules ] && [ -z "$bad" ] &&
	[ "$(dpkg-query -W -f '${Version}' postgresql-15-tpi-rules)" = "$version" ]; then
	echo "package install ... ok (postgresql-15-tpi-rules $version owns tpi_rules.so, files verified)"
else
	echo "package install ... FAILED (owner $owner; $bad)"; exit 1
fi

echo "== debian/tests/installcheck against the installed package"
status=0
(cd "$src" && sh debian/tests/installcheck) > "$work/installcheck.log" 2>&1 || status=$?
grep -E '\.\.\. +(ok|FAILED|failed)|^(not )?ok [0-9]+ |tests (passed|failed)' "$work/installcheck.log" || true
if [ $status -ne 0 ]; then
	tail -80 "$work/installcheck.log"; echo "package installcheck ... FAILED"; exit 1
fi
echo "package installcheck ... ok"
