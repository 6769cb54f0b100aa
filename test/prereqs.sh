#!/bin/bash
# test/prereqs.sh [extra Debian packages...]
#
# Installs what building and testing tpi_rules needs on Debian 12 when it is
# missing: PostgreSQL 15 server and headers, pg_virtualenv, a C toolchain,
# IPC::Run for the TAP tests, and any extra packages named (e.g. gnuplot
# for the demo picture).
set -euo pipefail
need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
[ -f /usr/include/postgresql/15/server/postgres.h ] || need+=(postgresql-server-dev-15)
command -v pg_virtualenv >/dev/null || need+=(postgresql-common)
command -v make >/dev/null || need+=(make)
command -v gcc >/dev/null || need+=(gcc)
command -v perl >/dev/null || need+=(perl)
# TAP tests (t/*.pl): prove and IPC::Run
command -v prove >/dev/null || need+=(perl)
perl -MIPC::Run -e1 2>/dev/null || need+=(libipc-run-perl)
for p in "$@"; do
	dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Debian's postgresql package creates and starts a "main" cluster; the tests
# use their own throwaway clusters and do not need it.
