#!/usr/bin/python3
"""Tests of the `veilig` command-line tool.

Runs the tool on the fixtures in tests/cli/data/ and compares what it prints
with the golden files in tests/cli/golden/: NAME.out holds the expected
standard output of case NAME, NAME.err its standard error (no .err file: the
case must print nothing there). Every case also checks the exit status, and
runs twice to check that the output is the same both times (stable order).
Other checks (personal data, -o, help texts, exit statuses of errors) are
written out below.

    run.py --tool build/libveilig/cli/veilig [--group NAME]...

Groups: list, show, validate, query, coverage, profile, compare, peers, diff,
schedule, indicators, export, summary, report, help, errors, personal,
output, unbounded (without --group: all of them).

Environment:
    VEILIG_UPDATE_GOLDEN=1  write the golden files from the tool's output
                            instead of comparing (then READ them: git diff
                            tests/cli/golden/)
    VEILIG_CLI_WRAPPER      a command to run the tool under, e.g.
                            "valgrind -q --leak-check=full --error-exitcode=99"

The cases run in tests/cli/data/, so that file names in outputs are short and
the same everywhere.
"""
import argparse
import html.parser
import os
import shlex
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
GOLDEN = os.path.join(HERE, "golden")
UPDATE = os.environ.get("VEILIG_UPDATE_GOLDEN") == "1"
WRAPPER = shlex.split(os.environ.get("VEILIG_CLI_WRAPPER", ""))
UMASK = os.umask(0)
os.umask(UMASK)

F = ["-f", "steden.json"]  # the main fixture

# (group, name, arguments, exit status[, file for standard input])
CASES = [
    # list
    ("list", "list-text", F + ["list"], 0),
    ("list", "list-csv", F + ["list", "--format", "csv"], 0),
    ("list", "list-json", F + ["list", "--format=json"], 0),
    ("list", "list-markdown", ["list", "--format", "markdown", "-f", "steden.json"], 0),
    ("list", "list-en", F + ["list", "--lang", "en"], 0),
    ("list", "list-merged", F + ["-f", "extra.json", "list"], 0),
    ("list", "list-stdin", ["-f", "-", "list", "--format", "csv"], 0, "extra.json"),
    # show
    ("show", "show-text", F + ["show", "GM0001"], 0),
    ("show", "show-name", F + ["show", "Beedorp"], 0),
    ("show", "show-en", F + ["show", "GM0001", "--lang", "en"], 0),
    ("show", "show-json", F + ["show", "GM0001", "--format", "json"], 0),
    ("show", "show-markdown", F + ["show", "GM0003", "--format", "markdown"], 0),
    ("show", "show-personal", F + ["show", "GM0001", "--include-personal"], 0),
    # validate: exact file:line:column lines and exit statuses
    ("validate", "validate-errors", ["validate", "invalid.json"], 2),
    ("validate", "validate-errors-strict", ["validate", "--strict", "invalid.json"], 2),
    ("validate", "validate-warnings", ["validate", "warnings.json"], 0),
    ("validate", "validate-strict", ["validate", "--strict", "warnings.json"], 1),
    ("validate", "validate-clean", ["validate", "--strict", "steden.json"], 0),
    ("validate", "validate-bad-json", ["validate", "bad-json.json"], 2),
    ("validate", "validate-bad-schema", ["validate", "bad-schema.json"], 2),
    # every schema error of a file, one line each
    ("validate", "validate-bad-schema-many", ["validate", "bad-schema-many.json"], 2),
    ("validate", "validate-several",
     ["validate", "warnings.json", "invalid.json", "bad-json.json", "steden.json"], 2),
    ("validate", "validate-stdin", ["validate", "-"], 0, "warnings.json"),
    ("validate", "validate-with-f", ["-f", "warnings.json", "validate"], 0),
    ("validate", "validate-missing", ["validate", "warnings.json", "missing.json"], 66),
    ("validate", "validate-json", ["validate", "invalid.json", "bad-json.json", "--format", "json"], 2),
    ("validate", "validate-csv", ["validate", "invalid.json", "--format", "csv"], 2),
    ("validate", "validate-markdown", ["validate", "invalid.json", "--format", "markdown"], 2),
    # query
    ("query", "query-all", F + ["query"], 0),
    ("query", "query-category", F + ["query", "--category", "bystander"], 0),
    ("query", "query-category-target", F + ["query", "--category", "bystander", "--target", "lgbtiq"], 0),
    ("query", "query-or", F + ["query", "--category", "deescalation,reporting", "--province", "NL-OV"], 0),
    ("query", "query-repeated", F + ["query", "--category", "deescalation", "--category", "reporting"], 0),
    ("query", "query-approach-csv", F + ["query", "--approach", "support", "--format", "csv"], 0),
    ("query", "query-setting-json", F + ["query", "--setting", "nightlife", "--format", "json"], 0),
    ("query", "query-stakeholder-kind", F + ["query", "--stakeholder-kind", "police"], 0),
    ("query", "query-stakeholder", F + ["query", "--stakeholder", "hogeschool"], 0),
    ("query", "query-status", F + ["query", "--status", "planned"], 0),
    ("query", "query-evidence", F + ["query", "--evidence", "well_described"], 0),
    ("query", "query-active-on", F + ["query", "--active-on", "2021-06-01"], 0),
    ("query", "query-text", F + ["query", "--text", "STRAAT"], 0),
    ("query", "query-municipality", F + ["query", "--municipality", "Ceestad", "--format", "markdown"], 0),
    ("query", "query-none", F + ["query", "--category", "research"], 0),
    ("query", "query-unknown-category", F + ["query", "--category", "omstander"], 64),
    ("query", "query-unknown-target", F + ["query", "--target", "vrouwen"], 64),
    ("query", "query-unknown-province", F + ["query", "--province", "Overijssel"], 64),
    ("query", "query-bad-date", F + ["query", "--active-on", "2021-13"], 64),
    # OR across filters: --or between groups of options, or --where with an expression
    ("query", "query-or-groups", F + ["query", "--category", "bystander", "--or", "--approach", "support", "--province", "NL-GE"], 0),
    ("query", "query-where", F + ["query", "--where", "category=bystander OR approach=support province=NL-GE", "--format", "csv"], 0),
    ("query", "query-where-typo", F + ["query", "--where", "category=bystander OR categroy=campaign"], 64),
    ("query", "query-where-code", F + ["query", "--where", "category=bystandr"], 64),
    ("query", "query-where-and-options", F + ["query", "--where", "category=bystander", "--text", "x"], 64),
    ("query", "query-or-first", F + ["query", "--or", "--category", "bystander"], 64),
    # coverage
    ("coverage", "coverage-text", F + ["coverage"], 0),
    ("coverage", "coverage-csv", F + ["coverage", "--format", "csv"], 0),
    ("coverage", "coverage-json", F + ["coverage", "--format", "json"], 0),
    ("coverage", "coverage-approach", F + ["coverage", "--axis", "approach"], 0),
    ("coverage", "coverage-target-all", F + ["coverage", "--axis", "target_group", "--all", "--format", "csv"], 0),
    ("coverage", "coverage-active-on", F + ["coverage", "--active-on", "2021-06", "--format", "markdown"], 0),
    ("coverage", "coverage-bad-axis", F + ["coverage", "--axis", "province"], 64),
    # profile
    ("profile", "profile-text", F + ["profile", "GM0001"], 0),
    ("profile", "profile-json", F + ["profile", "GM0001", "--format", "json"], 0),
    ("profile", "profile-csv", F + ["profile", "Beedorp", "--format", "csv"], 0),
    ("profile", "profile-en", F + ["profile", "GM0002", "--lang", "en"], 0),
    # compare
    ("compare", "compare-text", F + ["compare", "GM0001", "GM0003"], 0),
    ("compare", "compare-json", F + ["compare", "GM0001", "GM0002", "--format", "json"], 0),
    ("compare", "compare-csv", F + ["compare", "Aastad", "Ceestad", "--format", "csv"], 0),
    ("compare", "compare-one", F + ["compare", "GM0001"], 64),
    # peers
    ("peers", "peers-text", F + ["peers", "GM0001"], 0),
    ("peers", "peers-k-json", F + ["peers", "GM0003", "-k", "1", "--format", "json"], 0),
    ("peers", "peers-all-csv", F + ["peers", "--all", "--format", "csv"], 0),
    ("peers", "peers-bad-k", F + ["peers", "GM0001", "-k", "0"], 64),
    ("peers", "peers-nothing", F + ["peers"], 64),
    ("peers", "peers-both", F + ["peers", "GM0001", "--all"], 64),
    # peers of a plan file's municipality in another registry; municipalities without measures
    # are no peers, and when none remain the tool says why
    ("peers", "peers-against-builtin", F + ["peers", "GM0001", "--against", "builtin"], 0),
    ("peers", "peers-against-file",
     ["-f", "plan-v1.json", "peers", "GM0001", "--against", "steden.json", "--format", "csv"], 0),
    ("peers", "peers-against-all", F + ["peers", "--all", "--against", "builtin"], 64),
    ("peers", "peers-against-missing", F + ["peers", "GM0001", "--against", "nope.json"], 66),
    ("peers", "peers-none-builtin", ["peers", "GM0153", "--format", "json"], 0),
    ("peers", "peers-no-measures", ["peers", "Almelo", "--format", "csv"], 0),
    # diff
    ("diff", "diff-text", ["diff", "plan-v1.json", "plan-v2.json"], 0),
    ("diff", "diff-json", ["diff", "plan-v1.json", "plan-v2.json", "--format", "json"], 0),
    ("diff", "diff-csv", ["diff", "plan-v1.json", "plan-v2.json", "--format", "csv"], 0),
    ("diff", "diff-municipality", ["diff", "--municipality", "GM0002", "plan-v1.json", "plan-v2.json"], 0),
    ("diff", "diff-same", ["diff", "plan-v1.json", "plan-v1.json"], 0),
    ("diff", "diff-personal", ["diff", "plan-v1.json", "plan-v2.json", "--include-personal", "--format", "json"], 0),
    ("diff", "diff-stdin", ["diff", "plan-v1.json", "-", "--format", "csv"], 0, "plan-v2.json"),
    ("diff", "diff-unknown-municipality", ["diff", "--municipality", "GM0999", "plan-v1.json", "plan-v2.json"], 64),
    ("diff", "diff-with-f", ["-f", "plan-v1.json", "diff", "plan-v1.json", "plan-v2.json"], 64),
    # schedule
    ("schedule", "schedule-text", F + ["schedule", "GM0001"], 0),
    ("schedule", "schedule-json", F + ["schedule", "GM0001", "--format", "json"], 0),
    ("schedule", "schedule-csv", F + ["schedule", "GM0003", "--format", "csv"], 0),
    ("schedule", "schedule-window", F + ["schedule", "GM0003", "--days", "thu,fri,sat", "--from", "23:00", "--to", "05:00"], 0),
    ("schedule", "schedule-bad-day", F + ["schedule", "GM0001", "--days", "fri,zat"], 64),
    ("schedule", "schedule-bad-time", F + ["schedule", "GM0001", "--from", "25:00"], 64),
    # indicators
    ("indicators", "indicators-text", F + ["indicators", "GM0001"], 0),
    ("indicators", "indicators-json", F + ["indicators", "GM0001", "--format", "json"], 0),
    ("indicators", "indicators-csv", F + ["indicators", "GM0001", "--format", "csv"], 0),
    ("indicators", "indicators-as-of", F + ["indicators", "GM0001", "--as-of", "2022-12-31"], 0),
    ("indicators", "indicators-none", F + ["indicators", "GM0002"], 0),
    # export
    ("export", "export-measures", F + ["export"], 0),
    ("export", "export-measures-text", F + ["export", "--format", "text"], 0),
    ("export", "export-stakeholders-json", F + ["export", "--table", "stakeholders", "--format", "json"], 0),
    ("export", "export-indicators-markdown", F + ["export", "--table=indicators", "--format", "markdown"], 0),
    # the formula guard (docs/security.md), and --raw without it
    ("export", "export-guarded", ["-f", "formulas.json", "export"], 0),
    ("export", "export-raw", ["-f", "formulas.json", "export", "--raw"], 0),
    ("export", "export-indicators-guarded", ["-f", "formulas.json", "export", "--table",
                                             "indicators"], 0),
    ("export", "export-stakeholders-raw", ["-f", "formulas.json", "export", "--table",
                                           "stakeholders", "--format", "csv", "--raw"], 0),
    ("export", "export-bad-table", F + ["export", "--table", "contacts"], 64),
    # summary
    ("summary", "summary-text", F + ["summary"], 0),
    ("summary", "summary-en", F + ["summary", "--lang", "en"], 0),
    ("summary", "summary-municipality", F + ["summary", "GM0001"], 0),
    ("summary", "summary-invalid", ["-f", "invalid.json", "summary", "--lang", "en"], 0),
    # errors: one line on standard error, and the documented exit status
    ("errors", "error-no-command", [], 64),
    ("errors", "error-unknown-command", ["lst"], 64),
    ("errors", "error-unknown-command-far", ["frobnicate"], 64),
    ("errors", "error-unknown-option", ["list", "--colour"], 64),
    ("errors", "error-option-value", ["list", "--include-personal=yes"], 64),
    ("errors", "error-missing-value", ["list", "--format"], 64),
    ("errors", "error-format", F + ["list", "--format", "xml"], 64),
    ("errors", "error-format-not-offered", F + ["show", "GM0001", "--format", "csv"], 64),
    ("errors", "error-raw-not-csv", F + ["list", "--raw"], 64),
    ("errors", "error-raw-not-offered", F + ["show", "GM0001", "--raw"], 64),
    ("errors", "error-lang", F + ["list", "--lang", "de"], 64),
    ("errors", "error-lang-site", F + ["site", "--lang", "de", "-o", "out"], 64),
    ("errors", "error-extra-argument", F + ["list", "GM0001"], 64),
    ("errors", "error-unknown-municipality", F + ["show", "GM9999"], 64),
    ("errors", "error-option-not-used", ["validate", "--lang", "en", "steden.json"], 64),
    ("errors", "error-missing-file", ["-f", "missing.json", "list"], 66),
    ("errors", "error-directory", ["-f", ".", "list"], 66),
    ("errors", "error-double-dash", ["show", "--", "--lang"], 64),
    ("errors", "error-bad-json", ["-f", "bad-json.json", "list"], 2),
    ("errors", "error-bad-schema", ["-f", "bad-schema.json", "list"], 2),
    ("errors", "error-bad-schema-many", ["-f", "bad-schema-many.json", "list"], 2),
    ("errors", "error-same-code", F + ["-f", "plan-v1.json", "list"], 2),
    ("errors", "error-file-twice", F + ["-f", "steden.json", "list"], 64),
    ("errors", "error-stdin-twice", ["-f", "-", "-f", "-", "list"], 64, "steden.json"),
    ("errors", "error-output-folder", F + ["list", "-o", "no-such-folder/list.txt"], 73),
    # --max-size: the most bytes of a document, for files, standard input, validate and diff
    ("errors", "error-max-size", F + ["list", "--max-size", "1K"], 2),
    ("errors", "error-max-size-stdin", ["-f", "-", "list", "--max-size=2k"], 2, "steden.json"),
    ("validate", "validate-max-size", ["validate", "--max-size", "1K", "steden.json"], 2),
    ("errors", "error-max-size-diff", ["diff", "--max-size", "1K", "plan-v1.json", "plan-v2.json"],
     2),
    ("errors", "error-max-size-value", F + ["list", "--max-size", "2x"], 64),
    ("errors", "error-max-size-zero", F + ["list", "--max-size", "0"], 64),
    ("errors", "error-max-size-overflow", F + ["list", "--max-size", "99999999999999999999G"], 64),
    ("errors", "error-max-size-not-offered", ["template", "--max-size", "1M"], 64),
    ("list", "list-max-size", F + ["list", "--format", "csv", "--max-size", "1M"], 0),
    # what cannot be a document fails at its first byte, not when memory runs out
    ("errors", "error-dev-zero", ["-f", "/dev/zero", "list"], 2),
]

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(tool, args, stdin_file=None, cwd=DATA):
    stdin = open(os.path.join(DATA, stdin_file), "rb") if stdin_file else subprocess.DEVNULL
    try:
        p = subprocess.run(WRAPPER + [tool] + args, cwd=cwd, stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    finally:
        if stdin_file:
            stdin.close()
    return p.returncode, p.stdout, p.stderr


def show_diff(expected, actual, what):
    import difflib
    lines = list(difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                      actual.decode("utf-8", "replace").splitlines(),
                                      "golden/" + what, "actual", lineterm="", n=2))
    print("\n".join(lines[:60]))


def check_case(tool, case):
    group, name, args, status = case[:4]
    stdin_file = case[4] if len(case) > 4 else None
    code, out, err = run(tool, args, stdin_file)
    label = "%s (veilig %s)" % (name, " ".join(args))
    if code != status:
        fail("%s: exit status %d, expected %d; stderr: %s" % (label, code, status, err.decode()))
    # one error, one line (a document with several schema errors: one line each,
    # every line an error of the tool)
    lines = err.decode(errors="replace").splitlines()
    many = name.startswith("error") and name.endswith("-many")
    if status not in (0, 1) and name.startswith("error") and (
            len(lines) < 1 or (len(lines) != 1 and not many)
            or not all(x.startswith("veilig: ") for x in lines)):
        fail("%s: the error is not one line per error: %r" % (label, err))
    if many and len(lines) < 2:
        fail("%s: several errors expected, one line each: %r" % (label, err))
    if status in (64, 66, 73) and not err.startswith(b"veilig: "):
        fail("%s: the error does not start with 'veilig: ': %r" % (label, err))
    code2, out2, err2 = run(tool, args, stdin_file)
    if (code2, out2, err2) != (code, out, err):
        fail("%s: a second run gives other output (order not stable)" % label)
    for ext, got in ((".out", out), (".err", err)):
        path = os.path.join(GOLDEN, name + ext)
        if UPDATE:
            if got or ext == ".out":
                with open(path, "wb") as f:
                    f.write(got)
            elif os.path.exists(path):
                os.remove(path)
            continue
        expected = b""
        if os.path.exists(path):
            with open(path, "rb") as f:
                expected = f.read()
        elif ext == ".out":
            fail("%s: no golden file %s (VEILIG_UPDATE_GOLDEN=1 writes it)" % (label, path))
            continue
        if got != expected:
            fail("%s: %s differs from golden/%s%s" % (label, "stdout" if ext == ".out" else "stderr", name, ext))
            show_diff(expected, got, name + ext)


# ---- checks that golden files do not express ----

COMMANDS = ["list", "show", "validate", "query", "coverage", "profile", "compare", "peers",
            "diff", "schedule", "indicators", "report", "export", "summary"]


def check_help(tool):
    code, out, err = run(tool, ["--help"])
    if code != 0 or b"Usage: veilig" not in out or err:
        fail("veilig --help: status %d, stderr %r" % (code, err))
    for cmd in COMMANDS:
        if ("  %s " % cmd).encode() not in out:
            fail("veilig --help does not list %s" % cmd)
        for args in ([cmd, "--help"], [cmd, "-h"], ["help", cmd], ["-h", cmd]):
            code, cout, err = run(tool, args)
            if code != 0 or err:
                fail("veilig %s: status %d, stderr %r" % (" ".join(args), code, err))
            for want in (b"Usage: veilig " + cmd.encode(), b"Options:", b"Example:",
                         b"--help"):
                if want not in cout:
                    fail("veilig %s: no %r in the help" % (" ".join(args), want))
            if any(len(line) > 80 for line in cout.decode().splitlines()):
                fail("veilig %s: a help line is longer than 80 characters" % " ".join(args))
    code, out, err = run(tool, ["--version"])
    if code != 0 or not out.startswith(b"veilig ") or b"libveilig" not in out:
        fail("veilig --version: status %d, output %r" % (code, out))
    code, out, err = run(tool, ["query", "--help"])
    for vocab_code in (b"bystander", b"lgbtiq", b"police", b"well_founded", b"NL-OV"):
        if vocab_code not in out:
            fail("veilig query --help does not list the code %r" % vocab_code)


def check_personal(tool):
    secret = b"p.tebrake@enschede.nl"
    for fmt in ("text", "json", "markdown"):
        code, out, _ = run(tool, ["show", "GM0153", "--format", fmt])
        if code != 0 or secret in out:
            fail("veilig show GM0153 --format %s: status %d, personal data shown: %s"
                 % (fmt, code, secret in out))
        code, out, _ = run(tool, ["show", "GM0153", "--format", fmt, "--include-personal"])
        if code != 0 or secret not in out:
            fail("veilig show GM0153 --format %s --include-personal: status %d, personal data "
                 "missing" % (fmt, code))
    fixture = b"j.jansen@aastad.example"
    for args in (F + ["show", "GM0001"], F + ["show", "GM0001", "--format", "json"],
                 F + ["export", "--table", "stakeholders", "--format", "json"],
                 F + ["report", "GM0001"], F + ["report"],
                 ["diff", "plan-v1.json", "plan-v2.json", "--format", "json"],
                 ["-f", "plan-v1.json", "show", "GM0001", "--format", "json"],
                 ["-f", "-", "show", "GM0001"]):
        code, out, _ = run(tool, args, "steden.json" if "-" in args else None)
        if code != 0 or fixture in out:
            fail("veilig %s: status %d, personal data shown: %s" % (" ".join(args), code,
                                                                   fixture in out))
    for args in (F + ["show", "GM0001", "--include-personal"],
                 F + ["report", "GM0001", "--include-personal"]):
        code, out, _ = run(tool, args)
        if code != 0 or fixture not in out:
            fail("veilig %s: status %d, personal data missing" % (" ".join(args), code))
    code, out, _ = run(tool, ["report"])
    if code != 0 or secret in out:
        fail("veilig report: status %d, personal data in the report: %s" % (code, secret in out))
    # the site: personal data left out, and its pages say so, the same from one
    # file (begun while it loads) as from standard input (loaded first)
    with tempfile.TemporaryDirectory() as d:
        sites = {}
        for name, args, stdin in (("file", F, None), ("stdin", ["-f", "-"], "steden.json")):
            out_dir = os.path.join(d, name)
            code, _, err = run(tool, args + ["site", "--lang", "nl", "-o", out_dir], stdin)
            if code != 0:
                fail("veilig site from %s: status %d: %s" % (name, code, err))
                return
            sites[name] = {}
            for root, _dirs, files in os.walk(out_dir):
                for f in files:
                    with open(os.path.join(root, f), "rb") as fh:
                        sites[name][os.path.relpath(os.path.join(root, f), out_dir)] = fh.read()
        page = sites["file"].get(os.path.join("gemeenten", "GM0001.html"), b"")
        if fixture in page or "Persoonlijke contactgegevens zijn weggelaten".encode() not in page:
            fail("veilig site: the page of GM0001 shows personal data or does not say it left "
                 "them out")
        if sites["file"] != sites["stdin"]:
            fail("veilig site: the site of a file differs from that of standard input")


class _Checker(html.parser.HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr", "path", "rect", "circle", "line", "polyline", "polygon",
            "stop", "use"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else ""))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()


def check_html(path, label):
    with open(path, "rb") as f:
        data = f.read()
    if not data.lstrip().lower().startswith(b"<!doctype html"):
        fail("%s: not an HTML document" % label)
        return
    c = _Checker()
    c.feed(data.decode("utf-8"))
    c.close()
    if c.errors or c.stack:
        fail("%s: HTML not well nested: %s; open: %s" % (label, c.errors[:3], c.stack[:5]))
    # Standalone: no script, nothing loaded from elsewhere (links to sources are fine).
    for bad in (b"<script", b"src=\"http", b"src='http", b"url(http", b"@import",
                b"<link rel=\"stylesheet"):
        if bad in data.lower():
            fail("%s: the report holds %r (it must stand alone)" % (label, bad))


def check_report(tool):
    with tempfile.TemporaryDirectory() as tmp:
        steden = os.path.join(DATA, "steden.json")
        cases = [
            (["-f", steden, "report", "-o", "report.html"], "report.html", "nl",
             b"Rapport geschreven naar report.html\n"),
            (["-f", steden, "report", "GM0001", "--lang", "en", "-o", "sub/aastad.html"],
             "sub/aastad.html", "en", b"Report written to sub/aastad.html\n"),
            (["report", "--output=builtin.html"], "builtin.html", "nl",
             b"Rapport geschreven naar builtin.html\n"),
        ]
        os.mkdir(os.path.join(tmp, "sub"))
        for args, out_name, lang, last in cases:
            code, out, err = run(tool, args, cwd=tmp)
            label = "veilig " + " ".join(args)
            if code != 0 or err:
                fail("%s: status %d, stderr %r" % (label, code, err))
                continue
            lines = out.splitlines(True)
            if not lines or lines[-1] != last:
                fail("%s: the output does not end with %r: %r" % (label, last, out))
            if not 3 <= len(lines) <= 6:
                fail("%s: %d lines of key figures, expected 3 to 5 and where: %r" %
                     (label, len(lines), out))
            path = os.path.join(tmp, out_name)
            check_html(path, label)
            with open(path, "rb") as f:
                if ('lang="%s"' % lang).encode() not in f.read(2000):
                    fail("%s: the report is not in language %s" % (label, lang))
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode != 0o666 & ~UMASK:
                fail("%s: the report has mode %o, expected %o" % (label, mode, 0o666 & ~UMASK))
        leftovers = [n for n in os.listdir(tmp) + os.listdir(os.path.join(tmp, "sub"))
                     if n.startswith(".")]
        if leftovers:
            fail("veilig report: temporary files left behind: %s" % leftovers)
        # Without -o: the HTML on standard output, nothing else.
        code, out, err = run(tool, F + ["report", "GM0003"])
        if code != 0 or not out.startswith(b"<!DOCTYPE html") or err:
            fail("veilig report GM0003: status %d, stderr %r" % (code, err))
        code, out, err = run(tool, F + ["report", "--format", "csv"])
        if code != 64:
            fail("veilig report --format csv: status %d, expected 64" % code)


def check_output(tool):
    with tempfile.TemporaryDirectory() as tmp:
        steden = os.path.join(DATA, "steden.json")
        for args in (["list", "--format", "csv"], ["export"], ["show", "GM0001"],
                     ["validate", steden], ["summary"], ["coverage", "--format", "json"]):
            base = args if args[0] == "validate" else ["-f", steden] + args
            code, want, err = run(tool, base, cwd=tmp)
            target = os.path.join(tmp, "out.txt")
            if os.path.exists(target):
                os.remove(target)
            code2, out, err2 = run(tool, base + ["-o", "out.txt"], cwd=tmp)
            label = "veilig %s -o out.txt" % " ".join(args)
            if code2 != code or out or err2 != err:
                fail("%s: status %d, stdout %r, stderr %r" % (label, code2, out[:100], err2))
                continue
            if not os.path.exists(target):
                fail("%s: no file written" % label)
                continue
            with open(target, "rb") as f:
                if f.read() != want:
                    fail("%s: the file differs from standard output" % label)
            code3, out3, _ = run(tool, base + ["-o", "-"], cwd=tmp)
            if out3 != want:
                fail("veilig %s -o -: differs from standard output" % " ".join(args))
        # An existing file keeps its mode and is replaced whole.
        target = os.path.join(tmp, "keep.csv")
        with open(target, "w") as f:
            f.write("old content that is longer than the new one\n" * 500)
        os.chmod(target, 0o640)
        code, _, err = run(tool, ["-f", steden, "list", "--format", "csv", "-o", "keep.csv"],
                           cwd=tmp)
        mode = stat.S_IMODE(os.stat(target).st_mode)
        with open(target, "rb") as f:
            content = f.read()
        if code != 0 or mode != 0o640 or b"old content" in content:
            fail("-o over an existing file: status %d, mode %o, old content left: %s"
                 % (code, mode, b"old content" in content))
        # A symbolic link stays a link; the file it points to is replaced.
        os.symlink("keep.csv", os.path.join(tmp, "link.csv"))
        code, _, err = run(tool, ["-f", steden, "list", "-o", "link.csv"], cwd=tmp)
        with open(target, "rb") as f:
            content = f.read()
        if code != 0 or not os.path.islink(os.path.join(tmp, "link.csv")) or \
                not content.startswith(b"Code"):
            fail("-o over a symbolic link: status %d, still a link: %s" %
                 (code, os.path.islink(os.path.join(tmp, "link.csv"))))
        # Cannot write: a full device, a read-only folder (not as root).
        if os.path.exists("/dev/full"):
            code, out, err = run(tool, ["list", "-o", "/dev/full"], cwd=tmp)
            if code != 73 or not err.startswith(b"veilig: cannot write /dev/full"):
                fail("veilig list -o /dev/full: status %d, stderr %r" % (code, err))
        ro = os.path.join(tmp, "readonly")
        os.mkdir(ro)
        os.chmod(ro, 0o555)
        if os.geteuid() != 0:
            code, out, err = run(tool, ["list", "-o", "readonly/list.txt"], cwd=tmp)
            if code != 73 or err.count(b"\n") != 1 or b"readonly/list.txt" not in err:
                fail("veilig list -o readonly/list.txt: status %d, stderr %r" % (code, err))
            if os.listdir(ro):
                fail("veilig list -o readonly/...: left files behind: %s" % os.listdir(ro))
        else:
            print("note: running as root: the read-only folder check is skipped")
        os.chmod(ro, 0o755)
        code, out, err = run(tool, ["list", "-o", "."], cwd=tmp)
        if code != 73:
            fail("veilig list -o .: status %d, expected 73" % code)
        if [n for n in os.listdir(tmp) if n.startswith(".")]:
            fail("-o: temporary files left behind: %s" % os.listdir(tmp))
    # The bundled dataset, when no file is given.
    code, out, err = run(tool, ["list", "--format", "csv"])
    if code != 0 or b"GM0153,Enschede" not in out or err:
        fail("veilig list (bundled dataset): status %d, stderr %r" % (code, err))
    code, out, err = run(tool, ["validate"])
    if code != 0 or (out and not out.startswith(b"<builtin>:")):
        fail("veilig validate (bundled dataset): status %d, output %r" % (code, out[:200]))


def check_unbounded(tool):
    """An endless pipe of what could go on for ever (white space) stops at
    --max-size, at once, with the limit's message; one of what cannot start
    a document stops at its first byte."""
    import threading
    for chunk, args, want in (
            (b" " * 65536, ["list", "--max-size", "1M"], b"--max-size raises the limit"),
            (b"y\n" * 32768, ["validate"], b"<stdin>:1:1:")):
        p = subprocess.Popen(WRAPPER + [tool, "-f", "-"] + args, cwd=DATA, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)

        def feed(pipe=p.stdin, chunk=chunk):
            try:
                while True:
                    pipe.write(chunk)
            except (OSError, ValueError):  # the tool closed its end: done
                pass

        threading.Thread(target=feed, daemon=True).start()
        timer = threading.Timer(60, p.kill)
        timer.start()
        err = p.stderr.read()
        out = p.stdout.read()
        p.wait()
        timer.cancel()
        label = "veilig -f - %s on an endless pipe" % " ".join(args)
        if p.returncode < 0:
            fail("%s: still reading after 60 s" % label)
        elif p.returncode != 2 or want not in out + err:
            fail("%s: status %d, output %r" % (label, p.returncode, (out + err)[:300]))


EXTRA = {"help": check_help, "unbounded": check_unbounded, "personal": check_personal, "report": check_report,
         "output": check_output}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", required=True, help="the veilig executable")
    ap.add_argument("--group", action="append", help="run only these groups")
    opts = ap.parse_args()
    tool = os.path.abspath(opts.tool)
    groups = set(opts.group or [])
    known = {c[0] for c in CASES} | set(EXTRA)
    for g in groups - known:
        print("run.py: unknown group %s (known: %s)" % (g, ", ".join(sorted(known))))
        return 2
    n = 0
    for case in CASES:
        if not groups or case[0] in groups:
            check_case(tool, case)
            n += 1
    for g, fn in EXTRA.items():
        if not groups or g in groups:
            fn(tool)
            n += 1
    if UPDATE:
        print("golden files written to %s: read them (git diff) before committing" % GOLDEN)
    if failures:
        print("%d of the checks failed" % len(failures))
        return 1
    print("ok: %d cases and check groups" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
