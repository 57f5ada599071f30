"""veilig.site(): the website, through veilig_site_write."""
import os

import pytest

import veilig


def test_site_both_languages(reg, tmp_path):
    out = tmp_path / "site"
    veilig.site(reg, out)
    assert (out / "index.html").is_file()
    assert (out / "gemeenten" / "GM0153.html").is_file()
    assert (out / "en" / "gemeenten" / "GM0153.html").is_file()
    page = (out / "gemeenten" / "GM0153.html").read_text(encoding="utf-8")
    assert "Enschede" in page and "script-src 'self'" in page


def test_site_one_language_and_str_path(reg, tmp_path):
    veilig.site(reg, os.fspath(tmp_path / "s"), lang="en")
    assert not (tmp_path / "s" / "en").exists()
    assert '<html lang="en">' in (tmp_path / "s" / "index.html").read_text(encoding="utf-8")


def test_site_refuses_a_used_folder(reg, tmp_path):
    (tmp_path / "mine.txt").write_text("mine")
    with pytest.raises(veilig.Error) as e:
        veilig.site(reg, tmp_path)
    assert "not empty" in str(e.value)
    assert not (tmp_path / "index.html").exists()
    veilig.site(reg, tmp_path, force=True)
    assert (tmp_path / "index.html").is_file() and (tmp_path / "mine.txt").is_file()


def test_site_bad_language(reg, tmp_path):
    with pytest.raises(veilig.InvalidArgumentError):
        veilig.site(reg, tmp_path / "x", lang="de")
    with pytest.raises(TypeError):
        veilig.site(reg, tmp_path / "x", lang=None)


def test_site_hostile_text(tmp_path):
    r = veilig.Registry()
    r.add_municipality("GM0001", "<script>alert(1)</script>")
    veilig.site(r, tmp_path / "h", lang="nl")
    page = (tmp_path / "h" / "gemeenten" / "GM0001.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _files(top):
    """{relative path: bytes} of every file under top."""
    found = {}
    for root, _dirs, names in os.walk(top):
        for n in names:
            path = os.path.join(root, n)
            with open(path, "rb") as f:
                found[os.path.relpath(path, top)] = f.read()
    return found


def test_site_threads_same_bytes(reg, tmp_path):
    veilig.site(reg, tmp_path / "one", lang="nl", threads=1)
    veilig.site(reg, tmp_path / "three", lang="nl", threads=3)
    one, three = _files(tmp_path / "one"), _files(tmp_path / "three")
    assert len(one) > 20 and one == three
    for bad in (-1, 257, 1.5, True, "2"):
        with pytest.raises(ValueError):
            veilig.site(reg, tmp_path / "x", threads=bad)
    assert not (tmp_path / "x").exists()


def test_site_of_a_file(tmp_path):
    """A path: the document loaded and its site written at once
    (veilig_site_write_file), the same pages as load() and site()."""
    doc = tmp_path / "plan.json"
    doc.write_text(veilig.builtin_json(), encoding="utf-8")
    veilig.site(doc, tmp_path / "a", lang="nl")
    veilig.site(veilig.load(doc), tmp_path / "b", lang="nl")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert "gemeenten/GM0153.html" in a and a == b


def test_site_of_a_bad_file(tmp_path):
    """A document that does not load: the load's error (every schema error),
    nothing written."""
    doc = tmp_path / "bad.json"
    doc.write_text('{"format": "veilig", "version": 1, "municipalities": ['
                   '{"code": 1, "name": "A"}, {"code": "GM0002"}]}', encoding="utf-8")
    with pytest.raises(veilig.SchemaError) as e:
        veilig.site(str(doc), tmp_path / "site")
    assert len(e.value.errors) == 2
    assert e.value.errors[0].pointer == "/municipalities/0/code"
    assert not (tmp_path / "site").exists()
    with pytest.raises(OSError):
        veilig.site(tmp_path / "missing.json", tmp_path / "site")
