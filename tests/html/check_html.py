#!/usr/bin/python3
"""Checks that HTML reports are well-formed and self-contained.

Usage: check_html.py [--generate PROGRAM OUTDIR] [FILE...]

With --generate, first runs PROGRAM OUTDIR (tests/html/write_reports, which
writes the reports there) and checks every OUTDIR/*.html. For each file:
- it starts with "<!DOCTYPE html>" and, with that line removed, parses as XML
  (xml.etree): every element is closed, attributes are quoted, text escaped;
- html.parser sees every non-void element closed, in order;
- every <svg> has a viewBox; there is no <script>, no event handler
  attribute, no <link>, <img>, <iframe>, <object> or <embed>;
- no src, srcset, xlink:href or style url() names a resource; the only
  href attributes are in-page anchors (#id) and links (<a>) to http(s)
  addresses inside <section id="sources">.
Exits 1 and says why when a file fails.
"""
import glob
import html.parser
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
FORBIDDEN = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source",
             "base", "frame", "frameset", "applet", "image", "use", "foreignobject"}


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.sources_depth = None  # depth of <section id="sources"> when inside it
        self.svgs = 0

    def pos(self):
        line, col = self.getpos()
        return "line %d, column %d" % (line, col + 1)

    def check_attrs(self, tag, attrs):
        for name, value in attrs:
            name = name.lower()
            value = value or ""
            if name.startswith("on"):
                self.errors.append("%s: event handler %s on <%s>" % (self.pos(), name, tag))
            if name in ("src", "srcset", "xlink:href", "data", "poster", "action", "formaction"):
                self.errors.append("%s: %s=%r on <%s>" % (self.pos(), name, value, tag))
            if name == "style" and "url(" in value.lower():
                self.errors.append("%s: url() in a style attribute" % self.pos())
            if name == "href":
                if value.startswith("#"):
                    continue
                if tag != "a" or self.sources_depth is None:
                    self.errors.append("%s: href=%r on <%s> outside the sources" %
                                       (self.pos(), value, tag))
                elif not re.match(r"(?i)https?://", value):
                    self.errors.append("%s: source link %r is not http(s)" % (self.pos(), value))

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN:
            self.errors.append("%s: <%s> is not allowed" % (self.pos(), tag))
        if tag == "svg":
            self.svgs += 1
            if not any(n.lower() == "viewbox" and v for n, v in attrs):
                self.errors.append("%s: <svg> without viewBox" % self.pos())
        if tag == "section" and ("id", "sources") in attrs and self.sources_depth is None:
            self.sources_depth = len(self.stack)
        self.check_attrs(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, self.pos()))

    def handle_startendtag(self, tag, attrs):
        if tag in FORBIDDEN:
            self.errors.append("%s: <%s> is not allowed" % (self.pos(), tag))
        if tag == "svg":
            self.errors.append("%s: empty <svg/>" % self.pos())
        self.check_attrs(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack:
            self.errors.append("%s: </%s> without start tag" % (self.pos(), tag))
            return
        top, where = self.stack.pop()
        if top != tag:
            self.errors.append("%s: </%s> closes <%s> of %s" % (self.pos(), tag, top, where))
        if self.sources_depth is not None and len(self.stack) == self.sources_depth:
            self.sources_depth = None


def check(path):
    errors = []
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["not UTF-8: %s" % e]
    first, _, rest = text.partition("\n")
    if first != "<!DOCTYPE html>":
        errors.append("does not start with <!DOCTYPE html>")
    try:
        root = ET.fromstring(rest)
        if root.tag != "html":
            errors.append("the root element is <%s>" % root.tag)
        if root.get("lang") not in ("nl", "en"):
            errors.append("<html> has lang=%r" % root.get("lang"))
        for el in root.iter():
            if el.tag == "svg" and not el.get("viewBox"):
                errors.append("XML: <svg> without viewBox")
    except ET.ParseError as e:
        errors.append("XML: %s" % e)
    p = Checker()
    p.feed(text)
    p.close()
    errors += p.errors
    for tag, where in p.stack:
        errors.append("<%s> of %s is never closed" % (tag, where))
    if re.search(r"(?i)<script", text):
        errors.append("contains <script")
    if re.search(r"(?i)@import|url\s*\(", text):
        errors.append("the style sheet refers to a resource")
    # no address outside the sources section
    outside = re.sub(r'(?s)<section id="sources">.*?</section>', "", text)
    m = re.search(r"(?i)(https?:|ftp:|//[a-z0-9.-]+\.[a-z]{2,})", outside)
    if m:
        errors.append("an address outside the sources: ...%s..." %
                      outside[max(0, m.start() - 40):m.end() + 40])
    if p.svgs == 0:
        errors.append("no <svg> chart")
    return errors


def main(args):
    paths = list(args)
    if paths[:1] == ["--generate"]:
        if len(paths) < 3:
            print("usage: check_html.py [--generate PROGRAM OUTDIR] [FILE...]", file=sys.stderr)
            return 2
        program, outdir = paths[1], paths[2]
        os.makedirs(outdir, exist_ok=True)
        for old in glob.glob(os.path.join(outdir, "*.html")):
            os.remove(old)
        if subprocess.run([program, outdir]).returncode != 0:
            print("FAIL: %s %s" % (program, outdir))
            return 1
        paths = sorted(glob.glob(os.path.join(outdir, "*.html"))) + paths[3:]
    if not paths:
        print("usage: check_html.py [--generate PROGRAM OUTDIR] [FILE...]", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        errors = check(path)
        if errors:
            failed += 1
            print("FAIL %s" % path)
            for e in errors[:20]:
                print("  " + e)
        else:
            print("ok   %s" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
