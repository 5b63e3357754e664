"""site-init: two runs at once take turns under the migration lock, and a site still at
schema version 1 is upgraded to the current version with all its data kept."""
from __future__ import annotations

import threading

import pytest

from db.central import ddl, siteinit
from db.central.connect import open_central
from db.sync import central_sql
from tests.sync.conftest import ADMIN_URLS, SERVERS, spare_database
from tests.sync.helpers import approve, central_rows, run_main, submitted_to_the_leader, wait_until

# How each server shows a session waiting for site-init's lock.
LOCK_WAITERS = {
    "mariadb": "SELECT count(*) FROM information_schema.processlist WHERE state = 'User lock' AND db = %s",
    "postgresql": "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event = 'advisory'",
}


def waiting_for_the_lock(backend: str, name: str) -> bool:
    admin = open_central(ADMIN_URLS[backend])
    try:
        return admin.execute_sql(LOCK_WAITERS[backend], (name,)).fetchone()[0] > 0
    finally:
        admin.close()


class TwoSiteInits:
    """Two administrators' site-init on their own connections. The first to migrate stays in
    its first migration until the other is seen waiting for the lock (or has given up)."""

    def __init__(self, backend: str, url: str, name: str, monkeypatch):
        self.backend, self.url, self.name = backend, url, name
        self.barrier = threading.Barrier(2)
        self.migrating = threading.Event()
        self.ran: list[str] = []
        self.outcomes: dict = {}
        self.other_held_off = False
        steps = [(label, self._watched(label, step)) for label, step in siteinit.MIGRATIONS]
        monkeypatch.setattr(siteinit, "MIGRATIONS", steps)

    def _watched(self, label, step):
        def run(db):
            self.ran.append(label)
            if not self.migrating.is_set():
                self.migrating.set()
                self.other_held_off = wait_until(self._other_is_held_off, 15.0, 0.05)
            step(db)
        return run

    def _other_is_held_off(self) -> bool:
        if self.backend == "sqlite":
            return "second" in self.outcomes           # it gave up at once
        return waiting_for_the_lock(self.backend, self.name)

    def _one(self, role: str) -> None:
        db = open_central(self.url)
        try:
            self.barrier.wait(timeout=30)
            if role == "second":
                self.migrating.wait(timeout=30)
            self.outcomes[role] = siteinit.init_site(db, self.name)
        except Exception as exc:   # noqa: BLE001 — the test reads what each run ended with
            self.outcomes[role] = exc
        finally:
            db.close()

    def run(self) -> tuple:
        threads = [threading.Thread(target=self._one, args=(role,)) for role in ("first", "second")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not any(thread.is_alive() for thread in threads), "a site-init hung"
        return self.outcomes["first"], self.outcomes["second"]


@pytest.mark.parametrize("backend", ["sqlite", "mariadb", "postgresql"])
def test_two_site_inits_at_once_migrate_once(backend, tmp_path, monkeypatch):
    with spare_database(backend, tmp_path) as db:
        race = TwoSiteInits(backend, url_of(backend, db), siteinit.current_database(db), monkeypatch)
        first, second = race.run()

        assert race.other_held_off, "the second run met the lock while the first migrated"
        assert isinstance(first, siteinit.InitReport) and len(first.applied) == len(siteinit.MIGRATIONS)
        if backend == "sqlite":       # a lock row: the second administrator is told to come back
            assert isinstance(second, siteinit.MigrationLocked)
            assert "另一位管理员正在初始化或升级网站数据库" in str(second)
        else:                         # a server lock: the second waited, then found nothing to do
            assert isinstance(second, siteinit.InitReport), second
            assert second.applied == [] and second.instance_id == first.instance_id
        assert sorted(race.ran) == sorted(label for label, _step in siteinit.MIGRATIONS), "each migration ran once"
        assert central_rows(db, "SELECT count(*) FROM schema_migrations") == [(len(siteinit.MIGRATIONS),)]
        assert central_rows(db, "SELECT value FROM sync_meta WHERE name = 'instance_id'") == [(first.instance_id,)]


def url_of(backend: str, db) -> str:
    if backend == "sqlite":
        return f"sqlite:///{db.database}"
    return SERVERS[backend].format(name=siteinit.current_database(db))


# ---------------------------------------------------------------- schema 1 → 2

V1_KEPT_APART = ("sync_meta", "schema_migrations", "sync_counter")


def v1_columns(db, table: str) -> list[str]:
    return [column[0] for column in db.execute_sql(f"SELECT * FROM {table} WHERE 1 = 0").description]


def plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def v1_data(db, columns: dict[str, list[str]]) -> dict[str, list]:
    """Every row of every schema-1 table, as schema 1's columns hold it."""
    return {table: sorted((tuple(plain(v) for v in row) for row in
                           central_rows(db, f"SELECT {', '.join(names)} FROM {table}")), key=repr)
            for table, names in columns.items()}


def as_a_schema_1_site(source, target) -> dict[str, list[str]]:
    """`target` made as site-init of schema 1 left it, holding `source`'s data (what a site
    that ran schema 1 holds: the same tables and columns, the same instance id)."""
    siteinit.migration_v1(target)
    central_rows(target, "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                 (siteinit.MIGRATIONS[0][0], "2025-01-01T00:00:00Z"))
    instance = central_rows(source, "SELECT value FROM sync_meta WHERE name = 'instance_id'")[0][0]
    for name, value in (("instance_id", instance), ("schema_version", "1"), ("min_client_version", "1")):
        central_rows(target, "INSERT INTO sync_meta (name, value) VALUES (?, ?)", (name, value))
    central_rows(target, "UPDATE sync_counter SET seq = ?", (central_rows(source, "SELECT seq FROM sync_counter")[0][0],))
    columns = {table: v1_columns(target, table) for table in ddl.TABLE_NAMES if table not in V1_KEPT_APART}
    for table, names in columns.items():
        central_sql.insert_rows(target, table, names, central_rows(source, f"SELECT {', '.join(names)} FROM {table}"))
    return columns


def test_site_init_upgrades_a_schema_1_site_and_keeps_its_data(central, make_client, tmp_path):
    (live, waiting), _drafter, leader = submitted_to_the_leader(central.db, make_client, "升级前已发布的公告",
                                                                 "升级前待审的公告")
    approve(live)
    leader.sync(central.db)

    with spare_database(central.backend, tmp_path) as old_site:
        columns = as_a_schema_1_site(central.db, old_site)
        before = v1_data(old_site, columns)
        done = run_main("site-init", "--url", url_of(central.backend, old_site))
        assert done.returncode == 0, done.stderr
        assert "本次应用迁移 1 个" in done.stdout and f"结构版本 {siteinit.SCHEMA_VERSION}" in done.stdout

        assert v1_data(old_site, columns) == before, "every row of schema 1 is still there, unchanged"
        assert central_rows(old_site, "SELECT value FROM sync_meta WHERE name = 'schema_version'") == [
            (str(siteinit.SCHEMA_VERSION),)]
        assert central_rows(old_site, "SELECT count(*) FROM schema_migrations") == [(len(siteinit.MIGRATIONS),)]
        assert central_rows(old_site, "SELECT DISTINCT db_account FROM wf_decision") == [("",)]

        leader.use()                    # the workstation carries on with the upgraded site
        approve(waiting)
        report = leader.sync(old_site)
        assert report.conflicts == 0 and report.published == [waiting]
        assert sorted(central_rows(old_site, "SELECT item_id FROM pub_item")) == sorted([(live,), (waiting,)])


def test_schema_1_items_sharing_an_index_number_do_not_stop_the_upgrade(central, make_client, tmp_path):
    """Schema 1 kept each workstation's 索引号, and two workstations offline can hand out the
    same one; schema 2's unique central number must not make such a site impossible to upgrade."""
    (live, waiting), _drafter, leader = submitted_to_the_leader(central.db, make_client, "先发布的公告",
                                                                 "同号的待审公告")
    approve(live)
    leader.sync(central.db)

    with spare_database(central.backend, tmp_path) as old_site:
        as_a_schema_1_site(central.db, old_site)
        [(number,)] = central_rows(old_site, "SELECT index_no FROM wf_item WHERE id = ?", (live,))
        central_rows(old_site, "UPDATE wf_item SET index_no = ? WHERE id = ?", (number, waiting))

        assert siteinit.init_site(old_site, make_roles=False).applied == [siteinit.MIGRATIONS[1][0]]
        assert central_rows(old_site, "SELECT id, index_no FROM wf_item ORDER BY index_no IS NULL") == [
            (live, number), (waiting, None)], "the published item keeps its number; the other gives it up"
        assert siteinit.init_site(old_site, make_roles=False).applied == [], "a second run finds nothing to do"

        leader.use()
        approve(waiting)
        assert leader.sync(old_site).published == [waiting], "the other item can still be published"


@pytest.mark.parametrize("backend", ["sqlite", "mariadb", "postgresql"])
def test_site_init_refuses_in_plain_words_while_another_holds_the_lock(backend, tmp_path, monkeypatch):
    monkeypatch.setattr(siteinit, "LOCK_WAIT_SECONDS", 1)       # the servers wait this long, then refuse
    with spare_database(backend, tmp_path) as db:
        holder = open_central(url_of(backend, db))
        try:
            with siteinit.migration_lock(holder):
                with pytest.raises(siteinit.MigrationLocked) as refused:
                    siteinit.init_site(db, make_roles=False)
        finally:
            holder.close()
        assert "另一位管理员正在初始化或升级网站数据库" in str(refused.value)
        assert set(db.get_tables()) <= {"migration_lock"}, "no migration ran while the other held the lock"
        assert siteinit.init_site(db, make_roles=False).applied, "once the lock is free, site-init goes ahead"
