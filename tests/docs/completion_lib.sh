# Sourced by the completion tests: the candidates a bash completion function offers.
# The caller sets cmd (the command), file (the completion file), func (its completion
# function) and fail=0.

# complete WORD...: the candidates for the last word ('' stands for an empty word)
complete_words() {
	bash -c '. "$0"; f=$1; shift; COMP_WORDS=("$@"); for i in "${!COMP_WORDS[@]}"; do [ "${COMP_WORDS[i]}" = "'"''"'" ] && COMP_WORDS[i]=; done; COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "$f"; printf "%s\n" "${COMPREPLY[@]}"' \
		"$file" "$func" "$cmd" "$@" | sort | tr '\n' ' ' | sed 's/ $//'
}

# expect "WORDS" "CANDIDATES": the candidates must be exactly these
expect() {
	got=$(complete_words $1)
	if [ "$got" != "$2" ]; then
		echo "FAIL: $(basename "$cmd") $1| offered '$got', expected '$2'"
		fail=1
	fi
}

# expect_has "WORDS" CANDIDATE...: these must be among the candidates
expect_has() {
	w=$1; shift
	got=" $(complete_words $w) "
	for c in "$@"; do
		case $got in *" $c "*) ;; *) echo "FAIL: $(basename "$cmd") $w| did not offer $c (offered:$got)"; fail=1 ;; esac
	done
}
