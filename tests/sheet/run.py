#!/usr/bin/python3
"""Spreadsheet tests of the veilig tool (issue 19): export -> import round trips,
workbooks read with openpyxl, and bad CSV and xlsx files of every kind.

usage: run.py --group roundtrip|workbook|errors|realworld|large --tool VEILIG --gen GEN
              --dataset JSON
Files are made in a temporary folder under the current one (the build folder).
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(tool, *args, cwd=None):
    p = subprocess.run([tool, *args], capture_output=True, cwd=cwd)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def measured(tool, *args):
    """Runs the tool; its exit status, stderr, wall seconds and peak memory (MiB)."""
    start = time.monotonic()
    p = subprocess.Popen([tool, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return (p.returncode, err.decode("utf-8", "replace"), time.monotonic() - start,
            usage.ru_maxrss / 1024)


def measures_of(path, code):
    """The measure ids of municipality code in the document at path."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for m in doc["municipalities"]:
        if m["code"] == code:
            return [x["id"] for x in m.get("measures", [])]
    return []


def patched_xlsx(src, dst, part, old, new):
    """Copies the workbook src to dst with old replaced by new in one part."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            d = zin.read(item.filename)
            if item.filename == part:
                check(old in d, "%s holds %r" % (part, old))
                d = d.replace(old, new)
            zout.writestr(item, d)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def roundtrip(a, tmp):
    """export -> import gives the same bytes, for the dataset and generated registries."""
    sources = [a.dataset]
    for n, k, seed in ((25, 8, 1), (60, 15, 7)):
        path = os.path.join(tmp, "gen-%d.json" % seed)
        subprocess.run([a.gen, "-n", str(n), "-k", str(k), "-s", str(seed), path], check=True,
                       capture_output=True)
        sources.append(path)
    modes = [[], ["--labels", "--lang", "nl", "--separator", ";"], ["--labels", "--lang", "en"]]
    for src in sources:
        want = read(src)
        for i, mode in enumerate(modes):
            out = os.path.join(tmp, "sheets-%d" % i)
            rc, _, err = run(a.tool, "-f", src, "export", "--sheet", "all", "-o", out,
                             "--include-personal", *mode)
            check(rc == 0, "export --sheet all %s %s: %s" % (src, mode, err))
            files = sorted(os.path.join(out, f) for f in os.listdir(out))
            check(len(files) == 12, "12 sheets: %s" % files)
            back = os.path.join(tmp, "back.json")
            rc, _, err = run(a.tool, "import", *files, "-o", back)
            check(rc == 0, "import %s %s: %s" % (src, mode, err[-500:]))
            check(rc == 0 and read(back) == want, "CSV round trip of %s in %s" % (src, mode))
        for lang in ("nl", "en"):
            book = os.path.join(tmp, "plan-%s.xlsx" % lang)
            rc, _, err = run(a.tool, "-f", src, "export", "--format", "xlsx", "-o", book,
                             "--include-personal", "--lang", lang)
            check(rc == 0, "export xlsx: %s" % err)
            back = os.path.join(tmp, "back.json")
            rc, _, err = run(a.tool, "import", book, "-o", back)
            check(rc == 0 and read(back) == want, "xlsx round trip of %s in %s: %s" %
                  (src, lang, err[-500:]))
    # merging a sheet into a file: -f plan.json import measures.csv -o plan.json
    plan = os.path.join(tmp, "plan.json")
    with open(plan, "wb") as f:
        f.write(read(a.dataset))
    csv = os.path.join(tmp, "maatregelen.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("Gemeente;Id;Maatregel;Categorie;Status;Budget\n"
                "Enschede;nieuw;Omstanderstraining;omstanders;actief;€ 1.250,50\n")
    rc, _, err = run(a.tool, "-f", plan, "import", csv, "-o", plan)
    check(rc == 0, "merge: %s" % err)
    rc, out, _ = run(a.tool, "-f", plan, "query", "--text", "Omstanderstraining", "--format", "csv")
    check("GM0153,Enschede,nieuw" in out, "the merged measure is there: %s" % out)


def workbook(a, tmp):
    """The workbook as an independent reader sees it, and workbooks made by another writer."""
    book = os.path.join(tmp, "plan.xlsx")
    rc, _, err = run(a.tool, "export", "--format", "xlsx", "-o", book)
    check(rc == 0, "export xlsx: %s" % err)
    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames[0] == "uitleg", "the explanation first: %s" % wb.sheetnames)
    check("maatregelen" in wb.sheetnames and "gemeenten" in wb.sheetnames, wb.sheetnames)
    check(wb["lijsten"].sheet_state == "hidden", "the lists are hidden")
    ws = wb["maatregelen"]
    head = [c.value for c in ws[1]]
    check(head[:5] == ["Gemeente", "Id", "Maatregel", "Beschrijving", "Categorie"], head)
    check(ws.freeze_panes == "A2", "frozen header: %s" % ws.freeze_panes)
    check(ws["A1"].font.b, "bold header")
    row = [c.value for c in ws[2]]
    check(row[0] == "GM0153" and row[1] == "pub-ploeg" and row[4] == "de-escalatie", row)
    cats = [v for v in ws.data_validations.dataValidation if "E2" in str(v.sqref)]
    check(len(cats) == 1 and cats[0].type == "list", "a drop-down of the categories")
    if cats:
        values = cats[0].formula1.strip('"').split(",")
        check("omstanders" in values and len(values) == 13, "category labels: %s" % values)
    # budgets are numbers with a currency format, full dates are dates (a generated registry
    # has both)
    gen = os.path.join(tmp, "gen.json")
    subprocess.run([a.gen, "-n", "5", "-k", "10", "-s", "3", gen], check=True, capture_output=True)
    book = os.path.join(tmp, "gen.xlsx")
    rc, _, err = run(a.tool, "-f", gen, "export", "--format", "xlsx", "-o", book, "--lang", "en")
    check(rc == 0, "export xlsx: %s" % err)
    ws = openpyxl.load_workbook(book)["measures"]
    head = [c.value for c in ws[1]]
    b, bs = head.index("Budget"), head.index("Budget end")
    budgets = [r[b] for r in ws.iter_rows(min_row=2) if r[b].value is not None]
    check(budgets and all(isinstance(c.value, (int, float)) for c in budgets) and
          "€" in budgets[0].number_format, "budgets as currency")
    dates = [r[bs].value for r in ws.iter_rows(min_row=2) if r[bs].value is not None]
    check(dates and any(isinstance(d, datetime.datetime) for d in dates),
          "dates as dates: %s" % dates[:3])

    # the template: headers only, the explanation first, in Dutch
    tmpl = os.path.join(tmp, "nieuw-plan.xlsx")
    rc, _, err = run(a.tool, "template", "-o", tmpl)
    check(rc == 0, "template: %s" % err)
    t = openpyxl.load_workbook(tmpl)
    check(t["maatregelen"].max_row == 1, "the template has no rows")
    expl = [r[3].value for r in t["uitleg"].iter_rows(min_row=5) if r[2].value == "category"]
    check(expl and "Soort maatregel" in expl[0], "the explanation of category: %s" % expl)
    rc, out, err = run(a.tool, "import", tmpl)
    check(rc == 0 and '"municipalities"' not in out, "an empty template imports: %s" % err)

    # a workbook another program wrote: typed dates, times, formulas with and without values,
    # merged cells, a number as text, labels in English
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "municipalities"
    ws.append(["Code", "Name", "Joined"])
    ws.append(["GM0001", "Dorp", datetime.datetime(2021, 12, 1)])
    ws.append(["GM0002", "Stad", 2019])
    ws2 = wb.create_sheet("measures")
    ws2.append(["Municipality", "Id", "Measure", "Category", "Budget", "Start"])
    ws2.append(["GM0001", "a", "A", "bystander intervention", 1250.5, "nov 2021"])
    ws2.append([None, "b", "B", "toezicht", 12, "2022"])
    ws2.merge_cells("A2:A3")
    ws3 = wb.create_sheet("schedule")
    ws3.append(["municipality", "measure", "days", "from", "to"])
    ws3.append(["GM0001", "a", "Friday; Saturday", datetime.time(22, 0), datetime.time(4, 0)])
    wb.create_sheet("Notities").append(["anything", "at all"])
    other = os.path.join(tmp, "other.xlsx")
    wb.save(other)
    out_json = os.path.join(tmp, "other.json")
    rc, out, err = run(a.tool, "import", other, "-o", out_json)
    check(rc == 0, "a workbook of another writer: %s" % err)
    if rc == 0:
        rc, out, _ = run(a.tool, "-f", out_json, "show", "GM0001", "--format", "json")
        check('"joined": "2021-12-01"' in out, "a date cell: %s" % out[:400])
        check('"amount": 1250.5' in out, "a number cell as a budget")
        check('"from": "22:00"' in out and '"to": "04:00"' in out, "time cells")
        check('"id": "b"' in out, "a merged cell gives its value to the cells it covers")
        rc, out, _ = run(a.tool, "-f", out_json, "show", "GM0002", "--format", "json")
        check('"joined": "2019"' in out, "a year as a number: %s" % out[:300])

    # formulas: a cached value is used; one without a value is an error
    z = os.path.join(tmp, "formula.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "measures"
    ws.append(["municipality", "id", "name", "category", "budget_amount"])
    ws.append(["GM0153", "x", "X", "bystander", "=1000+250.5"])
    wb.save(z)
    rc, _, err = run(a.tool, "-f", a.dataset, "import", z)
    check(rc == 2 and "E2: a formula without a computed value" in err, "formula: %s" % err)
    # the same with the value a spreadsheet caches: patch the part
    patched = os.path.join(tmp, "formula-cached.xlsx")
    with zipfile.ZipFile(z) as zin, zipfile.ZipFile(patched, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>1000+250.5</f><v></v>", b"<f>1000+250.5</f><v>1250.5</v>")
                data = data.replace(b"<f>1000+250.5</f><v/>", b"<f>1000+250.5</f><v>1250.5</v>")
                data = data.replace(b"<f>1000+250.5</f>", b"<f>1000+250.5</f><v>1250.5</v>") \
                    if b"<v>1250.5</v>" not in data else data
            zout.writestr(item, data)
    rc, out, err = run(a.tool, "-f", a.dataset, "import", patched)
    check(rc == 0 and '"amount": 1250.5' in out, "a formula's cached value: %s" % err)


def errors(a, tmp):
    """Bad input of every kind: a clear error, exit status 2, and no file written."""
    plan = os.path.join(tmp, "plan.json")
    with open(plan, "wb") as f:
        f.write(read(a.dataset))
    before = read(plan)

    def bad(name, data, *expect, extra=()):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        rc, out, err = run(a.tool, "-f", plan, "import", *extra, path, "-o", plan)
        check(rc == 2, "%s: exit status %d, %s" % (name, rc, err))
        for e in expect:
            check(e in err, "%s: %r not in %r" % (name, e, err))
        check(read(plan) == before, "%s: plan.json is untouched" % name)
        check(not [f for f in os.listdir(tmp) if ".tmp-" in f], "no temporary file left")

    bad("maatregelen.csv",
        "gemeente;id;maatregel;categorie\r\nGM0153;a;A;omstaanders\r\n".encode(),
        "maatregelen.csv:2: column 'categorie': 'omstaanders' is not a category; did you mean "
        "'omstanders'?")
    bad("measures.csv", b"municipality,id,name,category\nGM0153,a,\"A,bystander\n",
        "measures.csv:2: a quoted field that starts here does not end")
    bad("measures2.csv", b"municipality,id,name,category\nGM0153,a,A\"b,bystander\n",
        "measures2.csv:2: a quote")
    bad("mixed.csv", b"municipality;id;name;category\nGM0153,a,A,bystander\nGM0153;b;B;x\n",
        "mixed.csv:2:", "mixed.csv:3: column 'category': 'x' is not a category")
    bad("latin.csv", "code,name\nGM0153,Café\n".encode("cp1252"),
        "latin.csv:2: the text is not UTF-8", extra=("--encoding", "utf-8"))
    bad("binary.csv", b"\x00\x01\x02PK garbage\xff\xfe\x00",
        "binary.csv")
    bad("empty.csv", b"", "empty.csv: the file is empty")
    many = "municipality,id,name,category\n" + "".join(
        "GM0153,m%d,M,nope%d\n" % (i, i) for i in range(200))
    bad("many.csv", many.encode(), "many.csv:51:", "stopped after 50 errors")
    # the tables of `veilig export --table` (reports, of this version and of
    # earlier ones, whose measures table had six columns): one clear error
    # that says what to import instead
    for table in ("measures", "stakeholders", "indicators"):
        old = os.path.join(tmp, "old-%s-src.csv" % table)
        rc, _, err = run(a.tool, "export", "--table", table, "-o", old)
        check(rc == 0, "export --table %s: %s" % (table, err))
        bad("old-%s.csv" % table, read(old),
            "old-%s.csv:1: the %s table of 'veilig export --table' (a report), not a sheet; "
            "export the sheets with 'veilig export --sheet all -o FOLDER'" % (table, table),
            "1 error;")
    bad("old-v1.csv",
        b"municipality,municipality_name,measure,name,category,approach\n"
        b"GM0153,Enschede,pub-ploeg,PUB-ploeg,supervision,prevention\n",
        "old-v1.csv:1: the measures table of 'veilig export --table' (a report)")
    # damaged workbooks
    book = os.path.join(tmp, "good.xlsx")
    run(a.tool, "export", "--format", "xlsx", "-o", book)
    data = read(book)
    bad("truncated.xlsx", data[: len(data) // 2], "truncated.xlsx: not a workbook")
    broken = os.path.join(tmp, "broken-src.xlsx")
    with zipfile.ZipFile(book) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            d = zin.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                d = d[: len(d) // 2]
            zout.writestr(item, d)
    bad("notxml.xlsx", read(broken), "notxml.xlsx: part xl/sharedStrings.xml, line")
    nowb = os.path.join(tmp, "nowb-src.zip")
    with zipfile.ZipFile(nowb, "w") as z:
        z.writestr("hello.txt", "hi")
    bad("nowb.xlsx", read(nowb), "nowb.xlsx: not a workbook (.xlsx): no xl/workbook.xml")
    # formula errors
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "measures"
    ws.append(["municipality", "id", "name", "category"])
    ws.append(["GM0153", "a", "A", "bystander"])
    p = os.path.join(tmp, "err-src.xlsx")
    wb.save(p)
    with zipfile.ZipFile(p) as zin, zipfile.ZipFile(p + ".2", "w") as zout:
        for item in zin.infolist():
            d = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                d = d.replace(b'<c r="C2" t="inlineStr"><is><t>A</t></is></c>',
                              b'<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
            zout.writestr(item, d)
    bad("formula-error.xlsx", read(p + ".2"), "formula-error.xlsx:measures:2:", "#DIV/0!")
    # a file that cannot be written: the old file stays
    rc, _, err = run(a.tool, "import", os.path.join(tmp, "maatregelen.csv"), "-o",
                     os.path.join(tmp, "no", "such", "dir.json"))
    check(rc != 0, "an output that cannot be written")


def realworld(a, tmp):
    """What spreadsheets kept by hand hold: merged cells, formulas with and
    without a computed value. Each gives the right result or a clear error."""
    out = os.path.join(tmp, "out.json")
    # a municipality merged over three rows: each row is the municipality's
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "maatregelen"
    ws.append(["Gemeente", "Id", "Maatregel", "Categorie"])
    ws.append(["GM0363", "a", "A", "omstanders"])
    ws.append([None, "b", "B", "omstanders"])
    ws.append([None, "c", "C", "campagne"])
    ws.merge_cells("A2:A4")
    merged = os.path.join(tmp, "merged.xlsx")
    wb.save(merged)
    rc, _, err = run(a.tool, "-f", a.dataset, "import", merged, "-o", out)
    check(rc == 0, "merged cells: %s" % err[-300:])
    if rc == 0:
        ids = measures_of(out, "GM0363")
        check(all(x in ids for x in "abc"), "merged cells: a, b and c in GM0363: %s" % ids)
    # formulas: the value a spreadsheet computed is read; none is a clear error
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "maatregelen"
    ws.append(["Gemeente", "Id", "Maatregel", "Categorie", "Budget"])
    ws.append(["GM0363", "f1", "F1", "omstanders", 1000])
    ws.append(["GM0363", "f2", "F2", "omstanders", "=E2*2"])
    src = os.path.join(tmp, "formula-src.xlsx")
    wb.save(src)
    nocache = os.path.join(tmp, "formula.xlsx")
    with open(nocache, "wb") as f:
        f.write(read(src))
    before = read(a.dataset)
    rc, _, err = run(a.tool, "-f", a.dataset, "import", nocache, "-o", out + ".2")
    check(rc == 2, "a formula without a value: exit status %d" % rc)
    check("formula.xlsx:maatregelen:3: cell E3: a formula without a computed value" in err,
          "a formula without a value: %r" % err)
    check(not os.path.exists(out + ".2"), "a formula without a value: nothing written")
    check(read(a.dataset) == before, "the dataset is untouched")
    cached = os.path.join(tmp, "formula-cached.xlsx")
    patched_xlsx(src, cached, "xl/worksheets/sheet1.xml", b"<f>E2*2</f><v></v>",
                 b"<f>E2*2</f><v>2000</v>")
    rc, _, err = run(a.tool, "-f", a.dataset, "import", cached, "-o", out)
    check(rc == 0, "a formula with its value: %s" % err[-300:])
    if rc == 0:
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        budgets = {x["id"]: x.get("budget", {}).get("amount")
                   for m in doc["municipalities"] if m["code"] == "GM0363"
                   for x in m.get("measures", [])}
        check(budgets.get("f2") == 2000, "the formula's computed value: %s" % budgets)


def unknown_keys(a, tmp):
    """Keys the format does not know are not carried by sheets: importing into
    the document they came from keeps them; a new document has none."""
    with open(a.dataset, encoding="utf-8") as f:
        doc = json.load(f)
    m = doc["municipalities"][0]
    m["x_gemeente"] = {"eigen": [1, 2]}
    m["measures"][0]["x_intern"] = "eigen veld"
    plan = os.path.join(tmp, "plan.json")
    with open(plan, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
    sheets = os.path.join(tmp, "sheets")
    rc, _, err = run(a.tool, "-f", plan, "export", "--sheet", "all", "-o", sheets)
    check(rc == 0, "export of a plan with keys of its own: %s" % err)
    files = sorted(os.path.join(sheets, x) for x in os.listdir(sheets))
    for f in files:
        check(b"x_intern" not in read(f) and b"x_gemeente" not in read(f),
              "%s: no column for a key of the document's own" % f)
    merged = os.path.join(tmp, "merged.json")
    rc, _, err = run(a.tool, "-f", plan, "import", *files, "-o", merged)
    check(rc == 0, "import into the plan: %s" % err[-300:])
    if rc == 0:
        with open(merged, encoding="utf-8") as f:
            back = json.load(f)["municipalities"][0]
        check(back.get("x_gemeente") == {"eigen": [1, 2]}, "the municipality's own key is kept")
        check(back["measures"][0].get("x_intern") == "eigen veld", "the measure's own key is kept")
    fresh = os.path.join(tmp, "fresh.json")
    rc, _, err = run(a.tool, "import", *files, "-o", fresh)
    check(rc == 0, "import into a new document: %s" % err[-300:])
    check(rc != 0 or b"x_intern" not in read(fresh), "a new document has no keys sheets lack")


def large(a, tmp):
    """A 100,000-row sheet, as CSV and as a workbook."""
    csv = os.path.join(tmp, "measures.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("gemeente;id;maatregel;categorie;budget\n")
        for i in range(100000):
            f.write("GM0153;m-%d;Maatregel %d;omstanders;€ 1.250,50\n" % (i, i))
    out = os.path.join(tmp, "big.json")
    rc, err, secs, mib = measured(a.tool, "-f", a.dataset, "import", csv, "-o", out)
    check(rc == 0, "100,000 rows of CSV: %s" % err[-300:])
    # measured on the 2-core build machine: 3.7 s, 138 MiB (the bounds leave room for a busy one)
    print("100,000 rows of CSV: %.1f s, %.0f MiB" % (secs, mib))
    check(secs < 60 and mib < 512, "100,000 rows of CSV in %.1f s and %.0f MiB" % (secs, mib))
    check(len(measures_of(out, "GM0153")) >= 100000, "100,000 measures imported")
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("maatregelen")
    ws.append(["Gemeente", "Id", "Maatregel", "Categorie", "Budget"])
    for i in range(100000):
        ws.append(["GM0153", "m-%d" % i, "Maatregel %d" % i, "omstanders", 1250.5])
    book = os.path.join(tmp, "big.xlsx")
    wb.save(book)
    rc, err, secs, mib = measured(a.tool, "-f", a.dataset, "import", book, "-o", out)
    check(rc == 0, "100,000 rows of a workbook: %s" % err[-300:])
    # measured: 6.7 s, 137 MiB
    print("100,000 rows of a workbook: %.1f s, %.0f MiB" % (secs, mib))
    check(secs < 60 and mib < 512, "100,000 rows of a workbook in %.1f s and %.0f MiB" % (secs, mib))


def docs(a, tmp):
    """docs/spreadsheets.md lists every column of every sheet, under the sheet's heading."""
    folder = os.path.join(tmp, "t")
    rc, _, err = run(a.tool, "template", "-o", folder, "--lang", "en")
    check(rc == 0, "template -o folder: %s" % err)
    rc, _, err = run(a.tool, "template", "-o", os.path.join(tmp, "nl"))
    text = open(os.path.join(os.path.dirname(a.dataset), "..", "docs", "spreadsheets.md"),
                encoding="utf-8").read()
    sections = {}
    for part in text.split("\n### ")[1:]:
        sections[part.split(" ", 1)[0]] = part
    keys = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            header = f.readline().strip()
            check(not f.read(), "%s has only its header" % name)
        keys[name[:-4]] = header.split(",")
    check(len(keys) == 12, "12 sheets in the template: %s" % sorted(keys))
    for sheet, headers in keys.items():
        section = sections.get(sheet)
        check(section is not None, "docs/spreadsheets.md has a section for %s" % sheet)
        if section:
            for h in headers:
                check("| %s |" % h in section, "docs: %s: the column %s" % (sheet, h))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--group", required=True)
    p.add_argument("--tool", required=True)
    p.add_argument("--gen", required=True)
    p.add_argument("--dataset", required=True)
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="sheet-", dir=os.getcwd()) as tmp:
        {"roundtrip": roundtrip, "workbook": workbook, "errors": errors, "realworld": realworld,
         "unknown_keys": unknown_keys,
         "large": large, "docs": docs}[a.group](
            a, tmp)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
