#!/bin/sh
# The bash completion of inami-broker: with the completion file sourced and COMP_WORDS set
# as bash sets them, the candidates offered for subcommands, options and --lang.
# Usage: completion_broker.sh INAMI-BROKER COMPLETION-FILE
set -u
broker=$1 file=$2
fail=0

complete_words() {
	bash -c '. "$0"; COMP_WORDS=("$@"); for i in "${!COMP_WORDS[@]}"; do [ "${COMP_WORDS[i]}" = "'"''"'" ] && COMP_WORDS[i]=; done; COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _inami_broker; printf "%s\n" "${COMPREPLY[@]}"' \
		"$file" "$broker" "$@" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect() {
	got=$(complete_words $1)
	if [ "$got" != "$2" ]; then
		echo "FAIL: inami-broker $1| offered '$got', expected '$2'"
		fail=1
	fi
}

expect "''" "--help report serve"
expect "se" "serve"
expect "report x.csv --lang ''" "en fr nl"
expect "serve --max" "--max-rows"
expect "serve --head" "--head-timeout"
expect "report x.csv --a" "--allow-derived"
# 'report' has no server options
expect "report x.csv --ho" ""
[ "$fail" -eq 0 ] && echo "completion: inami-broker ok"
exit "$fail"
