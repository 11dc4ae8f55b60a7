#!/bin/bash
# Build the Debian packages of the working tree, check them with lintian (no error allowed),
# install them into a fresh Debian 12 system (a debootstrap minbase chroot) with apt so their
# dependencies come from the mirror, use them there as a user would (C with pkg-config,
# Python, a Java client, inami, inami-broker, man, the completion, the references), then purge
# them and check that nothing of theirs is left. Run as root from anywhere in the tree:
#   bash tools/package-check.sh     (about 5 minutes with the base system cached, 9 the first time)
# The base system is made once and cached as a tarball in ${XDG_CACHE_HOME:-~/.cache}/inami-packages;
# the mirror is the one of this machine's apt sources. Exit 0 when every step passed.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/inami-packages
start=$SECONDS
step_start=$SECONDS
step() { echo "== $* (at $((SECONDS - start)) s)"; step_start=$SECONDS; }
die() { echo "FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mount need it)"

step "host tools"
need="build-essential debhelper dh-python dpkg-dev fakeroot lintian debootstrap cmake pkg-config swig python3-dev
  default-jdk-headless doxygen"
missing=
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

work=$(mktemp -d /tmp/inami-packages.XXXXXX)
root=$work/root
cleanup() {
	for m in proc dev/pts dev; do
		mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
	done
	rm -rf "$work"
}
trap cleanup EXIT

step "build the packages (dpkg-buildpackage -us -uc -b)"
mkdir -p "$work/src/libinami"
# the working tree as git sees it (tracked and new files, not ignored build directories)
(cd "$top" && git ls-files -co --exclude-standard -z | tar --null -cf - -T -) | tar -C "$work/src/libinami" -xf -
(cd "$work/src/libinami" && dpkg-checkbuilddeps && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 ||
	{ tail -n 40 "$work/build.log"; die "dpkg-buildpackage failed (log above)"; }
grep -A20 "^dpkg-gensymbols: warning" "$work/build.log" || true
debs=$(cd "$work/src" && ls ./*.deb | grep -v -- '-dbgsym_')
echo "built:" $debs "($((SECONDS - step_start)) s)"

step "lintian"
(cd "$work/src" && lintian --tag-display-limit 0 ./*.changes) >"$work/lintian.log" 2>&1 || true
grep -E '^[EWI]:' "$work/lintian.log" || echo "lintian: nothing to report"
if grep -q '^E:' "$work/lintian.log"; then
	die "lintian reports errors"
fi

step "a fresh Debian 12 system"
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}
mkdir -p "$cache"
if [ ! -s "$cache/bookworm-minbase.tar" ]; then
	debootstrap --variant=minbase bookworm "$work/base" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
		{ tail -n 20 "$cache/debootstrap.log"; die "debootstrap failed"; }
	tar -C "$work/base" -cf "$cache/bookworm-minbase.tar.part" . && mv "$cache/bookworm-minbase.tar.part" "$cache/bookworm-minbase.tar"
	rm -rf "$work/base"
fi
mkdir -p "$root"
tar -C "$root" -xf "$cache/bookworm-minbase.tar"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
	rm -f "$root/etc/apt/sources.list"
	cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
	DEBIAN_FRONTEND=noninteractive /bin/bash -c "$1"; }

# the tools the checks use (not our packages' dependencies): a compiler, man, a JDK for the client
in_root "apt-get update -qq && apt-get install -y -qq --no-install-recommends gcc libc6-dev pkg-config man-db \
	default-jdk-headless bash-completion >/dev/null" >"$work/tools.log" 2>&1 ||
	{ tail -n 20 "$work/tools.log"; die "installing the check tools in the chroot failed"; }
# what the system holds before our packages (state of dpkg and apt, caches and logs aside)
snapshot() {
	in_root "find / -xdev \( -path /proc -o -path /dev -o -path /tmp -o -path /root -o -path /var/lib/dpkg \
		-o -path /var/lib/apt -o -path /var/cache -o -path /var/log -o -path /checks \) -prune -o -print" | sort
}
snapshot >"$work/before.txt"
echo "chroot ready ($((SECONDS - step_start)) s)"

step "apt-get install ./*.deb"
mkdir -p "$root/checks"
(cd "$work/src" && cp $debs "$root/checks/")
cp "$top/examples/c/example.c" "$top/tests/package/Client.java" "$top/examples/java/clients.csv" "$root/checks/"
in_root "cd /checks && apt-get install -y -qq $(echo "$debs" | tr '\n' ' ')" >"$work/install.log" 2>&1 ||
	{ tail -n 20 "$work/install.log"; die "apt-get install of the packages failed"; }
packages="libinami1 libinami-dev python3-inami libinami-java inami-tools"
in_root "dpkg -L $packages" | sort -u >"$work/ours.txt"
echo "installed: $packages ($(grep -c . "$work/ours.txt") paths)"

step "use the installed packages"
check() {
	local what=$1 cmd=$2 out
	if out=$(in_root "cd /checks && $cmd" 2>&1); then
		echo "ok: $what: $(printf '%s\n' "$out" | tail -n 1)"
	else
		printf '%s\n' "$out" | tail -n 15
		die "$what"
	fi
}
check "C example built with pkg-config" \
	'cc example.c $(pkg-config --cflags --libs inami) -o example && ./example'
check "C example linked statically" \
	'cc example.c $(pkg-config --cflags --static --libs inami) -static -o example-static && ./example-static'
cents=$(in_root 'inami eval --profession physiotherapist --year 2022 --prestations 2299 --json' |
	grep -o '"amount_cents": *[0-9]*' | head -n 1 | grep -o '[0-9]*$') || die "inami eval"
[ -n "$cents" ] || die "inami eval --json gave no amount_cents"
echo "ok: inami eval: amount_cents $cents"
check "Python module" \
	"/usr/bin/python3 -c 'import inami; r = inami.evaluate(\"physiotherapist\", 2022, prestations=2299); \
assert r.amount_cents == $cents, r.amount_cents; print(inami.__file__, r.tier, r.amount_cents)'"
check "pydoc inami" "/usr/bin/python3 -m pydoc inami | grep -c 'evaluate(profession'"
check "Java client against /usr/share/java/inami.jar" \
	"javac -d classes -cp /usr/share/java/inami.jar Client.java && java -cp /usr/share/java/inami.jar:classes Client | grep '^$cents '"
check "inami-broker report" "inami-broker report clients.csv 2>/dev/null | sed -n 2p | grep ,"
check "man inami" "MANWIDTH=80 man -P cat inami | grep -c 'EXIT STATUS'"
check "man inami-broker" "MANWIDTH=80 man -P cat inami-broker | grep -c 'EXIT STATUS'"
check "bash completion" ". /usr/share/bash-completion/completions/inami && COMP_WORDS=(inami rules d) && COMP_CWORD=2 && \
_inami && echo \"\${COMPREPLY[*]}\" | grep -w doc"
check "API reference" "test -s /usr/share/doc/libinami-dev/api/index.html && ls /usr/share/doc/libinami-dev/api | wc -l"
check "rules site" "grep -c data-cents /usr/share/doc/inami-tools/rules/physiotherapist.html"

step "apt-get remove --purge"
in_root "apt-get remove --purge -y -qq $packages && apt-get autoremove --purge -y -qq" >"$work/remove.log" 2>&1 ||
	{ tail -n 20 "$work/remove.log"; die "apt-get remove failed"; }
snapshot >"$work/after.txt"
left=0
# every path our packages installed is gone, unless the system had it before (shared directories)
while IFS= read -r p; do
	[ -n "$p" ] && [ "$p" != "/." ] || continue
	if [ -e "$root$p" ] || [ -L "$root$p" ]; then
		grep -qxF -- "$p" "$work/before.txt" || { echo "left behind: $p"; left=1; }
	fi
done <"$work/ours.txt"
# and the system holds nothing it did not hold before
if ! diff "$work/before.txt" "$work/after.txt" >"$work/diff.txt"; then
	echo "the system differs from before the install:"
	cat "$work/diff.txt"
	left=1
fi
in_root "dpkg -l $packages 2>/dev/null | grep '^[a-z][a-z] '" | grep -v '^un ' && left=1
[ "$left" -eq 0 ] || die "the purge left files behind"
echo "ok: nothing of ours is left ($(grep -c . "$work/before.txt") paths compared)"

echo "package check passed in $((SECONDS - start)) s"
