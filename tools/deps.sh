#!/bin/sh
# Install the Debian packages libinami needs to build and test (run as root, or
# with sudo available). Idempotent: only missing packages are installed.
set -eu
packages="build-essential cmake pkg-config check swig python3 python3-dev python3-pytest
  python3-pandas python3-dask python3-distributed default-jdk-headless junit4 chromium sqlite3 abigail-tools
  clang gcovr valgrind doxygen"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
