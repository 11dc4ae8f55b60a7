#!/usr/bin/python3
"""Every public C function is reachable from the high-level Python and Java APIs, or listed
with the reason in bindings/unreachable.txt.

A function counts as reachable from a language when its name appears in that language's
high-level sources (bindings/python/inami/*.py, bindings/java/src/be/inami/*.java), directly
(a SWIG wrapper of the same name) or through helpers of the SWIG interfaces (inami.i and the
language's own .i files) whose bodies call it, starting from a helper named there.

Usage: reach.py SOURCE_DIR"""
import glob
import os
import re
import sys

root = sys.argv[1]
ident = re.compile(r"\b(inami_[a-z0-9_]+)\b")


def text(pattern):
    return "\n".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, pattern))))


public = {}  # name -> its declaration
for h in glob.glob(os.path.join(root, "include/inami/*.h")):
    for m in re.finditer(r"^INAMI_EXTERN\([^)]*\)\s*(inami_[a-z0-9_]+)\s*\([^;]*;", open(h).read(), re.M):
        public[m.group(1)] = m.group(0)


def helpers(interface_text):
    """Helper name -> the public functions its body calls (top-level C functions of a .i file)."""
    calls = {}
    for m in re.finditer(r"^[A-Za-z_][\w \*]*?\b(inami_[a-z0-9_]+)\s*\([^;{]*\)\s*\{(.*?)^\}", interface_text,
                         re.M | re.S):
        calls[m.group(1)] = set(ident.findall(m.group(2)))
    return calls


def closure(used, calls):
    """Names reached from `used`, following helpers that call other helpers."""
    reached, todo = set(used), list(used)
    while todo:
        for name in calls.get(todo.pop(), ()):
            if name not in reached:
                reached.add(name)
                todo.append(name)
    return reached


# Handles whose SWIG proxy frees them: INAMI_HANDLE(type, freefn) in inami.i. The free function is
# reached whenever a function that makes such a handle (a `type **` out-parameter) is.
handles = dict(re.findall(r"^INAMI_HANDLE\((inami_[a-z0-9_]+), (inami_[a-z0-9_]+)\)", text("bindings/inami.i"), re.M))


shared = text("bindings/inami.i")
languages = {
    "python": (text("bindings/python/inami/*.py"), helpers(shared + "\n" + text("bindings/python/*.i") + "\n" + text("bindings/python/swig/*.i"))),
    "java": (text("bindings/java/src/be/inami/*.java"), helpers(shared + "\n" + text("bindings/java/*.i"))),
}

excluded = {}
with open(os.path.join(root, "bindings/unreachable.txt"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"(inami_[a-z0-9_]+)\s+(python|java|both)\s*:\s*(\S.*)", line)
        if not m:
            sys.exit("bindings/unreachable.txt:%d: expected 'name python|java|both: reason'" % n)
        if m.group(1) not in public:
            sys.exit("bindings/unreachable.txt:%d: %s is not a public function" % (n, m.group(1)))
        for lang in ("python", "java") if m.group(2) == "both" else (m.group(2),):
            excluded[(m.group(1), lang)] = m.group(3)

missing, stale = [], []
for lang, (high, calls) in sorted(languages.items()):
    used = set(ident.findall(high))
    reached = closure(used, calls) & set(public)
    reached |= {free for handle, free in handles.items()
                if any(re.search(r"\b%s\s*\*\*" % handle, public[f]) for f in reached)}
    for f in sorted(public):
        if f in reached and (f, lang) in excluded:
            stale.append("%s %s: reachable, remove it from bindings/unreachable.txt" % (f, lang))
        elif f not in reached and (f, lang) not in excluded:
            missing.append("%s: not reachable from the %s API" % (f, lang))
for line in missing + stale:
    print(line)
if missing or stale:
    sys.exit(1)
print("bindings: %d public functions, each reachable from Python and Java or excused (%d exclusions)"
      % (len(public), len(excluded)))
