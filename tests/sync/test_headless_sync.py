"""`python main.py sync --profile P` as a script runs it: a real subprocess, its exit status
and its words, and the profile's outbox afterwards."""
from __future__ import annotations

import socket

from db import database as dbmod
from db.central import roles, siteinit
from db.central.connect import open_central
from tests.sync.helpers import central_rows, draft_and_submit, pending_ops, run_main

SECRET = "Hs-7741-headless-secret"


def submitted_offline(client, title: str) -> None:
    """Work waiting in the outbox; the profile is closed so the subprocess owns it."""
    client.use()
    draft_and_submit(title)
    dbmod.close()


def still_pending(client) -> list[str]:
    client.use()
    return [op.kind for op in pending_ops()]


def closed_port() -> int:
    """A local port nobody listens on (taken and released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_successful_sync_exits_zero_and_says_what_it_did(sqlite_central, make_client):
    client = make_client("drafter")
    submitted_offline(client, "命令行同步的公告")
    done = run_main("sync", "--profile", str(client.profile.root), "--url", sqlite_central.url)
    assert done.returncode == 0, done.stderr
    assert "同步完成" in done.stdout and "上传 1 项" in done.stdout, done.stdout
    assert still_pending(client) == []
    assert central_rows(sqlite_central.db, "SELECT title FROM wf_version") == [("命令行同步的公告",)]


def test_an_unreachable_server_exits_non_zero_and_keeps_the_outbox(make_client):
    client = make_client("drafter")
    submitted_offline(client, "服务器未运行")
    done = run_main("sync", "--profile", str(client.profile.root),
                    "--url", f"mysql://clerk@127.0.0.1:{closed_port()}/gongkai", password=SECRET)
    assert done.returncode == 1
    assert "无法连接网站数据库（网络中断或服务器未运行）" in done.stderr and "本地工作已保存" in done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert still_pending(client) == ["version.submit"]


def test_a_wrong_database_exits_non_zero_and_writes_nothing(sqlite_central, make_client, tmp_path):
    client = make_client("drafter")
    client.sync(sqlite_central.db)          # pins this site's instance id
    submitted_offline(client, "不应写入别的库")
    other = open_central(f"sqlite:///{tmp_path / 'other.sqlite'}")
    siteinit.init_site(other)
    done = run_main("sync", "--profile", str(client.profile.root), "--url", f"sqlite:///{other.database}")
    assert done.returncode == 1
    assert "连接的不是本资料库原来同步的网站数据库" in done.stderr and "未写入任何数据" in done.stderr
    assert central_rows(other, "SELECT count(*) FROM change_log") == [(0,)]
    assert still_pending(client) == ["version.submit"]


def test_an_empty_database_exits_non_zero_and_asks_for_site_init(make_client, tmp_path):
    client = make_client("drafter")
    submitted_offline(client, "空库")
    empty = tmp_path / "empty.sqlite"
    done = run_main("sync", "--profile", str(client.profile.root), "--url", f"sqlite:///{empty}")
    assert done.returncode == 1
    assert "site-init" in done.stderr and "未写入任何数据" in done.stderr
    assert open_central(f"sqlite:///{empty}").get_tables() == []
    assert still_pending(client) == ["version.submit"]


def test_a_wrong_password_exits_non_zero_in_plain_words(mariadb_central, make_client):
    """MariaDB only: the test PostgreSQL server trusts every local login, so no password is wrong there."""
    account = f"{mariadb_central.name}_hd"
    roles.create_account(mariadb_central.db, mariadb_central.name, account, SECRET, "drafter")
    mariadb_central.accounts.append(account)
    client = make_client("drafter")
    submitted_offline(client, "密码错误")
    done = run_main("sync", "--profile", str(client.profile.root),
                    "--url", mariadb_central.account_url(account), password="not-" + SECRET)
    assert done.returncode == 1
    assert "用户名或密码不正确" in done.stderr and "本地工作已保存" in done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert still_pending(client) == ["version.submit"]
    assert central_rows(mariadb_central.db, "SELECT count(*) FROM applied_ops") == [(0,)]
