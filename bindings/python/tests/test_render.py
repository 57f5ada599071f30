"""Renderings (report.h) through veilig: lists, municipalities, exports,
HTML reports and the tables of the analyses, in every format the library
offers. The renderings are the C library's; these tests check that the
binding passes the options through (format, language, personal data) and
returns whole, well-formed texts."""

import csv
import io
import json
import os

import pytest

import veilig
from veilig import _capi, report
from conftest import REPO_ROOT

FIXTURE = os.path.join(REPO_ROOT, "tests", "data", "analysis", "fixture.json")
TABLE_FORMATS = ("text", "csv", "markdown", "json")


def needs(*names):
    """Skips when the library lacks a rendering (one built before report/
    was finished: they are in _capi.OPTIONAL)."""
    missing = [n for n in names if not _capi.has(n)]
    if missing:
        pytest.skip("this libveilig has no %s yet (the renderings of libveilig/report/ "
                    "are unfinished in it)" % ", ".join(missing))


@pytest.fixture
def fx():
    if not os.path.exists(FIXTURE):
        pytest.skip("tests/data/analysis/fixture.json is not here (not a checkout)")
    with veilig.load(FIXTURE) as registry:
        yield registry


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


# ---- options ----

def test_options():
    opts = report.options("markdown", "en", include_personal=True, peers=3)
    assert opts.version == _capi.REPORT_OPTIONS_VERSION
    assert _capi.lib().veilig_format_name(opts.format) == b"markdown"
    assert opts.lang == b"en" and opts.flags == _capi.REPORT_INCLUDE_PERSONAL
    assert opts.peers == 3
    assert report.options().flags == 0
    for name in report.FORMATS:
        assert _capi.lib().veilig_format_name(report.options(name).format).decode() == name
    with pytest.raises(ValueError, match="unknown format"):
        report.options("pdf")
    with pytest.raises(TypeError):
        report.options(2)
    with pytest.raises(ValueError, match="language"):
        report.options("text", "de")
    with pytest.raises(ValueError):
        report.options("text", peers=-1)


def test_missing_renderings_are_stubs():
    """A library without the renderings still loads; calling one raises."""
    stub = _capi._missing("veilig_render_list", "/x/libveilig.so.1")
    with pytest.raises(NotImplementedError, match="veilig_render_list"):
        stub()
    assert all(name.startswith(("veilig_render_", "veilig_report_html", "veilig_export",
                                "veilig_table_")) for name in _capi.OPTIONAL)
    assert _capi.has("veilig_coverage") and not _capi.has("veilig_no_such_function")


# ---- the list of municipalities ----

def test_render_list(reg):
    needs("veilig_render_list")
    codes = [m.code for m in reg]
    text = reg.render_list()
    assert "Enschede" in text and "GM0153" in text
    assert len(text.splitlines()) == len(reg) + 2  # header, rule, a row each
    rows = csv_rows(reg.render_list("csv"))
    assert [r["code"] for r in rows] == codes
    assert rows[0]["measures"] == "9" and rows[0]["name"] == "Enschede"
    data = json.loads(reg.render_list("json"))
    assert [d["code"] for d in data] == codes and data[0]["measures"] == 9
    markdown = reg.render_list("markdown")
    assert markdown.splitlines()[0].startswith("|") and "| GM0153 |" in markdown
    assert reg.render_list(lang="en") != text
    assert report.render_list(reg) == text
    with pytest.raises(ValueError):
        reg.render_list("html")  # only report_html writes HTML
    with veilig.Registry() as empty:
        assert json.loads(empty.render_list("json")) == []


# ---- one municipality ----

def test_render_municipality(reg):
    needs("veilig_render_municipality")
    enschede = reg["Enschede"]
    text = enschede.render()
    assert text.startswith("Enschede (GM0153)")
    assert "PUB-ploeg" in text
    assert enschede.render(lang="en") != text
    assert "# Enschede" in enschede.render("markdown")
    data = json.loads(enschede.render("json"))
    assert data["code"] == "GM0153"
    assert [ms["id"] for ms in data["measures"]] == [ms.id for ms in enschede.measures]


def test_personal_data_only_when_asked(rich):
    needs("veilig_render_municipality", "veilig_report_html")
    m = rich[0]
    assert any(c.personal for c in m.contacts)
    person = [c for c in m.contacts if c.personal][0].name
    for fmt in ("text", "markdown", "json"):
        assert person not in m.render(fmt), fmt
        assert person in m.render(fmt, include_personal=True), fmt
    assert person not in rich.report_html(m)
    assert person in rich.report_html(m, include_personal=True)


# ---- exports ----

def test_export_measures(reg):
    needs("veilig_export")
    rows = csv_rows(reg.export())
    assert len(rows) == sum(len(m.measures) for m in reg)
    assert [r["measure"] for r in rows] == [ms.id for ms in reg["Enschede"].measures]
    assert rows[0]["municipality"] == "GM0153"
    data = json.loads(reg.export("measures", "json"))
    assert [d["measure"] for d in data] == [r["measure"] for r in rows]
    assert "| pub-ploeg |" in reg.export(format="markdown")
    assert "pub-ploeg" in reg.export(format="text")


def test_export_tables(reg, fx):
    needs("veilig_export")
    stakeholders = json.loads(reg.export("stakeholders", "json"))
    assert [s["stakeholder"] for s in stakeholders] == \
        [s.id for m in reg for s in m.stakeholders]
    indicators = csv_rows(fx.export("indicators"))
    assert indicators == []  # the fixture has no indicators
    with veilig.loads(json.dumps({"format": "veilig", "version": 1, "municipalities": [
            {"code": "GM0001", "name": "T", "indicators": [
                {"id": "a", "name": "A", "observations": [{"date": "2021", "value": 1},
                                                          {"date": "2022", "value": 2}]},
                {"id": "b", "name": "B"}]}]})) as other:
        rows = json.loads(other.export("indicators", "json"))
        # one row per observation, and one for an indicator without
        assert [r["indicator"] for r in rows] == ["a", "a", "b"]
    with pytest.raises(ValueError, match="unknown table"):
        reg.export("contacts")
    with pytest.raises(ValueError):
        reg.export("measures", "html")


# ---- HTML reports ----

def test_report_html(reg, tmp_path):
    needs("veilig_report_html")
    html = reg.report_html()
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert '<html lang="nl"' in html and html.rstrip().endswith("</html>")
    assert "<svg" in html  # charts drawn by the library
    assert "<script" not in html.lower()  # no script
    assert "Enschede" in html
    one = reg.report_html("Enschede", lang="en")
    assert '<html lang="en"' in one and "Enschede" in one and one != html
    assert reg.report_html(reg["GM0153"], lang="en") == one
    # Enschede is the one municipality of the dataset with measures: no peers, said so
    assert "geen andere gemeenten met maatregelen" in reg.report_html("Enschede")
    assert "no basis" in reg.report_html("Almelo", lang="en")
    path = tmp_path / "enschede.html"
    reg.save_report(path, "Enschede", lang="en")
    assert path.read_text(encoding="utf-8") == one
    reg.save_report(str(path))
    assert path.read_text(encoding="utf-8") == html
    assert os.listdir(str(tmp_path)) == ["enschede.html"]
    # the library's atomic save: the mode kept, errors name the target
    os.chmod(str(path), 0o600)
    reg.save_report(path, "Enschede")
    assert os.stat(str(path)).st_mode & 0o777 == 0o600
    assert os.listdir(str(tmp_path)) == ["enschede.html"]
    missing = tmp_path / "nowhere" / "report.html"
    with pytest.raises(FileNotFoundError) as info:
        reg.save_report(missing)
    assert info.value.filename == str(missing) and str(missing) in str(info.value)
    with veilig.builtin() as other:
        with pytest.raises(ValueError, match="not a municipality of this registry"):
            reg.report_html(other[0])
    with pytest.raises(KeyError):
        reg.report_html("Nowhere")
    with pytest.raises(ValueError):
        reg.report_html(lang="fr")


# ---- the analyses' tables ----

def results(fx):
    a = fx["GM0001"]
    return {"query": fx.query(), "coverage": fx.coverage(), "profile": a.profile(),
            "comparison": a.compare(fx["GM0002"]), "peers": fx.peers(),
            "diff": veilig.diff(fx, fx), "schedule": a.schedule(), "progress": a.progress()}


def test_render_analyses(fx):
    needs("veilig_render_query", "veilig_render_coverage", "veilig_render_profile",
          "veilig_render_comparison", "veilig_render_peers", "veilig_render_diff",
          "veilig_render_schedule", "veilig_render_progress")
    for name, result in results(fx).items():
        for fmt in TABLE_FORMATS:
            text = result.render(fmt)
            assert isinstance(text, str) and text, (name, fmt)
        # the JSON rendering is the analysis' own JSON
        assert json.loads(result.render("json")) == json.loads(result.to_json()), name
        assert result.render(lang="en") != result.render(lang="nl") or name == "diff"
        with pytest.raises(ValueError):
            result.render("html")
        with pytest.raises(ValueError):
            result.render("pdf")


def test_render_analysis_tables_agree_with_the_results(fx):
    needs("veilig_render_query", "veilig_render_coverage", "veilig_render_peers")
    q = fx.query(category="deescalation")
    rows = csv_rows(q.render("csv"))
    assert [(r["municipality"], r["measure"]) for r in rows] == \
        [(m.code, ms.id) for m, ms in q]
    cov = fx.coverage()
    rows = csv_rows(cov.render("csv"))
    # the municipalities' rows are the records, then a row of totals
    assert rows[:-1] == [{k: str(v) for k, v in r.items()} for r in cov.to_records()]
    assert rows[-1]["municipality"] == "total" and rows[-1]["total"] == str(cov.total)
    assert "Aastad" in cov.render() and "Beedorp" in cov.render("markdown")
    peers = fx.peers()
    rows = csv_rows(peers.render("csv"))
    assert [r["peer"] for r in rows] == [r["peer"] for r in peers.to_records()]
    assert list(rows[0]) == list(peers.to_records()[0])  # the same columns
    comparison = fx[0].compare(fx[1])
    assert csv_rows(comparison.render("csv")) == \
        [{k: str(v) for k, v in r.items()} for r in comparison.to_records()]


def test_render_validation(rich):
    needs("veilig_render_diagnostics")
    diagnostics = rich.validate()
    assert diagnostics
    rows = csv_rows(rich.render_validation("csv"))
    assert len(rows) == len(diagnostics)
    assert diagnostics[0].rule in rich.render_validation()
    assert len(json.loads(rich.render_validation("json"))) == len(diagnostics)
    assert rich.render_validation("markdown").startswith("|")
