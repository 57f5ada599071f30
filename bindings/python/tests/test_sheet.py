"""Spreadsheets from Python: export, import (CSV and workbooks), errors, all or nothing."""
import os

import pytest

import veilig


def test_round_trip_csv_in_every_language(tmp_path):
    reg = veilig.builtin()
    want = reg.dumps()
    for lang, sep in ((None, ","), ("nl", ";"), ("en", ",")):
        files = [(name + ".csv", veilig.export_sheet(reg, name, lang=lang, separator=sep,
                                                     include_personal=True).encode("utf-8"))
                 for name in veilig.sheets()]
        assert veilig.import_sheets(files).dumps() == want


def test_round_trip_workbook(tmp_path):
    reg = veilig.builtin()
    path = tmp_path / "plan.xlsx"
    veilig.save_xlsx(reg, path, lang="en", include_personal=True)
    assert veilig.import_sheets([path]).dumps() == reg.dumps()
    template = tmp_path / "template.xlsx"
    veilig.save_xlsx(None, template)
    assert len(veilig.import_sheets([template])) == 0


def test_merge_and_errors():
    reg = veilig.builtin()
    before = reg.dumps()
    good = ("maatregelen.csv", "Gemeente;Id;Maatregel;Categorie\nEnschede;nieuw;Nieuw;omstanders\n"
            .encode("utf-8"))
    merged = veilig.import_sheets([good], base=reg)
    m = merged["GM0153"]
    assert m.find_measure("nieuw").category == veilig.Category.BYSTANDER
    assert len(m.measures) == len(reg["GM0153"].measures) + 1
    bad = ("measures.csv", b"municipality,id,name,category\nGM0153,a,A,omstaanders\n"
           b"GM0153,b,B,nope\n")
    with pytest.raises(veilig.SheetImportError) as info:
        veilig.import_sheets([bad], base=reg)
    errors = info.value.errors
    assert [e.line for e in errors] == [2, 3]
    assert errors[0].message == ("column 'category': 'omstaanders' is not a category; did you "
                                 "mean 'omstanders'?")
    assert errors[0].column == 4 and errors[0].source == "measures.csv"
    assert isinstance(info.value, veilig.SchemaError)
    assert reg.dumps() == before  # the base is untouched
    with pytest.raises(ValueError):
        veilig.export_sheet(reg, "nonsense")
