#!/usr/bin/python3
"""Writes the catalogue cases of the browser test: for each set of filters,
the measures `veilig query` gives with the same filters.

Usage: query_cases.py VEILIG DOCUMENT PAGE OUT.json

Each case is {"page": PAGE, "filters": {form field: value}, "expect":
["GM0001/measure-id", ...]}; check_pages.mjs --query sets the catalogue's
form to the filters and compares the rows it leaves visible with expect.
The filters are every category, approach, target group and setting the
document uses, each province, a few combinations and a few texts.
"""
import json
import subprocess
import sys

# form field -> veilig query option
OPTION = {"category": "--category", "approach": "--approach", "target_group": "--target",
          "setting": "--setting", "province": "--province", "text": "--text"}


def query(tool, doc, filters):
    args = [tool, "-f", doc, "query", "--format", "json"]
    for k, v in filters.items():
        args += [OPTION[k], v]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return [r["municipality"] + "/" + r["measure"] for r in json.loads(out)]


def main():
    tool, doc, page, out = sys.argv[1:5]
    with open(doc, encoding="utf-8") as f:
        d = json.load(f)
    values = {k: set() for k in OPTION}
    for m in d.get("municipalities", []):
        if m.get("province"):
            values["province"].add(m["province"])
        for ms in m.get("measures", []):
            if ms.get("category"):
                values["category"].add(ms["category"])
            if ms.get("approach"):
                values["approach"].add(ms["approach"])
            values["target_group"].update(ms.get("target_groups", []))
            values["setting"].update(ms.get("settings", []))
    cases = [{}]
    for k in ("category", "approach", "target_group", "setting", "province"):
        cases += [{k: v} for v in sorted(values[k])]
    cats, groups = sorted(values["category"]), sorted(values["target_group"])
    provs = sorted(values["province"])
    for i in range(min(len(cats), 4)):
        c = {"category": cats[i]}
        if groups:
            c["target_group"] = groups[i % len(groups)]
        if provs:
            c["province"] = provs[i % len(provs)]
        cases.append(c)
    # texts in the measures' own words, and in the labels of their codes (which
    # the page holds once for all: category and target group, Dutch and
    # English, and the codes themselves); "weekenden" is only in the notes of
    # schedules, "team veiligheid" in partners' stakeholder names
    cases += [{"text": t} for t in ("markt", "STATION", "voorlichting", "zzz-nothing", "weekenden",
                                    "team veiligheid",
                                    "bystander intervention", "vrouwen en", "women_girls",
                                    "preventie", "lhbti", "young people", "de-escalation", "campaign")]
    if cats:
        cases.append({"category": cats[0], "text": "e"})
    result = [{"page": page, "filters": c, "expect": query(tool, doc, c)} for c in cases]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
