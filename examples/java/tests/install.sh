#!/bin/sh
# Install the build into a temporary prefix and use the Java parts the way a
# user does: bin/inami-broker, and share/java/inami.jar with no
# java.library.path (the JAR finds lib*/libinami_java.so relative to itself).
# $1 = build dir, $2 = source dir, $3 = java executable.
set -eu
build=$1 src=$2 java=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "cmake --install"; }
[ -f "$tmp/prefix/share/java/inami.jar" ] || fail "share/java/inami.jar not installed"
ls "$tmp/prefix"/share/java/inami-*-javadoc.jar >/dev/null || fail "javadoc JAR not installed"

# The sample has bad rows on purpose: exit 1, the others reported.
# physiotherapist 2022 base 1790.34 (Securex page quoted in clients.csv).
status=0
"$tmp/prefix/bin/inami-broker" report "$src/examples/java/clients.csv" >"$tmp/report.csv" 2>"$tmp/err" || status=$?
[ "$status" -eq 1 ] || fail "inami-broker report exit $status"
grep -q '^Kine Dupont,yes,179034,base,insurance_contract,intermediate,' "$tmp/report.csv" || fail "report: $(cat "$tmp/report.csv")"
grep -q "clients.csv:22: prestations: 'many' is not a number" "$tmp/err" || fail "stderr: $(cat "$tmp/err")"

# The JAR alone, from another directory, no -Djava.library.path.
cat >"$tmp/Use.java" <<'JAVA'
public class Use {
    public static void main(String[] a) {
        be.inami.Evaluation e = be.inami.Rules.defaults().evaluate(
            be.inami.EvaluationInput.builder(be.inami.Profession.PHYSIOTHERAPIST, 2022).prestations(2300).build());
        System.out.println(e.tier() + " " + e.amountCents());
    }
}
JAVA
out=$(cd "$tmp" && "$java" -cp "$tmp/prefix/share/java/inami.jar" Use.java)
# physiotherapist 2022 intermediate 2365.79 (same source)
[ "$out" = "intermediate 236579" ] || fail "installed JAR: $out"
echo "ok"
