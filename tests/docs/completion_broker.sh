#!/bin/sh
# The bash completion of inami-broker: with the completion file sourced and COMP_WORDS set
# as bash sets them, the candidates offered for subcommands, options and --lang.
# Usage: completion_broker.sh INAMI-BROKER COMPLETION-FILE
set -u
broker=$1 file=$2
fail=0

cmd=$broker func=_inami_broker
. "$(dirname "$0")/completion_lib.sh"

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
