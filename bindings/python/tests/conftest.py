"""Shared fixtures. The package is imported from the source tree when
PYTHONPATH does not name it (CTest sets PYTHONPATH and VEILIG_LIBRARY)."""

import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)
if PACKAGE_ROOT not in sys.path:
    sys.path.insert(0, PACKAGE_ROOT)

import veilig  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(PACKAGE_ROOT))
DATA = os.path.join(HERE, "data")
RICH = os.path.join(DATA, "rich.json")


@pytest.fixture
def reg():
    """The bundled dataset, freed after the test."""
    with veilig.builtin() as registry:
        yield registry


@pytest.fixture(scope="session")
def builtin_doc():
    """The bundled dataset as parsed by the json module."""
    return json.loads(veilig.builtin_json())


@pytest.fixture
def rich():
    """tests/data/rich.json: every field set, unknown codes and keys too."""
    with veilig.load(RICH) as registry:
        yield registry


@pytest.fixture(scope="session")
def rich_doc():
    with open(RICH, encoding="utf-8") as f:
        return json.load(f)
