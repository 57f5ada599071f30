#!/usr/bin/python3
"""The hostile document of the site tests, and the check of its site.

    hostile.py make DOCUMENT OUT.json   writes DOCUMENT with markup in every free
                                        text (names, descriptions, notes, titles,
                                        addresses, ...): a <script>, an event
                                        handler, a javascript: address, quotes
    hostile.py check SITE               parses every page of SITE (html.parser)
                                        and fails when any script but the site's
                                        own (site.js, the catalogue's JSON index)
                                        is there, when any element carries an on*
                                        attribute, or when a link or source
                                        address is a javascript: or data: one

Codes, ids, dates and vocabulary lists are left as they are, so the document
still loads.
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&</textarea>'
KEEP = {"format", "code", "id", "stakeholder", "category", "approach", "province", "type",
        "kind", "role", "status", "evidence", "unit", "direction", "currency", "relation",
        "day", "from", "to", "start", "end", "date", "joined", "period", "frequency", "license",
        "lang", "email", "phone"}
DATE = re.compile(r"^[0-9T:.+-]+$")


def poison(v, key=None):
    if isinstance(v, dict):
        return {k: poison(x, k) for k, x in v.items()}
    if isinstance(v, list):
        # lists of strings are vocabulary codes (target groups, settings, ...)
        return [poison(x, key) if not isinstance(x, str) else x for x in v]
    if isinstance(v, str) and key not in KEEP and not DATE.match(v):
        if key == "url":
            return "javascript:alert(3)//" + PAYLOAD
        return v + PAYLOAD
    return v


class Check(HTMLParser):
    def __init__(self, name, problems):
        super().__init__()
        self.name, self.problems = name, problems

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append(f"{self.name}: <{tag}> has an event handler {k}")
            if k in ("href", "src", "action", "formaction") and v and \
                    re.match(r"\s*(javascript|data|vbscript):", v, re.I):
                self.problems.append(f"{self.name}: <{tag} {k}={v[:40]!r}>")
        if tag == "script":
            ours = (a.get("src") or "").endswith("site.js") or (
                a.get("type") == "application/json" and
                (a.get("id") == "catalogue-terms" or
                 (a.get("class") == "catalogue-index" and "id" not in a)))
            if not ours:
                self.problems.append(f"{self.name}: a script that is not the site's own: {attrs}")
        if tag in ("iframe", "object", "embed", "img", "base"):
            self.problems.append(f"{self.name}: <{tag}> from the document")


def check(site):
    problems, pages = [], 0
    for root, _, files in os.walk(site):
        for f in sorted(files):
            if f.endswith(".html"):
                pages += 1
                p = os.path.join(root, f)
                with open(p, encoding="utf-8") as fh:
                    text = fh.read()
                c = Check(os.path.relpath(p, site), problems)
                c.feed(text)
                # the payload must be there, as text
                if "alert(1)" in text and "&lt;script&gt;alert(1)" not in text \
                        and "\\u003cscript\\u003ealert(1)" not in text:
                    problems.append(f"{os.path.relpath(p, site)}: the payload is not escaped")
    for p in problems[:50]:
        print(p)
    if pages == 0:
        print(f"hostile: no pages in {site}")
        return 1
    print(f"hostile: {pages} pages, {len(problems)} problems")
    return 1 if problems else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "make":
        with open(sys.argv[2], encoding="utf-8") as f:
            d = json.load(f)
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            json.dump(poison(d), f, ensure_ascii=False, indent=1)
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        return check(sys.argv[2])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main())
