#!/usr/bin/python3
"""Every command of `veilig`, in every format, on the hostile dataset
(hostile.json, written by make_hostile.py): no string of the document may
become anything but text (docs/security.md). Each output is read by a reader
of its format:

- text (and every standard error): no control character but the line feed,
  no C1 character, no bidirectional control; the escape sequences of the
  document show as visible escapes (\\x1b);
- CSV: Python's csv module; no text cell begins with = + - @ TAB or CR (a
  spreadsheet formula), and with --raw the same table holds exactly the
  importer's reading of the guarded one (strip one ' before = + - @ TAB CR ');
- Markdown: Debian's python3-markdown renders it, html.parser reads the HTML:
  only the elements the rendering writes itself (headings, paragraphs, lists,
  tables, strong and em labels, code for ids, links to http(s) addresses), no
  other attribute, and the document's markup shows as text;
- JSON: json.loads; the strings of the document come back exactly;
- HTML (report): html.parser: no script, no event handler attribute, no
  javascript: address, and the document's markup shows as text.

    check_hostile.py --tool build/libveilig/cli/veilig --dataset hostile.json
                     --original data/veilige-steden.json
"""
import argparse
import csv
import html.parser
import io
import json
import re
import subprocess
import sys

import markdown

FORMULA = tuple("=+-@\t\r")
GUARD_SET = "=+-@\t\r'"
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")

failures = []


def fail(where, what):
    failures.append("%s: %s" % (where, what))


def run(tool, args, where):
    p = subprocess.run([tool] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    out = p.stdout.decode("utf-8")  # must be UTF-8
    err = p.stderr.decode("utf-8")
    if p.returncode not in (0, 1, 2):
        fail(where, "exit status %d: %s" % (p.returncode, err))
    check_terminal(where + " (stderr)", err)
    return out


def check_terminal(where, text):
    m = CONTROL.search(text)
    if m:
        fail(where, "raw control character U+%04X at %d: %r" % (
            ord(m.group()), m.start(), text[max(0, m.start() - 30):m.start() + 30]))


# ---- text ----

def check_text(where, text):
    check_terminal(where, text)


# ---- CSV ----

def unguard(cell):
    return cell[1:] if cell[:1] == "'" and cell[1:2] != "" and cell[1] in GUARD_SET else cell


def read_csv(where, text):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        fail(where, "no rows")
        return rows
    for i, row in enumerate(rows):
        if len(row) != len(rows[0]):
            fail(where, "row %d has %d fields, the header %d" % (i, len(row), len(rows[0])))
    return rows


def check_csv(where, guarded, raw):
    g = read_csv(where, guarded)
    r = read_csv(where + " --raw", raw)
    for i, row in enumerate(g):
        for j, cell in enumerate(row):
            if cell.startswith(FORMULA) and not NUMBER.match(cell):
                fail(where, "row %d, column %d begins a formula: %r" % (i, j, cell[:40]))
    if len(g) != len(r):
        fail(where, "--raw has %d rows, not %d" % (len(r), len(g)))
        return
    formulas = 0
    for i, (grow, rrow) in enumerate(zip(g, r)):
        for j, (gc, rc) in enumerate(zip(grow, rrow)):
            if unguard(gc) != rc:
                fail(where, "row %d, column %d: %r reads back as %r, not %r" % (
                    i, j, gc[:40], unguard(gc)[:40], rc[:40]))
            formulas += rc.startswith(FORMULA) and not NUMBER.match(rc)
    return formulas


# ---- Markdown ----

class Elements(html.parser.HTMLParser):
    """The elements, attributes and text of an HTML text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []   # (tag, attrs)
        self.text = []
        self.stack = []
        self.inside = {}  # tag -> texts inside it

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)
        for tag in set(self.stack):
            self.inside.setdefault(tag, []).append(data)

    def handle_comment(self, data):
        self.tags.append(("!--", []))


MD_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "strong", "em", "code", "table", "thead", "tbody",
           "tr", "th", "td", "a"}


def check_markdown(where, text, texts_in):
    check_terminal(where, text)
    html_text = markdown.markdown(text, extensions=["tables"])
    e = Elements()
    e.feed(html_text)
    e.close()
    for tag, attrs in e.tags:
        if tag not in MD_TAGS:
            fail(where, "<%s> in the rendered Markdown" % tag)
        for name, value in attrs:
            ok = (tag == "a" and name == "href" and re.match(r"^https?://[^\"'<> ]+$", value or "")) \
                or (tag in ("th", "td") and name in ("align", "style")
                    and "text-align" in (value or "") + name)
            if not ok:
                fail(where, "attribute %s=%r on <%s>" % (name, value, tag))
    plain = "".join(e.text)
    for t in texts_in:
        if t not in plain:
            fail(where, "%r does not show as text" % t)
    # emphasis and strong only around the rendering's own labels
    for t in e.inside.get("em", []) + e.inside.get("strong", []):
        if any(marker in t for marker in ("bold", "it", "heading", "pwned", "script")):
            fail(where, "document text %r is emphasised" % t)
    return e


# ---- HTML ----

def check_html(where, text, texts_in):
    e = Elements()
    e.feed(text)
    e.close()
    for tag, attrs in e.tags:
        if tag in ("script", "iframe", "object", "embed", "img", "b"):
            fail(where, "<%s> in the report" % tag)
        for name, value in attrs:
            if name.startswith("on"):
                fail(where, "event handler %s on <%s>" % (name, tag))
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                fail(where, "%s=%r on <%s>" % (name, value, tag))
    plain = "".join(e.text)
    for t in texts_in:
        if t not in plain:
            fail(where, "%r does not show as text" % t)


# ---- JSON ----

def strings_of(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(k)
            strings_of(v, out)
    elif isinstance(node, list):
        for v in node:
            strings_of(v, out)
    elif isinstance(node, str):
        out.add(node)
    return out


def check_json(where, text, must_hold):
    try:
        value = json.loads(text)
    except ValueError as e:
        fail(where, "not JSON: %s" % e)
        return
    strings = strings_of(value, set())
    for s in must_hold:
        if s not in strings:
            fail(where, "%r is not among its strings" % s[:60])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--original", required=True)
    a = ap.parse_args()
    with open(a.dataset, encoding="utf-8") as f:
        doc = json.load(f)
    first, second = doc["municipalities"][0], doc["municipalities"][1]
    code, code2 = first["code"], second["code"]
    F = ["-f", a.dataset]
    measure_name = first["measures"][0]["name"]  # a formula, as a whole
    # what must show as text in Markdown and HTML, wherever the name goes
    markup = "<script>alert(1)</script>"

    commands = [
        ("list", F + ["list"], ["text", "json", "csv", "markdown"]),
        ("show", F + ["show", code], ["text", "json", "markdown"]),
        ("validate", ["validate", a.dataset], ["text", "json", "csv", "markdown"]),
        ("query", F + ["query"], ["text", "json", "csv", "markdown"]),
        ("coverage", F + ["coverage"], ["text", "json", "csv", "markdown"]),
        ("profile", F + ["profile", code], ["text", "json", "csv", "markdown"]),
        ("compare", F + ["compare", code, code2], ["text", "json", "csv", "markdown"]),
        ("peers", F + ["peers", "--all"], ["text", "json", "csv", "markdown"]),
        ("diff", ["diff", a.original, a.dataset], ["text", "json", "csv", "markdown"]),
        ("schedule", F + ["schedule", code], ["text", "json", "csv", "markdown"]),
        ("indicators", F + ["indicators", code], ["text", "json", "csv", "markdown"]),
        ("export measures", F + ["export", "--table", "measures"],
         ["text", "json", "csv", "markdown"]),
        ("export stakeholders", F + ["export", "--table", "stakeholders"],
         ["text", "json", "csv", "markdown"]),
        ("export indicators", F + ["export", "--table", "indicators"],
         ["text", "json", "csv", "markdown"]),
    ]
    shown = {
        "show": [markup, "*bold* _it_ [link](javascript:alert(1))", "\\x1b]0;pwned\\x07\\x1b[2J",
                 measure_name],
        "query": [measure_name],
        "export measures": [measure_name],
        "list": [first["name"]],
    }
    formulas = 0
    for name, args, formats in commands:
        for fmt in formats:
            where = "%s --format %s" % (name, fmt)
            out = run(a.tool, args + ["--format", fmt], where)
            if fmt == "text":
                check_text(where, out)
            elif fmt == "csv":
                raw = run(a.tool, args + ["--format", fmt, "--raw"], where + " --raw")
                formulas += check_csv(where, out, raw) or 0
            elif fmt == "markdown":
                check_markdown(where, out, shown.get(name, []))
            elif fmt == "json":
                check_json(where, out, [measure_name] if name in ("query", "export measures")
                           else [])
    if not formulas:
        fail("csv --raw", "no cell of any table begins with a formula: the dataset is not hostile")

    # the text shows the escapes, and the document itself as JSON
    out = run(a.tool, F + ["show", code], "show")
    if "\\x1b]0;pwned\\x07\\x1b[2J" not in out or "abc\\u202egnp.exe" not in out:
        fail("show", "the escape sequences are not shown escaped")
    out = run(a.tool, F + ["show", code, "--format", "json"], "show json")
    check_json("show --format json", out, [first["ambition"], measure_name,
                                           "x-\x1b[31mnotitie\u202e"])
    # validate names every control character, with its pointer
    out = run(a.tool, ["validate", a.dataset, "--format", "json"], "validate json")
    pointers = {d["pointer"] for d in json.loads(out) if d["rule"] == "V024"}
    for p in ("/programme/name", "/municipalities/0/official_name",
              "/municipalities/0/x-\x1b[31mnotitie\u202e"):
        if p not in pointers and not any(q.startswith(p) for q in pointers):
            fail("validate", "no V024 at %r (%d found)" % (p, len(pointers)))
    # the HTML reports
    for args in (F + ["report"], F + ["report", code], F + ["report", code, "--lang", "en"]):
        where = " ".join(args[2:])
        check_html(where, run(a.tool, args, where), [markup])
    # the summary (text only)
    for args in (F + ["summary"], F + ["summary", code]):
        check_text(" ".join(args[2:]), run(a.tool, args, "summary"))
    # a document that does not load: its message quotes the document
    bad = subprocess.run([a.tool, "-f", "-", "list"], input=b'{"format":"veilig\x1b[2J"}',
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    check_terminal("a document that does not load (stderr)", bad.stderr.decode("utf-8"))

    for f in failures:
        print("FAIL:", f)
    print("%d failure(s); %d formula cells guarded" % (len(failures), formulas))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
