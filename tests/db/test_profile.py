"""Opening a profile, and getting it back from the rotating backup after damage or loss."""
from __future__ import annotations

import pytest

from db import backup, database as dbmod, items
from db.models import Item
from tests.helpers import column, user


def make_draft(title: str) -> Item:
    return items.create_item(user("liuyang"), column("gzdt"), {"title": title})


def test_profile_uses_wal_and_foreign_keys(profile):
    assert dbmod.database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert dbmod.database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert dbmod.integrity_problems() == []


def test_backups_rotate(profile):
    for _ in range(4):
        backup.backup_now(profile, keep=3)
    assert len(backup.list_backups(profile)) == 3


def test_corrupted_file_is_restored_from_backup(profile):
    make_draft("备份之前的草稿")
    taken = backup.backup_now(profile)
    make_draft("备份之后的草稿")
    dbmod.close()

    with open(profile.db_path, "r+b") as damaged:     # scribble over the header and first pages
        damaged.seek(0)
        damaged.write(b"\x00garbage" * 4096)
    with pytest.raises(dbmod.ProfileCorrupt):
        dbmod.open_profile(profile)

    moved = backup.restore(profile, taken)
    dbmod.open_profile(profile)
    titles = {i.title for i in Item.select()}
    assert "备份之前的草稿" in titles
    assert moved is not None and moved.exists(), "the damaged file is kept aside, not deleted"


def test_deleted_file_is_reported_and_restorable(profile):
    make_draft("会被恢复的草稿")
    taken = backup.backup_now(profile)
    dbmod.close()
    for suffix in ("", "-wal", "-shm"):
        path = profile.db_path.with_name(profile.db_path.name + suffix)
        path.unlink(missing_ok=True)
    with pytest.raises(dbmod.ProfileMissing):
        dbmod.open_profile(profile)
    backup.restore(profile, taken)
    dbmod.open_profile(profile)
    assert Item.select().where(Item.title == "会被恢复的草稿").exists()


def test_a_damaged_backup_is_refused(profile):
    taken = backup.backup_now(profile)
    taken.path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backup.RestoreFailed):
        backup.restore(profile, taken)
    assert profile.db_path.exists(), "a refused restore leaves the current file alone"
