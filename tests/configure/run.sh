#!/bin/sh
# A bare configure works without SWIG or a JDK: the bindings are then skipped and
# the configure output says so. SWIG is hidden from CMake to stand for a machine
# without it. Usage: run.sh SOURCE_DIR WORK_DIR
set -eu
src="$1"
work="$2"
rm -rf "$work"
out=$(cmake -S "$src" -B "$work" -DCMAKE_DISABLE_FIND_PACKAGE_SWIG=TRUE 2>&1) || {
	echo "$out"; echo "configure without SWIG failed"; exit 1; }
echo "$out" | grep -q "inami: Python module: OFF" || { echo "$out"; echo "no word that Python is skipped"; exit 1; }
echo "$out" | grep -q "inami: Java binding and inami-broker: OFF" || { echo "$out"; echo "no word that Java is skipped"; exit 1; }
# Asking for a binding whose tools are missing is an error, not a silent skip.
if cmake -S "$src" -B "$work-on" -DCMAKE_DISABLE_FIND_PACKAGE_SWIG=TRUE -DINAMI_PYTHON=ON > /dev/null 2>&1; then
	echo "-DINAMI_PYTHON=ON without SWIG configured"; exit 1
fi
rm -rf "$work" "$work-on"
echo "configure: bindings skipped without SWIG, required when ON"
