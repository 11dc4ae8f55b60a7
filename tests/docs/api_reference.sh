#!/bin/sh
# The Doxygen reference of include/inami/ builds with no warning: every public
# function, type, macro and struct member is documented, and no doc comment is
# malformed. Usage: api_reference.sh DOXYGEN DOXYFILE OUTPUT_DIR
set -u
doxygen=$1 doxyfile=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
if ! "$doxygen" "$doxyfile" > "$out/doxygen.out" 2>&1; then
	echo "FAIL: doxygen exited with an error:"; cat "$out/doxygen.out"
	exit 1
fi
if [ -s "$out/warnings.log" ]; then
	echo "FAIL: $(wc -l < "$out/warnings.log") Doxygen warnings (undocumented or malformed):"
	cat "$out/warnings.log"
	exit 1
fi
for page in index.html files.html; do
	[ -s "$out/html/$page" ] || { echo "FAIL: $out/html/$page was not written"; exit 1; }
done
n=$(cat "$out"/html/globals*.html 2>/dev/null | grep -o "inami_[a-z_]*" | sort -u | wc -l)
[ "$n" -ge 50 ] || { echo "FAIL: only $n inami_ names in the reference's index"; exit 1; }
echo "API reference: no warning, $n names indexed"
