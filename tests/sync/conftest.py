"""Central databases for the sync tests: SQLite always; MariaDB and PostgreSQL when reachable.

Each test gets its own uniquely named database (and roles), dropped afterwards. A server
that can't be reached skips its tests with the reason, except under CI=true, where it fails.
"""
from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from db import database as dbmod
from db.central import ddl, roles, siteinit
from db.central.connect import open_central
from db.sync.engine import SyncEngine, seed_central_directory

SERVERS = {
    "mariadb": "mysql://root@127.0.0.1:3306/{name}",
    "postgresql": "postgresql://postgres@127.0.0.1:5432/{name}",
}
ADMIN_URLS = {"mariadb": "mysql://root@127.0.0.1:3306/mysql", "postgresql": "postgresql://postgres@127.0.0.1:5432/postgres"}
BACKENDS = ["sqlite", "mariadb", "postgresql"]


def server_or_skip(backend: str):
    try:
        admin = open_central(ADMIN_URLS[backend])
    except Exception as exc:   # noqa: BLE001 — any failure to connect means "not here"
        reason = f"{backend} server not reachable at 127.0.0.1 ({type(exc).__name__}: {str(exc)[:80]})"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — CI requires it")
        pytest.skip(reason)
    if backend == "postgresql":
        admin._state.conn.autocommit = True
    return admin


@dataclass
class Central:
    backend: str
    url: str
    name: str
    db: object
    accounts: list = field(default_factory=list)
    pool_admin: object = None        # the pool's admin connection when the database is reused

    def connect(self, url: str | None = None, password: str | None = None):
        return open_central(url or self.url, password)

    def account_url(self, account: str) -> str:
        return self.url.replace("root@", f"{account}@").replace("postgres@", f"{account}@")


def make_central(backend: str, tmp_path: Path, template_profile: Path, pool: "CentralPool | None" = None):
    if pool is not None:
        return pool.take(backend, tmp_path), None
    name, url, admin = new_database(backend, tmp_path, "gk_t_")
    db = open_central(url)
    siteinit.init_site(db, name)
    _seed_directory(db, template_profile, tmp_path)
    return Central(backend, url, name, db), admin


def new_database(backend: str, tmp_path: Path, prefix: str) -> tuple[str, str, object]:
    """(name, url, admin connection or None) of a new, empty, uniquely named database."""
    name = prefix + uuid.uuid4().hex[:10]
    if backend == "sqlite":
        return name, f"sqlite:///{tmp_path / (name + '.sqlite')}", None
    admin = server_or_skip(backend)
    admin.execute_sql(f"CREATE DATABASE {name}" + (" CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                                                  if backend == "mariadb" else ""))
    return name, SERVERS[backend].format(name=name), admin


def _seed_directory(db, template_profile: Path, tmp_path: Path) -> None:
    seeder = tmp_path / f"seeder-{uuid.uuid4().hex[:6]}"
    seeder.mkdir()
    shutil.copyfile(template_profile / "profile.sqlite", seeder / "profile.sqlite")
    dbmod.open_profile(dbmod.Profile(seeder))
    seed_central_directory(db)
    dbmod.close()


KEPT_TABLES = ("sync_meta", "schema_migrations", "sync_counter")


class CentralPool:
    """Central databases made once per run and handed to each test as new: a copy of an
    initialised SQLite file, or a server database emptied and seeded again (making one,
    with its schema, routines and roles, takes about a second on MariaDB)."""

    def __init__(self, root: Path, template_profile: Path):
        self.root, self.template_profile = root, template_profile
        self.made: dict[str, tuple] = {}

    def take(self, backend: str, tmp_path: Path) -> Central:
        if backend not in self.made:
            central, admin = make_central(backend, self.root, self.template_profile)
            central.db.close()
            self.made[backend] = (central, admin)
        made, admin = self.made[backend]
        if backend == "sqlite":
            path = tmp_path / f"central-{uuid.uuid4().hex[:6]}.sqlite"
            shutil.copyfile(made.url.split("///", 1)[1], path)
            url = f"sqlite:///{path}"
            return Central(backend, url, made.name, open_central(url), pool_admin=None)
        db = open_central(made.url)
        _empty(db)
        _seed_directory(db, self.template_profile, tmp_path)
        return Central(backend, made.url, made.name, db, pool_admin=admin)

    def close(self) -> None:
        for central, admin in self.made.values():
            drop_central(central, admin)


def _empty(db) -> None:
    with db.atomic():
        for table in ddl.TABLE_NAMES + ("index_serial", "db_account"):
            if table not in KEPT_TABLES:
                db.execute_sql(f"DELETE FROM {table}")
        db.execute_sql("UPDATE sync_counter SET seq = 0")
        db.execute_sql("UPDATE sync_meta SET value = %s WHERE name = 'schema_version'",
                       (str(siteinit.SCHEMA_VERSION),))
        db.execute_sql("UPDATE sync_meta SET value = %s WHERE name = 'min_client_version'",
                       (str(siteinit.MIN_CLIENT_VERSION),))


def drop_central(central: Central, admin) -> None:
    if not central.db.is_closed():
        central.db.close()
    if central.pool_admin is not None:
        _drop_accounts(central)
    if admin is None:
        return
    if central.backend == "postgresql":
        admin.execute_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                          (central.name,))
    admin.execute_sql(f"DROP DATABASE IF EXISTS {central.name}")
    roles.drop_roles(admin, central.name, central.accounts)
    admin.close()


def _drop_accounts(central: Central) -> None:
    admin = central.pool_admin
    for account in central.accounts:
        if central.backend == "mariadb":
            admin.execute_sql(f"DROP USER IF EXISTS `{account}`@'%%'")
        else:
            admin.execute_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (account,))
            admin.execute_sql(f'REVOKE ALL ON DATABASE "{central.name}" FROM "{account}"')
            admin.execute_sql(f'DROP ROLE IF EXISTS "{account}"')
    central.accounts.clear()


@contextmanager
def spare_database(backend: str, tmp_path: Path, initialised: bool = False):
    """Another database on the same server as the test's central: empty, or set up by
    site-init as somebody else's site (without roles). Dropped afterwards."""
    name, url, admin = new_database(backend, tmp_path, "gk_s_")
    db = open_central(url)
    try:
        if initialised:
            siteinit.init_site(db, name, make_roles=False)
        yield db
    finally:
        drop_central(Central(backend, url, name, db), admin)


@pytest.fixture(scope="session")
def central_pool(tmp_path_factory, template_profile):
    pool = CentralPool(tmp_path_factory.mktemp("central-pool"), template_profile)
    yield pool
    pool.close()


@pytest.fixture(params=BACKENDS)
def central(request, tmp_path, central_pool):
    made, admin = make_central(request.param, tmp_path, None, central_pool)
    yield made
    drop_central(made, admin)


@pytest.fixture
def sqlite_central(tmp_path, central_pool):
    made, admin = make_central("sqlite", tmp_path, None, central_pool)
    yield made
    drop_central(made, admin)


@pytest.fixture(params=["mariadb", "postgresql"])
def server_central(request, tmp_path, central_pool):
    made, admin = make_central(request.param, tmp_path, None, central_pool)
    yield made
    drop_central(made, admin)


@pytest.fixture
def mariadb_central(tmp_path, central_pool):
    made, admin = make_central("mariadb", tmp_path, None, central_pool)
    yield made
    drop_central(made, admin)


class Client:
    """One workstation with its own profile. db.database is one per process, so a client
    binds it when it acts (`use()`); clients therefore take turns, as in the real world
    each runs in its own process."""

    def __init__(self, root: Path, template: Path):
        root.mkdir(parents=True)
        shutil.copyfile(template / "profile.sqlite", root / "profile.sqlite")
        self.profile = dbmod.Profile(root)

    def use(self) -> "Client":
        dbmod.open_profile(self.profile)
        return self

    def sync(self, central_db, hooks=None, **kwargs):
        self.use()
        return SyncEngine(self.profile, central_db, hooks=hooks, **kwargs).run()


@pytest.fixture
def make_client(tmp_path, template_profile):
    made = []

    def factory(name: str) -> Client:
        client = Client(tmp_path / "clients" / name, template_profile)
        made.append(client)
        return client
    yield factory
    dbmod.close()


@pytest.fixture
def desks():
    """(status widget, context) pairs a desktop test made, shut down (threads joined) at its end."""
    from tests.sync.desktop_helpers import stop_ctx
    made = []
    yield made
    for widget, ctx in made:
        widget.controller.shutdown()
        stop_ctx(ctx)
