#!/bin/sh
# Set-up: install the Debian packages, build libinami with its Python and Java
# bindings, install everything under /usr/local, and run the demo.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh
cmake -S . -B build -DCMAKE_INSTALL_PREFIX=/usr/local -DINAMI_PYTHON=ON -DINAMI_JAVA=ON
cmake --build build -j"$(nproc)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO cmake --install build
$SUDO ldconfig
echo
echo "== demo: a physiotherapist with 2,299 prestations in 2022 =="
inami eval --profession physiotherapist --year 2022 --prestations 2299
echo
inami eval --profession physiotherapist --year 2022 --prestations 2299 --json
echo
echo "== the same from Python (/usr/bin/python3) =="
/usr/bin/python3 -c 'import inami; r = inami.evaluate("physiotherapist", 2022, prestations=2299); print(r.eligible, r.tier, r.amount, "next:", r.next_tier.tier)'
