#!/usr/bin/python3
"""Writes tests/abi/api_usage.c from the public headers, once: the api_usage
test then compiles that committed file against the current headers, so that a
header change that breaks the API fails it.

api_usage.c holds, for every function the headers declare with VEILIG_API:
  - a function-pointer variable of the function's exact type, initialised with
    the function (a changed return or parameter type no longer converts);
  - a call with arguments of the declared types, its result kept in a variable
    of the declared return type (a parameter more or less no longer compiles);
and compile-time checks of the value of every enumerator (status codes,
vocabularies, flags) and, on the platform it was made on, of the size and the
member offsets of every transparent struct (veilig_error, veilig_date, the
options structs, veilig_diagnostic; the options structs and
veilig_diagnostic may grow at the end, as docs/api-stability.md allows).

usage: gen_api_usage.py OUTPUT SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR [CC]
       gen_api_usage.py --added API_USAGE_C SOURCE_INCLUDE_DIR
           (lists the functions the headers declare that API_USAGE_C lacks:
            additions since it was made, which are compatible)

Run it through `cmake --build <build> --target update-api-usage` after a
deliberate API change, review the diff and commit it.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

EXPORT_MARKERS = ("VEILIG_API", "VEILIG_DEPRECATED_EXPORT", "VEILIG_DEPRECATED")
TYPE_WORDS = {"void", "char", "short", "int", "long", "unsigned", "signed", "float", "double",
              "size_t", "const", "struct", "enum", "int64_t", "uint64_t", "int32_t", "uint32_t"}


def strip_comments(text):
    pattern = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"', re.S)

    def blank(m):
        s = m.group(0)
        return s if s.startswith('"') else " " + "\n" * s.count("\n")

    return pattern.sub(blank, text)


def strip_preprocessor(text):
    """Drops preprocessor lines and the #ifdef __cplusplus blocks."""
    out, skip = [], 0
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("#"):
            while line.endswith("\\") and i + 1 < len(lines):
                i += 1
                line = line[:-1] + lines[i]
            words = line.strip()[1:].split()
            word = words[0] if words else ""
            if skip:
                if word in ("if", "ifdef", "ifndef"):
                    skip += 1
                elif word == "endif":
                    skip -= 1
            elif word == "ifdef" and len(words) > 1 and words[1] == "__cplusplus":
                skip = 1
            out.append("")
        else:
            out.append("" if skip else line)
        i += 1
    return "\n".join(out)


def statements(text):
    """Top-level statements (ending in ';' at brace depth 0), whitespace collapsed."""
    depth, cur = 0, []
    for ch in text:
        cur.append(ch)
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == ";" and depth == 0:
            yield " ".join("".join(cur).split())
            cur = []


def public_headers(src_inc):
    return [os.path.join(src_inc, "veilig.h")] + sorted(glob.glob(os.path.join(src_inc, "veilig", "*.h")))


# Headers veilig.h does not include, for what a build may lack: the macro that
# says whether this libveilig has them (veilig/version.h).
OPTIONAL_HEADERS = {"jansson.h": "VEILIG_HAVE_JANSSON"}


def read_statements(src_inc, with_header=False):
    for path in public_headers(src_inc):
        with open(path, encoding="utf-8") as f:
            for st in statements(strip_preprocessor(strip_comments(f.read()))):
                yield (os.path.basename(path), st) if with_header else st


def guarded(w, funcs, emit):
    """Appends emit(func)'s lines for every function, those of an optional
    header inside #if MACRO ... #endif."""
    for macro in [None] + sorted(set(OPTIONAL_HEADERS.values())):
        chosen = [f for f in funcs if f[4] == macro]
        if not chosen:
            continue
        if macro:
            w.append("#if %s" % macro)
        for f in chosen:
            emit(f)
        if macro:
            w.append("#endif")


def split_top(text, sep=","):
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


def functions(src_inc):
    """(return type, name, [(param type, param name)], declaration) per VEILIG_API function."""
    found = []
    for header, st in read_statements(src_inc, with_header=True):
        if not any(m in st.split() for m in EXPORT_MARKERS) or "(" not in st or "{" in st:
            continue
        decl = " ".join(w for w in st.rstrip(";").split() if w not in EXPORT_MARKERS)
        m = re.match(r"^(.*?)\b([A-Za-z_]\w*)\s*\((.*)\)$", decl)
        if not m:
            raise SystemExit("cannot read the declaration: " + st)
        ret, name, params = m.group(1).strip(), m.group(2), m.group(3).strip()
        plist = []
        if params != "void":
            for i, p in enumerate(split_top(params)):
                pm = re.match(r"^(.*?)([A-Za-z_]\w*)\s*(\[[^\]]*\])?$", p)
                words = p.replace("*", " ").split()
                if pm and words and words[-1] not in TYPE_WORDS and not words[-1].startswith("veilig_") \
                        and len(words) > 1:
                    ptype = pm.group(1).strip() + ("*" if pm.group(3) else "")
                else:
                    ptype = p
                plist.append((ptype, "a%d" % i))
        found.append((ret, name, plist, decl, OPTIONAL_HEADERS.get(header)))
    return found


def enumerators(src_inc):
    names = []
    for st in read_statements(src_inc):
        m = re.search(r"\benum\b[^{]*\{(.*)\}", st)
        if not m:
            continue
        for item in split_top(m.group(1)):
            em = re.match(r"^([A-Z_][A-Z0-9_]*)", item)
            if em:
                names.append(em.group(1))
    return names


def transparent_structs(src_inc):
    """(typedef name, [member names]) for every struct with a body in the headers."""
    found = []
    for st in read_statements(src_inc):
        m = re.match(r"^typedef struct \w* ?\{(.*)\} (\w+);$", st)
        if not m:
            continue
        members = []
        for decl in m.group(1).split(";"):
            decl = decl.strip()
            if not decl:
                continue
            for d in decl.split(","):
                d = re.sub(r"\[[^\]]*\]", "", d).strip()
                members.append(re.findall(r"[A-Za-z_]\w*", d)[-1])
        found.append((m.group(2), members))
    return found


def measure(src_inc, build_inc, cc, enums, structs):
    """Compiles and runs a program that prints the enumerators' values and the structs' layout."""
    lines = ["#include <stddef.h>", "#include <stdio.h>", "#include <veilig.h>", "int main(void) {"]
    for e in enums:
        lines.append('    printf("E %%s %%lld\\n", "%s", (long long)(%s));' % (e, e))
    for s, members in structs:
        lines.append('    printf("S %%s %%zu\\n", "%s", sizeof(%s));' % (s, s))
        for mem in members:
            lines.append('    printf("O %%s.%%s %%zu\\n", "%s", "%s", offsetof(%s, %s));' % (s, mem, s, mem))
    lines += ["    return 0;", "}"]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "measure.c")
        exe = os.path.join(tmp, "measure")
        with open(src, "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.check_call([cc, "-std=c99", "-I", src_inc, "-I", build_inc, src, "-o", exe])
        out = subprocess.check_output([exe], text=True)
    values = {}
    for line in out.splitlines():
        kind, key, value = line.split()
        values[(kind, key)] = int(value)
    return values


def generate(out_path, src_inc, build_inc, cc):
    funcs = functions(src_inc)
    enums = enumerators(src_inc)
    structs = transparent_structs(src_inc)
    values = measure(src_inc, build_inc, cc, enums, structs)
    w = []
    w.append("/*")
    w.append(" * GENERATED by tests/abi/gen_api_usage.py from the public headers; do not edit.")
    w.append(" * Regenerate only after a deliberate API change:")
    w.append(" *     cmake --build <build> --target update-api-usage")
    w.append(" * then review the diff and commit it.")
    w.append(" *")
    w.append(" * The api_usage test compiles this file against the current headers: a changed")
    w.append(" * function signature, a removed function, a renumbered enumerator or a changed")
    w.append(" * layout of a transparent struct fails it. %d functions, %d enumerators," % (len(funcs), len(enums)))
    w.append(" * %d structs." % len(structs))
    w.append(" */")
    w.append("#include <stddef.h>")
    w.append("#include <stdio.h>")
    w.append("#include <string.h>")
    w.append("")
    w.append("#include <veilig.h>")
    for header, macro in sorted(OPTIONAL_HEADERS.items()):
        w.append("#if %s" % macro)
        w.append("#include <veilig/%s>" % header)
        w.append("#endif")
    w.append("")
    w.append("/* A compile-time check (C99 has no _Static_assert). */")
    w.append("#define VG_CHECK(name, cond) typedef char vg_check_##name[(cond) ? 1 : -1]")
    w.append("")
    w.append("/* ---- every function, as a pointer of its exact type ---- */")
    w.append("")
    def pointer(f):
        ret, name, params, decl = f[:4]
        pdecl = decl[decl.index("(", len(ret) + len(name)):]
        sep = "" if ret.endswith("*") else " "
        w.append("static %s%s(*p_%s)%s = %s;" % (ret, sep, name, pdecl, name))

    guarded(w, funcs, pointer)
    w.append("")
    w.append("/* ---- every function, called with arguments of its declared types (never run) ---- */")
    w.append("")
    w.append("static void call_all(void) {")
    def call(f):
        ret, name, params, decl = f[:4]
        w.append("    {")
        for ptype, pname in params:
            t = ptype
            if t.startswith("const ") and "*" not in t:
                t = t[len("const "):]
            sep = "" if t.endswith("*") else " "
            w.append("        %s%s%s;" % (t, sep, pname))
            w.append("        memset(&%s, 0, sizeof %s);" % (pname, pname))
        args = ", ".join(p for _, p in params)
        if ret == "void":
            w.append("        %s(%s);" % (name, args))
        else:
            sep = "" if ret.endswith("*") else " "
            r = ret[len("const "):] if ret.startswith("const ") and "*" not in ret else ret
            w.append("        %s%sr = %s(%s);" % (r, sep, name, args))
            w.append("        (void)r;")
        w.append("    }")

    guarded(w, funcs, call)
    w.append("}")
    w.append("")
    w.append("/* ---- enumerators: values are ABI ---- */")
    w.append("")
    for e in enums:
        w.append("VG_CHECK(%s, %s == %d);" % (e, e, values[("E", e)]))
    w.append("")
    w.append("/* ---- transparent structs: layout is ABI (checked where this file was made) ---- */")
    w.append("")
    w.append("#if defined(__x86_64__) && defined(__LP64__)")
    for s, members in structs:
        # options structs grow at the end with a new version; veilig_diagnostic may grow at the
        # end (docs/api-stability.md): their members keep their offsets
        grows = s.endswith("_options") or s == "veilig_diagnostic"
        w.append("VG_CHECK(%s_size, sizeof(%s) %s %d);" % (s, s, ">=" if grows else "==", values[("S", s)]))
        for mem in members:
            w.append("VG_CHECK(%s_%s, offsetof(%s, %s) == %d);" % (s, mem, s, mem, values[("O", s + "." + mem)]))
    w.append("#endif")
    w.append("")
    w.append("int main(int argc, char **argv) {")
    w.append("    (void)argv;")
    w.append("    if (argc > 1000) /* never: the calls are there to be compiled and linked */")
    w.append("        call_all();")
    w.append("    int missing = 0;")
    guarded(w, funcs, lambda f: w.append("    missing += p_%s == NULL;" % f[1]))
    w.append('    printf("api_usage: %d functions, %d enumerators, %d structs as in the API of '
             'api_usage.c\\n");' % (len(funcs), len(enums), len(structs)))
    w.append("    return missing != 0;")
    w.append("}")
    with open(out_path, "w") as f:
        f.write("\n".join(w) + "\n")
    try:  # the project's style (.clang-format above the output), when clang-format is there
        subprocess.call([os.environ.get("CLANG_FORMAT", "clang-format"), "-i", out_path])
    except OSError:
        pass
    print("wrote %s: %d functions, %d enumerators, %d structs" % (out_path, len(funcs), len(enums), len(structs)))


def added(api_usage_c, src_inc):
    with open(api_usage_c) as f:
        have = set(re.findall(r"\(\*p_(veilig_\w+)\)", f.read()))
    new = [f[1] for f in functions(src_inc) if f[1] not in have]
    if new:
        print("api_usage: %d functions added since api_usage.c was made (compatible; "
              "regenerate it with the update-api-usage target to guard them too):" % len(new))
        for name in new:
            print("  + " + name)
    return 0


def main(argv):
    if len(argv) == 3 and argv[0] == "--added":
        return added(argv[1], argv[2])
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    generate(argv[0], argv[1], argv[2], argv[3] if len(argv) == 4 else os.environ.get("CC", "cc"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
