#!/usr/bin/python3
"""declared_symbols: the functions the public headers declare with VEILIG_API
are exactly the symbols in tests/api/symbols.txt (which the exported_symbols
test compares with what libveilig.so exports), and every function the public
headers declare carries VEILIG_API.

usage: declared_symbols.py SYMBOLS_TXT HEADER...
"""

import re
import sys

# What makes a declaration exported (export.h, from CMake's generate_export_header).
EXPORT_MARKERS = {"VEILIG_API", "VEILIG_DEPRECATED_EXPORT"}


def strip_comments(text):
    """Blanks comments out, keeping line breaks; string literals stay (a "/*"
    inside one is not a comment)."""
    pattern = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"', re.S)

    def blank(m):
        s = m.group(0)
        return s if s.startswith('"') else " " + "\n" * s.count("\n")

    return pattern.sub(blank, text)


def strip_preprocessor(text):
    """Drops preprocessor lines (with their continuations) and whatever sits
    in an #ifdef __cplusplus block (the extern "C" braces)."""
    out = []
    lines = text.split("\n")
    i = 0
    skip_depth = 0  # > 0 inside #ifdef __cplusplus
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("#"):
            directive = line
            while directive.endswith("\\") and i + 1 < len(lines):
                i += 1
                directive = directive[:-1] + lines[i]
            words = directive.strip()[1:].split()
            word = words[0] if words else ""
            if skip_depth:
                if word in ("if", "ifdef", "ifndef"):
                    skip_depth += 1
                elif word == "endif":
                    skip_depth -= 1
            elif word == "ifdef" and len(words) > 1 and words[1] == "__cplusplus":
                skip_depth = 1
            out.append("")
        else:
            out.append("" if skip_depth else line)
        i += 1
    return "\n".join(out)


def declarations(path):
    """Yields (statement, line) for every top-level declaration of a header."""
    with open(path, encoding="utf-8") as f:
        text = strip_preprocessor(strip_comments(f.read()))
    # Drop the bodies of enums and structs (innermost first).
    body = re.compile(r"\{[^{}]*\}")
    while True:
        text, n = body.subn(lambda m: "\n" * m.group(0).count("\n"), text)
        if n == 0:
            break
    line = 1
    for stmt in text.split(";"):
        start = line + stmt[: len(stmt) - len(stmt.lstrip())].count("\n")
        line += stmt.count("\n")
        stmt = " ".join(stmt.split())
        if stmt:
            yield stmt, start


def declared_name(stmt):
    """The name a declaration declares: the identifier before the parameter
    list of a function, or the last identifier of a variable."""
    m = re.search(r"\b([A-Za-z_]\w*)\s*\(", stmt)
    if m:
        return m.group(1), True
    idents = re.findall(r"[A-Za-z_]\w*", stmt.split("[")[0])
    return (idents[-1] if idents else stmt), False


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    symbols_txt, headers = argv[1], argv[2:]
    with open(symbols_txt, encoding="utf-8") as f:
        listed = {s.strip() for s in f if s.strip() and not s.startswith("#")}

    declared = {}
    unmarked = []
    for header in headers:
        for stmt, line in declarations(header):
            if stmt.startswith("typedef"):
                continue
            name, is_function = declared_name(stmt)
            if EXPORT_MARKERS & set(stmt.split()):
                declared.setdefault(name, "%s:%d" % (header, line))
            elif is_function:
                unmarked.append("%s:%d: %s" % (header, line, name))

    failed = False
    missing = sorted(set(declared) - listed)
    if missing:
        failed = True
        print("declared_symbols: FAIL: declared with VEILIG_API but not in %s" % symbols_txt)
        print("  (not exported by libveilig.so: implement them, or remove the declarations):")
        for name in missing:
            print("    %s  (%s)" % (name, declared[name]))
    extra = sorted(listed - set(declared))
    if extra:
        failed = True
        print("declared_symbols: FAIL: in %s but declared in no public header" % symbols_txt)
        print("  (exported by accident? make them static or give them the vg_ prefix):")
        for name in extra:
            print("    %s" % name)
    if unmarked:
        failed = True
        print("declared_symbols: FAIL: public functions declared without VEILIG_API:")
        for where in unmarked:
            print("    %s" % where)
    if failed:
        print("After a deliberate change of the API: cmake --build <build> --target update-symbols")
        return 1
    print("declared_symbols: OK: %d functions declared with VEILIG_API in %d headers, all in %s"
          % (len(declared), len(headers), symbols_txt))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
