"""Untrusted documents through the binding (docs/security.md): the hostile
copy of the bundled dataset (tests/security/hostile.json) rendered by every
rendering the binding offers, in every format, each output read by a reader
of its format: no string of the document becomes anything but text. The
binding does no escaping of its own: what it returns is the library's."""

import csv
import html.parser
import io
import json
import os
import re

import pytest

import veilig
from veilig import _capi
from conftest import REPO_ROOT

HOSTILE = os.path.join(REPO_ROOT, "tests", "security", "hostile.json")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORMULA = tuple("=+-@\t\r")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
MARKUP = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile():
    if not os.path.exists(HOSTILE):
        pytest.skip("tests/security/hostile.json is not here (not a checkout)")
    if not _capi.has("veilig_render_list"):
        pytest.skip("this libveilig has no renderings")
    with veilig.load(HOSTILE) as registry:
        yield registry


@pytest.fixture(scope="module")
def doc():
    with open(HOSTILE, encoding="utf-8") as f:
        return json.load(f)


def renderings(reg):
    """(name, render(format)) of every rendering the binding offers."""
    m = reg["GM0153"]
    other = reg[1]
    return [
        ("list", reg.render_list),
        ("municipality", m.render),
        ("diagnostics", reg.render_validation),
        ("query", lambda f: reg.query().render(f)),
        ("coverage", lambda f: reg.coverage().render(f)),
        ("profile", lambda f: m.profile().render(f)),
        ("compare", lambda f: m.compare(other).render(f)),
        ("peers", lambda f: reg.peers().render(f)),
        ("schedule", lambda f: m.schedule().render(f)),
        ("progress", lambda f: m.progress().render(f)),
        ("export measures", lambda f: reg.export("measures", f)),
        ("export stakeholders", lambda f: reg.export("stakeholders", f)),
        ("export indicators", lambda f: reg.export("indicators", f)),
    ]


def formats_of(name):
    return ("text", "json", "markdown") if name == "municipality" else (
        "text", "json", "csv", "markdown")


def test_text_and_markdown_hold_no_controls(hostile):
    for name, render in renderings(hostile):
        for fmt in ("text", "markdown"):
            out = render(fmt)
            m = CONTROL.search(out)
            assert m is None, "%s %s: U+%04X at %d" % (name, fmt, ord(m.group()), m.start())
    text = hostile["GM0153"].render("text")
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in text and "abc\\u202egnp.exe" in text


def test_csv_is_guarded_and_reads_back(hostile):
    for name, render in renderings(hostile):
        if "csv" not in formats_of(name):
            continue
        rows = list(csv.reader(io.StringIO(render("csv"), newline="")))
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA) or NUMBER.match(cell), (name, cell[:40])
    # the importer's reading (strip one ' before = + - @ TAB CR ') is the raw table
    guarded = list(csv.reader(io.StringIO(hostile.export(), newline="")))
    raw = list(csv.reader(io.StringIO(hostile.export(raw=True), newline="")))
    assert len(guarded) == len(raw)
    formulas = 0
    for grow, rrow in zip(guarded, raw):
        for g, r in zip(grow, rrow):
            back = g[1:] if g[:1] == "'" and g[1:2] and g[1] in "=+-@\t\r'" else g
            assert back == r
            formulas += r.startswith(FORMULA)
    assert formulas > 0


class Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_markdown_renders_as_text(hostile):
    markdown = pytest.importorskip("markdown")  # Debian: python3-markdown
    allowed = {"h1", "h2", "h3", "p", "ul", "li", "strong", "em", "code", "table", "thead",
               "tbody", "tr", "th", "td", "a"}
    for name, render in renderings(hostile):
        e = Elements()
        e.feed(markdown.markdown(render("markdown"), extensions=["tables"]))
        for tag, attrs in e.tags:
            assert tag in allowed, (name, tag)
            for attr, value in attrs:
                assert (tag == "a" and attr == "href" and re.match(r"^https?://[^\"'<> ]+$", value)) \
                    or (tag in ("th", "td") and "text-align" in attr + (value or "")), \
                    (name, tag, attr, value)
    e = Elements()
    e.feed(markdown.markdown(hostile["GM0153"].render("markdown"), extensions=["tables"]))
    assert MARKUP in "".join(e.text)


def test_json_keeps_the_strings(hostile, doc):
    name = doc["municipalities"][0]["measures"][0]["name"]
    rows = json.loads(hostile.export(format="json"))
    assert rows[0]["name"] == name
    m = json.loads(hostile["GM0153"].render("json"))
    assert m["ambition"] == doc["municipalities"][0]["ambition"]
    for name_, render in renderings(hostile):
        json.loads(render("json"))


def test_html_report(hostile):
    for m in (None, "GM0153"):
        e = Elements()
        e.feed(hostile.report_html(m))
        for tag, attrs in e.tags:
            assert tag not in ("script", "img", "iframe", "b"), tag
            for attr, value in attrs:
                assert not attr.startswith("on"), (tag, attr)
                assert not (value or "").lower().startswith("javascript:"), (tag, attr)
        assert MARKUP in "".join(e.text)
