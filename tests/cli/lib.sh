# Shared helpers of the command-line tests: $INAMI is the tool, failures counted in $fails.
fails=0
pass() { :; }
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
# expect_ok DESCRIPTION COMMAND...: exit 0; output in $out
expect_ok() {
	d=$1; shift
	out=$("$@" 2>/tmp/inami_cli_err.$$); rc=$?
	err=$(cat /tmp/inami_cli_err.$$)
	[ $rc -eq 0 ] || fail "$d: exit $rc ($err)"
}
# expect_fail DESCRIPTION CODE MESSAGE-FRAGMENT COMMAND...: exit CODE, one line on stderr with the fragment
expect_fail() {
	d=$1; code=$2; frag=$3; shift 3
	out=$("$@" 2>/tmp/inami_cli_err.$$); rc=$?
	err=$(cat /tmp/inami_cli_err.$$)
	[ $rc -eq "$code" ] || fail "$d: exit $rc, expected $code ($err)"
	case "$err" in *"$frag"*) ;; *) fail "$d: stderr '$err' lacks '$frag'";; esac
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$d: stderr is not one line: $err"
}
# contains DESCRIPTION TEXT FRAGMENT
contains() {
	case "$2" in *"$3"*) ;; *) fail "$1: output lacks '$3'";; esac
}
finish() {
	rm -f /tmp/inami_cli_err.$$
	if [ $fails -ne 0 ]; then echo "$fails failed" >&2; exit 1; fi
	echo "all passed"
}
