"""`site-init`: create or upgrade the central schema under a migration lock.

The lock is GET_LOCK on MariaDB/MySQL, pg_advisory_lock on PostgreSQL and a lock row on
SQLite, so two administrators starting site-init at once cannot interleave migrations: the
second waits up to LOCK_WAIT_SECONDS on the servers (SQLite refuses at once), then refuses
with MigrationLocked.
Each schema version is a list of statements frozen in db.central (ddl, routines); the
applied ones are listed in schema_migrations and `sync_meta.schema_version` names the last.
"""
from __future__ import annotations

import datetime as dt
import socket
from contextlib import contextmanager
from dataclasses import dataclass, field

from peewee import Database, IntegrityError, OperationalError

from db.central import ddl, roles, routines, routines_v2
from db.central.connect import dialect
from db.errors import DomainError
from db.ids import new_id

SCHEMA_VERSION = 2
MIN_CLIENT_VERSION = 2
LOCK_NAME = "gongkai_site_init"
LOCK_WAIT_SECONDS = 30
STALE_SQLITE_LOCK = dt.timedelta(minutes=10)
PG_LOCK_NOT_AVAILABLE = "55P03"


class MigrationLocked(DomainError):
    pass


@dataclass
class InitReport:
    created: bool
    applied: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    instance_id: str = ""
    schema_version: int = 0


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def raw(db: Database, sql: str) -> None:
    """Run DDL without parameter interpolation (routine bodies contain % and ? literally)."""
    cursor = db.cursor()
    cursor.execute(sql)


def migration_v1(db: Database) -> None:
    kind = dialect(db)
    for statement in ddl.tables_v1(kind) + routines.routines_v1(kind):
        raw(db, statement)
    db.execute_sql("INSERT INTO sync_counter (id, seq) VALUES (1, 0)")


def migration_v2(db: Database) -> None:
    """Batched push (set-based gate), decisions guarded by account, central 索引号 counter."""
    kind = dialect(db)
    _free_duplicate_index_numbers(db)     # before any DDL: MariaDB commits each statement
    for statement in ddl.tables_v2(kind) + routines_v2.routines_v2(kind):
        raw(db, statement)


# Schema 1 kept each workstation's own 索引号, and two workstations offline can hand out the
# same one; schema 2 makes the central number unique. The number stays with the item that
# had it first (published first, else created first). The others lose theirs: the website
# keeps the number of their approved content, and their next submission gets one from the
# central counter (db.sync.index_numbers).
SHARED_INDEX_NUMBERS = ("SELECT id, index_no FROM wf_item WHERE index_no IN (SELECT index_no FROM wf_item"
                        " GROUP BY index_no HAVING COUNT(*) > 1)"
                        " ORDER BY index_no, published_at IS NULL, published_at, created_at, id")


def _free_duplicate_index_numbers(db: Database) -> None:
    db.execute_sql("UPDATE wf_item SET index_no = NULL WHERE index_no = ''")
    holders: set[str] = set()
    for item_id, number in db.execute_sql(SHARED_INDEX_NUMBERS).fetchall():
        if number in holders:
            db.execute_sql(_param(db, "UPDATE wf_item SET index_no = NULL WHERE id = ?"), (item_id,))
        holders.add(number)


MIGRATIONS = [("0001_central_initial", migration_v1), ("0002_batches_accounts_index", migration_v2)]


def table_exists(db: Database, name: str) -> bool:
    return name in db.get_tables()


def applied_migrations(db: Database) -> set[str]:
    if not table_exists(db, "schema_migrations"):
        return set()
    return {row[0] for row in db.execute_sql("SELECT name FROM schema_migrations").fetchall()}


def init_site(db: Database, database_name: str | None = None, make_roles: bool = True) -> InitReport:
    """Create or upgrade the central schema; idempotent. Roles need a server and admin rights."""
    with migration_lock(db):
        done = applied_migrations(db)
        report = InitReport(created=not done)
        for name, step in MIGRATIONS:
            if name in done:
                continue
            with db.atomic():   # DDL is transactional on PostgreSQL and SQLite; MariaDB commits each
                step(db)
                db.execute_sql(_param(db, "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)"),
                               (name, _now()))
            report.applied.append(name)
        report.instance_id = _ensure_meta(db)
        report.schema_version = SCHEMA_VERSION
        if make_roles and dialect(db) != "sqlite":
            report.roles = roles.create_roles(db, database_name or current_database(db))
    return report


def _ensure_meta(db: Database) -> str:
    with db.atomic():
        rows = dict(db.execute_sql("SELECT name, value FROM sync_meta").fetchall())
        instance = rows.get("instance_id") or new_id()
        wanted = {"instance_id": instance, "schema_version": str(SCHEMA_VERSION),
                  "min_client_version": str(max(int(rows.get("min_client_version") or 0), MIN_CLIENT_VERSION))}
        for name, value in wanted.items():
            if name in rows:
                db.execute_sql(_param(db, "UPDATE sync_meta SET value = ? WHERE name = ?"), (value, name))
            else:
                db.execute_sql(_param(db, "INSERT INTO sync_meta (name, value) VALUES (?, ?)"), (name, value))
    return instance


def _param(db: Database, sql: str) -> str:
    return sql if dialect(db) == "sqlite" else sql.replace("?", "%s")


def current_database(db: Database) -> str:
    kind = dialect(db)
    if kind == "mysql":
        return db.execute_sql("SELECT DATABASE()").fetchone()[0]
    if kind == "postgresql":
        return db.execute_sql("SELECT current_database()").fetchone()[0]
    return db.database


@contextmanager
def migration_lock(db: Database):
    kind = dialect(db)
    if kind == "mysql":
        name = f"{LOCK_NAME}.{current_database(db)}"
        got = db.execute_sql("SELECT GET_LOCK(%s, %s)", (name, LOCK_WAIT_SECONDS)).fetchone()[0]
        if got != 1:
            raise _locked()
        try:
            yield
        finally:
            db.execute_sql("SELECT RELEASE_LOCK(%s)", (name,))
    elif kind == "postgresql":
        _pg_advisory_lock(db)
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(hashtext(%s))", (LOCK_NAME,))
    else:
        with _sqlite_lock_row(db):
            yield


def _pg_advisory_lock(db: Database) -> None:
    """Wait as long as MariaDB's GET_LOCK would, then refuse (pg_advisory_lock alone waits forever)."""
    db.execute_sql(f"SET lock_timeout = '{int(LOCK_WAIT_SECONDS * 1000)}ms'")
    try:
        db.execute_sql("SELECT pg_advisory_lock(hashtext(%s))", (LOCK_NAME,))
    except OperationalError as exc:
        if getattr(exc.__cause__, "pgcode", None) == PG_LOCK_NOT_AVAILABLE or "lock timeout" in str(exc):
            raise _locked() from exc
        raise
    finally:
        db.execute_sql("RESET lock_timeout")


@contextmanager
def _sqlite_lock_row(db: Database):
    db.execute_sql("CREATE TABLE IF NOT EXISTS migration_lock (id INTEGER PRIMARY KEY, holder TEXT NOT NULL,"
                   " taken_at TEXT NOT NULL)")
    holder = f"{socket.gethostname()}:{new_id()[:8]}"
    with db.atomic("IMMEDIATE"):
        row = db.execute_sql("SELECT taken_at FROM migration_lock WHERE id = 1").fetchone()
        if row and dt.datetime.now(dt.timezone.utc) - _parse(row[0]) < STALE_SQLITE_LOCK:
            raise _locked()
        db.execute_sql("DELETE FROM migration_lock WHERE id = 1")
        try:
            db.execute_sql("INSERT INTO migration_lock (id, holder, taken_at) VALUES (1, ?, ?)", (holder, _now()))
        except IntegrityError as exc:
            raise _locked() from exc
    try:
        yield
    finally:
        db.execute_sql("DELETE FROM migration_lock WHERE id = 1 AND holder = ?", (holder,))


def _parse(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def _locked() -> MigrationLocked:
    return MigrationLocked("另一位管理员正在初始化或升级网站数据库，请稍后再试",
                           "Another administrator is initialising or upgrading the site database; try again later")
