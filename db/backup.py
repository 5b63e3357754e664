"""Rotating backups of the profile database with SQLite's online backup API.

A backup is a consistent copy taken while the database is in use. Restoring never
deletes the damaged file: it is renamed aside so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.database import Profile, close, integrity_problems
from db.errors import DomainError

KEEP_BACKUPS = 8
PREFIX = "profile-"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    size: int


class RestoreFailed(DomainError):
    pass


def backup_now(profile: Profile, keep: int = KEEP_BACKUPS) -> BackupFile:
    """Copy the live database into a new timestamped file, then drop the oldest extras."""
    profile.backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = profile.backup_dir / f"{PREFIX}{stamp}.sqlite"
    partial = target.with_suffix(".partial")
    _copy_database(profile.db_path, partial)
    partial.rename(target)
    prune(profile, keep)
    return _describe(target)


def _copy_database(source: Path, target: Path) -> None:
    # Its own connections, so a backup can run on a worker thread beside the app's.
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst, pages=4096)
    finally:
        dst.close()
        src.close()


def list_backups(profile: Profile) -> list[BackupFile]:
    """Newest first."""
    if not profile.backup_dir.exists():
        return []
    files = sorted(profile.backup_dir.glob(f"{PREFIX}*.sqlite"), reverse=True)
    return [_describe(path) for path in files]


def _describe(path: Path) -> BackupFile:
    stamp = path.stem[len(PREFIX):]
    taken = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    return BackupFile(path, taken, path.stat().st_size)


def newest_backup_age(profile: Profile) -> dt.timedelta | None:
    backups = list_backups(profile)
    return dt.datetime.now() - backups[0].taken_at if backups else None


def prune(profile: Profile, keep: int) -> None:
    for old in list_backups(profile)[keep:]:
        old.path.unlink(missing_ok=True)


def restore(profile: Profile, backup: BackupFile) -> Path | None:
    """Put `backup` in place of the profile database. Returns where the old file went."""
    problems = integrity_problems(backup.path)
    if problems:
        raise RestoreFailed(f"备份文件 {backup.path.name} 本身已损坏：{problems[0]}",
                            f"The backup {backup.path.name} is itself damaged: {problems[0]}")
    close()
    moved = _move_aside(profile)
    staging = profile.db_path.with_suffix(".restoring")
    shutil.copyfile(backup.path, staging)
    staging.rename(profile.db_path)
    return moved


def _move_aside(profile: Profile) -> Path | None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = None
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(profile.db_path) + suffix)
        if path.exists():
            aside = Path(f"{profile.db_path}.damaged-{stamp}{suffix}")
            path.rename(aside)
            moved = moved or aside
    return moved
