"""Errors: classes, attributes and messages."""

import errno
import os

import pytest

import veilig
from veilig import errors

BAD_JSON = '{\n  "format": "veilig",\n  "version": 1,\n  "municipalities": [,]\n}\n'
WRONG_TYPE = ('{"format": "veilig", "version": 1,\n'
              ' "municipalities": [{"code": "GM0001", "name": 42}]}')


def test_parse_error():
    with pytest.raises(veilig.ParseError) as info:
        veilig.loads(BAD_JSON)
    e = info.value
    assert isinstance(e, veilig.Error) and isinstance(e, ValueError)
    assert (e.code, e.name) == (-3, "EPARSE")
    assert e.strerror == "invalid JSON"
    line4 = BAD_JSON.splitlines()[3]
    assert (e.line, e.column) == (4, line4.index(",]") + 1)
    assert e.position == BAD_JSON.index(",]")
    assert e.source == "<string>"
    assert e.message
    assert str(e).startswith("<string>:4:%d: " % e.column)
    assert e.function == "veilig_registry_load_string"


def test_parse_error_names_the_source(tmp_path):
    with pytest.raises(veilig.ParseError) as info:
        veilig.loads("[", source="upload.json")
    assert info.value.source == "upload.json"
    assert str(info.value).startswith("upload.json:1:")
    path = tmp_path / "bad.json"
    path.write_text(BAD_JSON)
    with pytest.raises(veilig.ParseError) as info:
        veilig.load(path)
    assert info.value.source == str(path)
    assert str(info.value).startswith("%s:4:%d: " % (path, info.value.column))


def test_schema_error():
    with pytest.raises(veilig.SchemaError) as info:
        veilig.loads(WRONG_TYPE)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.code, e.name) == (-4, "ESCHEMA")
    assert e.pointer == "/municipalities/0/name"
    column = WRONG_TYPE.splitlines()[1].index("42") + 1
    assert (e.line, e.column) == (2, column)
    assert e.position == WRONG_TYPE.index("42")
    assert "(at /municipalities/0/name)" in str(e)
    assert str(e).startswith("<string>:2:%d: " % column)


SEVERAL = ('{"format": "veilig", "version": 1, "municipalities": [\n'
           ' {"code": "GM0001", "name": 42, "province": "Utrecht", "measures": [\n'
           '  {"id": "a", "category": "bystander"}]},\n'
           ' {"code": 7, "name": "B", "province": "Utrecht"}]}\n')


def test_schema_error_lists_every_error(tmp_path):
    """load() and loads() report every schema error of a document (load
    options version 3), each with its line, column and pointer; the first
    is the exception itself."""
    want = [(2, "/municipalities/0/name", "expected a string"),
            (3, "/municipalities/0/measures/0", 'needs "name"'),
            (4, "/municipalities/1/code", "expected a string")]
    path = tmp_path / "several.json"
    path.write_text(SEVERAL)
    for load in (lambda: veilig.loads(SEVERAL, source="plan.json"),
                 lambda: veilig.load(path, source="plan.json")):
        with pytest.raises(veilig.SchemaError) as info:
            load()
        e = info.value
        assert e.errors[0] is e
        got = [(x.line, x.pointer, x.message) for x in e.errors]
        assert len(got) == len(want), got
        for (line, pointer, message), (wline, wpointer, wpart) in zip(got, want):
            assert (line, pointer) == (wline, wpointer)
            assert wpart in message
        assert all(isinstance(x, veilig.SchemaError) and x.source == "plan.json"
                   for x in e.errors)
        assert all(str(x).startswith("plan.json:%d:" % x.line) for x in e.errors)
    # capped at MAX_LOAD_ERRORS
    many = ('{"format": "veilig", "version": 1, "municipalities": [%s]}'
            % ", ".join(["1"] * (veilig.MAX_LOAD_ERRORS + 10)))
    with pytest.raises(veilig.SchemaError) as info:
        veilig.loads(many)
    assert len(info.value.errors) == veilig.MAX_LOAD_ERRORS
    # a schema error raised elsewhere is its own list
    assert veilig.SchemaError("x", -4).errors[0].args == ("x",)


def test_missing_file():
    with pytest.raises(veilig.VeiligIOError) as info:
        veilig.load("/nonexistent/dir/file.json")
    e = info.value
    assert isinstance(e, OSError) and isinstance(e, veilig.Error)
    assert (e.code, e.name) == (-2, "EIO")
    assert e.filename == "/nonexistent/dir/file.json"
    assert "No such file" in str(e)
    with pytest.raises(OSError):
        veilig.load("/nonexistent/dir/file.json")
    # what a Python program expects of a missing file
    with pytest.raises(FileNotFoundError) as info:
        veilig.load("/nonexistent/dir/file.json")
    assert info.value.errno == errno.ENOENT
    assert info.value.filename == "/nonexistent/dir/file.json"
    assert isinstance(info.value, veilig.VeiligFileNotFoundError)


def test_permission_and_other_os_errors(tmp_path):
    # a record as the library fills it for a file it may not open (root may open any)
    from veilig import _capi
    record = _capi.ErrorRecord()
    record.code, record.source = -2, b"/etc/secret.json"
    record.message = ("cannot open /etc/secret.json: %s" % os.strerror(errno.EACCES)).encode()
    e = _capi.error_for(-2, record, "veilig_registry_load_file")
    assert isinstance(e, PermissionError) and isinstance(e, veilig.VeiligPermissionError)
    assert (e.errno, e.filename) == (errno.EACCES, "/etc/secret.json")
    # a folder where a file should be: an OSError with its errno, no subclass
    with pytest.raises(veilig.VeiligIOError) as info:
        veilig.load(str(tmp_path))
    assert info.value.errno == errno.EISDIR
    assert not isinstance(info.value, FileNotFoundError)


def test_version_error():
    with pytest.raises(veilig.VersionError) as info:
        veilig.loads('{"format": "veilig", "version": 2, "municipalities": []}')
    assert info.value.code == -8 and info.value.pointer == "/version"
    with pytest.raises(veilig.VersionError):
        veilig.loads('{"format": "other", "version": 1, "municipalities": []}')


@pytest.mark.parametrize("text,pointer", [
    ('{"format": "veilig", "version": 2, "municipalities": []}', "/version"),
    ('{"format": "other", "version": 1, "municipalities": []}', "/format"),
    ('{"version": 1, "municipalities": []}', None),
    ('{"format": "veilig", "municipalities": []}', None)])
def test_format_errors_are_one_class(text, pointer):
    with pytest.raises(veilig.FormatError) as info:
        veilig.loads(text)
    assert info.value.pointer == pointer
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, veilig.SchemaError) and isinstance(info.value, veilig.VersionError)


def test_limit_error():
    deep = '{"format": "veilig", "version": 1, "municipalities": [{"code": "GM0001", ' \
           '"name": "x", "extra": [[[[[[1]]]]]]}]}'
    assert len(veilig.loads(deep)) == 1
    with pytest.raises(veilig.LimitError) as info:
        veilig.loads(deep, max_depth=4)
    assert (info.value.code, info.value.name) == (-9, "ELIMIT")
    two = '{"format": "veilig", "version": 1, "municipalities": [' \
          '{"code": "GM0001", "name": "a"}, {"code": "GM0002", "name": "b"}]}'
    with pytest.raises(veilig.LimitError):
        veilig.loads(two, max_municipalities=1)
    with pytest.raises(veilig.LimitError):
        veilig.loads(two, max_string=3)


def test_max_size(tmp_path):
    """load options version 2: the most bytes of a document's text (issue 21
    point 6), from load() and loads(); 0 is the library's default."""
    two = '{"format": "veilig", "version": 1, "municipalities": [' \
          '{"code": "GM0001", "name": "a"}, {"code": "GM0002", "name": "\u00e9"}]}'
    size = len(two.encode("utf-8"))
    assert len(veilig.loads(two, max_size=size)) == 2
    assert len(veilig.loads(two, max_size=0)) == 2
    with pytest.raises(veilig.LimitError) as info:
        veilig.loads(two, max_size=size - 1)  # the UTF-8 bytes count, not the characters
    assert (info.value.code, info.value.name) == (-9, "ELIMIT")
    path = tmp_path / "two.json"
    path.write_text(two, encoding="utf-8")
    assert len(veilig.load(path, max_size=size)) == 2
    with pytest.raises(veilig.LimitError) as info:
        veilig.load(path, max_size=size - 1)
    assert info.value.source == str(path) and str(path) in str(info.value)
    with pytest.raises(veilig.LimitError):
        veilig.load(path, max_size=1, source="plan.json")
    assert veilig.DEFAULT_MAX_SIZE >= 1 << 31


def test_exists_and_invalid_argument():
    reg = veilig.Registry()
    reg.add_municipality("GM0001", "A")
    with pytest.raises(veilig.ExistsError) as info:
        reg.add_municipality("GM0001", "B")
    assert (info.value.code, info.value.name) == (-7, "EEXISTS")
    assert "GM0001" in str(info.value)
    with pytest.raises(veilig.InvalidArgumentError) as info:
        reg[0].name = ""
    assert (info.value.code, info.value.name) == (-5, "EINVAL")
    assert isinstance(info.value, ValueError)
    assert "veilig_municipality_set_name" in str(info.value)
    # the reason in words, from the library's record (veilig_error_last)
    assert str(info.value) == "veilig_municipality_set_name: municipality name is empty"
    assert info.value.message == "municipality name is empty"
    m = reg[0]
    m.add_measure("m1", "One", "campaign")
    second = m.add_measure("m2", "Two", "campaign")
    with pytest.raises(veilig.ExistsError,
                       match='measure id "m1" is taken: the municipality has one already'):
        second.id = "m1"
    reg.close()


def test_hierarchy():
    for cls in (veilig.OutOfMemoryError, veilig.VeiligIOError, veilig.ParseError,
                veilig.SchemaError, veilig.InvalidArgumentError, veilig.NotFoundError,
                veilig.ExistsError, veilig.VersionError, veilig.LimitError,
                veilig.StaleObjectError):
        assert issubclass(cls, veilig.Error)
    assert issubclass(veilig.OutOfMemoryError, MemoryError)
    assert issubclass(veilig.StaleObjectError, ReferenceError)
    assert issubclass(veilig.StaleObjectError, veilig.NotFoundError)
    assert issubclass(veilig.NotFoundError, LookupError)
    for cls in (veilig.ExistsError, veilig.VersionError, veilig.LimitError, veilig.FormatError):
        assert issubclass(cls, ValueError)


@pytest.mark.parametrize("code,cls", [(-1, veilig.OutOfMemoryError), (-2, veilig.VeiligIOError),
                                      (-3, veilig.ParseError), (-4, veilig.SchemaError),
                                      (-5, veilig.InvalidArgumentError),
                                      (-6, veilig.NotFoundError), (-7, veilig.ExistsError),
                                      (-8, veilig.VersionError), (-9, veilig.LimitError),
                                      (-99, veilig.Error)])
def test_status_mapping(code, cls):
    from veilig import _capi
    e = _capi.error_for(code, None, "veilig_something")
    assert type(e) is cls
    assert e.code == code
    assert str(e).startswith("veilig_something: ")
    if code == -1:
        assert e.name == "ENOMEM" and e.strerror == "out of memory"
        assert isinstance(e, MemoryError)


def test_error_record_is_used():
    from veilig import _capi
    record = _capi.ErrorRecord()
    record.code, record.line, record.column = -4, 3, 7
    record.source, record.pointer, record.message = b"f.json", b"/a/0", b"bad thing"
    e = _capi.error_for(-4, record, "veilig_registry_load_file")
    assert (e.source, e.line, e.column, e.pointer, e.message) == ("f.json", 3, 7, "/a/0",
                                                                  "bad thing")
    assert str(e) == "f.json:3:7: not a valid veilig document: bad thing (at /a/0)"
