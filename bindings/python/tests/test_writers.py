"""Every file writer of the package goes through the library's atomic save
(issue 17 point 2): the old file's mode is kept, no temporary file is left
beside it, a failure names the target and leaves the old file untouched."""

import ast
import os

import pytest

import veilig

WRITERS = {
    "save": lambda reg, path: reg.save(path),
    "save_report": lambda reg, path: reg.save_report(path),
    "save_xlsx": lambda reg, path: veilig.save_xlsx(reg, path),
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writer_keeps_mode_and_leaves_no_temporary(writer, reg, tmp_path):
    path = tmp_path / "out"
    path.write_bytes(b"old")
    os.chmod(str(path), 0o640)
    WRITERS[writer](reg, path)
    assert path.read_bytes() != b"old"
    assert os.stat(str(path)).st_mode & 0o777 == 0o640
    assert os.listdir(str(tmp_path)) == ["out"]
    os.chmod(str(path), 0o604)
    WRITERS[writer](reg, str(path))  # str as well as a path object
    assert os.stat(str(path)).st_mode & 0o777 == 0o604
    assert os.listdir(str(tmp_path)) == ["out"]


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writer_failure_names_the_target(writer, reg, tmp_path):
    missing = tmp_path / "nowhere" / "out"
    with pytest.raises(FileNotFoundError) as info:
        WRITERS[writer](reg, missing)
    assert isinstance(info.value, veilig.VeiligIOError)
    assert info.value.filename == str(missing) and str(missing) in str(info.value)


def _own_writes(source):
    """The places where source writes a file itself: open() with a mode that
    writes, os.replace/os.rename/os.open, the tempfile module, pathlib writes."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if "tempfile" in names or "shutil" in names:
                found.append((node.lineno, "imports tempfile/shutil"))
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = getattr(getattr(func, "value", None), "id", None)
        if (name in ("replace", "rename", "open") and owner == "os") or \
                name in ("write_text", "write_bytes"):
            found.append((node.lineno, name))
        elif name == "open":
            modes = [a for a in node.args[1:2]] + [k.value for k in node.keywords if k.arg == "mode"]
            for mode in modes:
                if not (isinstance(mode, ast.Constant) and set(mode.value) <= set("rbt")):
                    found.append((node.lineno, "open for writing"))
    return found


def test_own_writes_are_found():
    assert _own_writes("open(p, 'w')\nopen(p, mode='ab')\nos.replace(a, b)\n"
                       "import tempfile\npath.write_text(t)\n") == [
        (4, "imports tempfile/shutil"), (1, "open for writing"), (2, "open for writing"),
        (3, "replace"), (5, "write_text")]
    assert _own_writes("open(p, 'rb')\nopen(p)\ns.replace('a', 'b')\n") == []


def test_no_writer_of_the_package_writes_a_file_itself():
    # the package writes files only through the library's atomic save
    package = os.path.dirname(veilig.__file__)
    for name in sorted(os.listdir(package)):
        if name.endswith(".py"):
            with open(os.path.join(package, name), encoding="utf-8") as f:
                assert _own_writes(f.read()) == [], name
