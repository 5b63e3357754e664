"""The profile's SQLite database: opening, pragmas, migrations and integrity checks.

One deferred `SqliteDatabase(None)` serves the whole process; `open_profile()` binds it
to a profile folder. Backups live in db.backup.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from db.errors import DomainError

database = SqliteDatabase(None)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 10000,
    "cache_size": -32000,
    # SQLite's default checkpoints every 1,000 WAL pages on the committing thread, i.e. the
    # write worker: on a ten-year profile one workflow step writes ~35 pages, so every
    # ~30th step paid a checkpoint of pages scattered over the whole file. With a larger
    # WAL the same pages are rewritten in the WAL and copied back once; the workstation's
    # upkeep thread checkpoints passively when the WAL has grown (passive_checkpoint), so
    # the write worker rarely reaches this cap (~40 MB).
    "wal_autocheckpoint": 10000,
}


class ProfileCorrupt(DomainError):
    """The profile's database file cannot be trusted; offer a restore from backup."""


class ProfileMissing(DomainError):
    """The profile's database file is gone; offer a restore from backup."""


@dataclass(frozen=True)
class Profile:
    """A profile folder: the database, the attachment blobs and the rotating backups."""
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "profile.sqlite"

    @property
    def blob_dir(self) -> Path:
        return self.root / "blobs"

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"

    @property
    def name(self) -> str:
        return self.root.name

    def exists(self) -> bool:
        return self.db_path.exists()


def profiles_home() -> Path:
    """Where profiles live: $GONGKAI_HOME, else the XDG data folder."""
    explicit = os.environ.get("GONGKAI_HOME")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "gongkai-desk"


def profile_named(name: str) -> Profile:
    """A profile by name under profiles_home(), or by path when `name` contains a slash."""
    if os.sep in name or name.startswith("."):
        return Profile(Path(name).resolve())
    return Profile(profiles_home() / "profiles" / name)


def open_profile(profile: Profile, create: bool = False) -> Profile:
    """Bind the database to the profile, check it can be trusted and migrate it."""
    if not profile.exists():
        if not create:
            raise ProfileMissing(f"找不到资料库文件：{profile.db_path}",
                                 f"The profile database is missing: {profile.db_path}")
        profile.root.mkdir(parents=True, exist_ok=True)
    profile.blob_dir.mkdir(parents=True, exist_ok=True)
    profile.backup_dir.mkdir(parents=True, exist_ok=True)
    close()
    database.init(str(profile.db_path), pragmas=PRAGMAS)
    try:
        database.connect()
        check_readable()
        migrate()
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        close()
        raise ProfileCorrupt(f"资料库文件已损坏（{exc}），请从备份恢复。",
                             f"The profile database is damaged ({exc}); restore it from a backup.") from exc
    return profile


def close() -> None:
    if not database.is_closed():
        database.close()


def check_readable() -> None:
    """A cheap check on open: the header and schema can be read."""
    database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()


def integrity_problems(path: Path | None = None) -> list[str]:
    """Full `PRAGMA quick_check` of the open database (or of a file); empty list when sound."""
    if path is None:
        rows = database.execute_sql("PRAGMA quick_check").fetchall()
    else:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        finally:
            conn.close()
    messages = [row[0] for row in rows]
    return [] if messages == ["ok"] else messages


def passive_checkpoint(path: Path) -> tuple[int, int]:
    """Copy what the WAL holds back into the file on a connection of the caller's own,
    without waiting for readers or the writer (PASSIVE). Returns (pages in the WAL, pages
    copied back)."""
    conn = sqlite3.connect(path, timeout=1)
    try:
        _busy, in_wal, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    return in_wal, copied


def migration_runner():
    from playhouse.migrations import Runner   # only when there is something to migrate
    return Runner(database, directory=str(MIGRATIONS_DIR))


def pending_migrations() -> list[str]:
    """Names of migration files not yet recorded in the profile (a cheap look on every open)."""
    names = sorted(path.stem for path in MIGRATIONS_DIR.glob("[0-9]*.py"))
    try:
        applied = {row[0] for row in database.execute_sql("SELECT name FROM schema_migration")}
    except DatabaseError:
        applied = set()     # a new profile: no history table yet
    return [name for name in names if name not in applied]


def migrate() -> list[str]:
    """Apply pending numbered migrations; returns their names."""
    if not pending_migrations():
        return []
    return migration_runner().up()
