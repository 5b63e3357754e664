"""The password stays out of logs, the profile and the settings when a sync fails: a wrong
password, an unreachable server, a sync the database refuses; from the desktop (status bar
sync, keyring) and from the headless command ($GONGKAI_DB_PASSWORD)."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from db import database as dbmod
from db.central import roles
from db.sync import state
from desktop.sync import credentials
from desktop.sync.status import StatusWidget
from tests.sync.helpers import central_rows, draft_and_submit, run_main
from tests.sync.desktop_helpers import make_ctx, run_sync
from tests.sync.test_headless_sync import closed_port

SECRET = "Pw-failure-5521-secret"


def files_holding(secret: str, *roots: Path) -> list[Path]:
    return [path for root in roots for path in root.rglob("*")
            if path.is_file() and secret.encode() in path.read_bytes()]


def staff_account(central, suffix: str) -> str:
    account = f"{central.name}_{suffix}"
    roles.create_account(central.db, central.name, account, SECRET, "drafter")
    central.accounts.append(account)
    return account


def failing_site(case: str, request) -> tuple[str, str]:
    """(site URL, password typed) for each way of failing."""
    if case == "unreachable":
        return f"mysql://clerk@127.0.0.1:{closed_port()}/gongkai", SECRET
    central = request.getfixturevalue("mariadb_central")     # the test PostgreSQL trusts any password
    account = staff_account(central, "pw")
    if case == "wrong password":
        return central.account_url(account), "x" + SECRET
    central_rows(central.db, "UPDATE sync_meta SET value = ? WHERE name = 'schema_version'", ("99",))
    return central.account_url(account), SECRET


CASES = ["wrong password", "unreachable", "refused sync"]
SAID = {"wrong password": "用户名或密码不正确", "unreachable": "网络中断或服务器未运行", "refused sync": "结构版本"}


@pytest.mark.parametrize("case", CASES)
def test_a_failed_desktop_sync_leaves_the_password_nowhere(case, request, qtbot, make_client, tmp_path, desks,
                                                           caplog):
    caplog.set_level(logging.DEBUG)
    url, typed = failing_site(case, request)
    client = make_client("drafter").use()
    draft_and_submit("同步失败时的密码")
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    parsed = credentials.parse_url(url)
    credentials.save_url(ctx.settings, parsed)
    credentials.store_password(parsed, typed)
    widget = StatusWidget(ctx, None)
    desks.append((widget, ctx))
    qtbot.addWidget(widget)
    report, error = run_sync(qtbot, widget)
    assert report is None and SAID[case] in str(error), error
    ctx.settings.sync()
    client.use()
    assert typed not in str(error) and typed not in state.get(state.LAST_ERROR)
    assert typed not in caplog.text
    assert files_holding(typed, tmp_path) == []


@pytest.mark.parametrize("case", CASES)
def test_a_failed_headless_sync_leaves_the_password_nowhere(case, request, make_client, tmp_path):
    url, typed = failing_site(case, request)
    client = make_client("drafter").use()
    draft_and_submit("命令行同步失败时的密码")
    dbmod.close()
    home = tmp_path / "home"
    home.mkdir()
    done = run_main("sync", "--profile", str(client.profile.root), "--url", url, password=typed, home=home)
    assert done.returncode == 1 and SAID[case] in done.stderr, done.stderr
    assert typed not in done.stdout + done.stderr
    assert files_holding(typed, tmp_path, dbmod.profiles_home()) == []
