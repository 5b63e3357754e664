"""Shared fixtures: a throw-away profile holding the demo directory, built once per run."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GONGKAI_HOME"] = tempfile.mkdtemp(prefix="gongkai-home-")

from db import database as dbmod  # noqa: E402  (after the environment is set)
from db import reference  # noqa: E402

DEMO_PASSWORD = "gongkai123"


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory) -> Path:
    """A profile with organisations, topics, sections, columns and the demo users."""
    root = tmp_path_factory.mktemp("template") / "profile"
    dbmod.open_profile(dbmod.Profile(root), create=True)
    reference.install_topics()
    reference.install_structure()
    reference.install_users(DEMO_PASSWORD)
    dbmod.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    dbmod.close()
    return root


@pytest.fixture
def profile(template_profile, tmp_path) -> dbmod.Profile:
    """A fresh copy of the template profile, open for the test."""
    root = tmp_path / "profile"
    root.mkdir()
    shutil.copyfile(template_profile / "profile.sqlite", root / "profile.sqlite")
    opened = dbmod.open_profile(dbmod.Profile(root))
    yield opened
    dbmod.close()


@pytest.fixture(autouse=True)
def memory_keyring(request):
    """Every test gets a fresh in-memory keyring, except the real Secret Service tests (-m keyring)."""
    if request.node.get_closest_marker("keyring"):
        yield None
        return
    import keyring
    from tests.keyring_memory import MemoryKeyring
    previous, backend = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
