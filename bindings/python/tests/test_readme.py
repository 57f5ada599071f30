"""README.md's first ```python block (the example) runs as written."""

import contextlib
import io
import os
import re

from conftest import PACKAGE_ROOT
from veilig import _capi

README = os.path.join(PACKAGE_ROOT, "README.md")


def python_blocks():
    with open(README, encoding="utf-8") as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


def test_readme_example_runs():
    blocks = python_blocks()
    assert blocks, "README.md has no ```python block"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], README, "exec"), {"__name__": "readme"})
    text = out.getvalue()
    assert "municipalities" in text
    assert "GM0153 Enschede" in text
    assert "Enschede: Omstandersinterventies (Kennisinstellingen)" in text
    assert "  1. Enschede (0.17): toezichthouders, publiek-cameratoezicht, lhbti-aanpak" in text
    assert "Weekend nights covered: 100%" in text


def test_readme_other_blocks_run(tmp_path, monkeypatch):
    from conftest import REPO_ROOT
    if not os.path.exists(os.path.join(REPO_ROOT, "data", "veilige-steden.json")):
        import pytest
        pytest.skip("no checkout")
    monkeypatch.chdir(tmp_path)
    os.symlink(os.path.join(REPO_ROOT, "data"), str(tmp_path / "data"))
    namespace = {"__name__": "readme"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in python_blocks():
            exec(compile(block, README, "exec"), namespace)
    assert (tmp_path / "steden.json").exists()
    # the analyses' block
    assert "changed /municipalities/0/measures/0/name" in out.getvalue()
    assert "| GM0153 | Enschede |" in out.getvalue() or not _capi.has("veilig_render_coverage")
    assert (tmp_path / "veilige-steden.html").exists() or not _capi.has("veilig_report_html")


def test_package_docstring_example():
    import doctest
    import veilig
    result = doctest.testmod(veilig)
    assert result.attempted > 0 and result.failed == 0


def test_top_level_readme_python_block_runs():
    """The project's README.md shows a short Python example too: it runs."""
    from conftest import REPO_ROOT
    top = os.path.join(REPO_ROOT, "README.md")
    if not os.path.exists(top):
        import pytest
        pytest.skip("no checkout")
    with open(top, encoding="utf-8") as f:
        blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    assert blocks, "README.md has no ```python block"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], top, "exec"), {"__name__": "readme"})
    text = out.getvalue()
    assert "Enschede Omstandersinterventies" in text
    assert "active measures; rows for pandas: 19" in text
