"""'pydoc inami' shows a docstring for the package and for every public name.

Every function and class of inami.__all__, and every public method and property of those
classes, has a docstring, and the text pydoc renders for the package holds the first line of each.
"""
import inspect
import pydoc
import sys

import inami

missing = []
text = pydoc.render_doc(inami, renderer=pydoc.plaintext)
if not (inami.__doc__ or "").strip():
    missing.append("inami (the package)")


def check(name, obj):
    doc = inspect.getdoc(obj)
    if not doc or not doc.strip():
        missing.append(name)
        return
    first = doc.strip().splitlines()[0].strip()
    if first not in text:
        missing.append(name + " (not in the pydoc page: %r)" % first)


names = list(inami.__all__)
for name in names:
    obj = getattr(inami, name)
    if not (inspect.isclass(obj) or inspect.isroutine(obj)):
        continue  # constants carry the docstring of their type
    check(name, obj)
    if inspect.isclass(obj) and obj.__module__.startswith("inami"):
        for attr, value in vars(obj).items():
            if attr.startswith("_"):
                continue
            if callable(value) or isinstance(value, (property, staticmethod, classmethod)):
                check(name + "." + attr, getattr(obj, attr))

for m in missing:
    print("FAIL: no docstring:", m)
if missing or len(names) < 10:
    sys.exit(1)
print("pydoc inami: %d public names, each with its docstring" % len(names))
