"""pytest set-up: the tests run against the build tree (ctest sets PYTHONPATH
to <build>/bindings/python, INAMI_CLI to the built `inami` tool and
INAMI_SOURCE_DIR to the source tree)."""

import os

import pytest


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("INAMI_CLI")
    if not path or not os.path.exists(path):
        pytest.skip("INAMI_CLI (path of the built inami tool) not set")
    return path


@pytest.fixture(scope="session")
def source_dir():
    return os.environ.get("INAMI_SOURCE_DIR",
                          os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
