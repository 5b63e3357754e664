"""What keeps the workstation's start quick: what it does not load, and what it does later.

The start-up bench (bench/bench_startup_search.py) measures the time; these tests guard the
structure that time depends on, in fresh processes where sys.modules tells the truth.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import WINDOW_MODULES
from desktop.backups import Upkeep

ROOT = Path(__file__).resolve().parents[2]

# Loaded only when needed: server drivers when syncing with MariaDB/PostgreSQL, the keyring
# when a password is needed, reportlab when printing, the sync engine when syncing.
NOT_AT_START = ("pymysql", "cryptography", "psycopg2", "keyring", "reportlab", "playhouse", "db.sync.engine")

# Runs `main.py gui` on a profile with the login dialog replaced by a direct look-up, waits
# until the first page and the status bar have their data, then reports what is loaded.
START_SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
from desktop import app

def log_in(ctx, username=""):
    from db.models import User
    return User.get(User.username == {user!r})

def open_window(ctx):
    from PyQt6.QtCore import QTimer
    window, upkeep = opened(ctx)
    def done():
        page = window.current_page()
        loaded = getattr(page, "loaded_once", None)
        if loaded is None:
            loaded = page.filters.total.text().startswith("共")
        status = window.status_widgets
        counts = status.get("queue")
        if not (loaded and window.status_widgets_ready() and "正在" not in status["sync"].label.text()
                and (counts is None or "正在" not in counts.text())):
            return
        timer.stop()
        print(json.dumps({{"page": type(page).__module__, "modules": sorted(sys.modules)}}), flush=True)
        window.close()
    timer = QTimer(window)
    timer.timeout.connect(done)
    timer.start(5)
    return window, upkeep

opened, app.log_in, app.open_window = app.open_window, log_in, open_window
import main
sys.exit(main.main(["gui", "--profile", {profile!r}, "--language", "zh_CN"]))
"""


def start_workstation(profile_root: Path, user: str, config: Path) -> dict:
    script = START_SCRIPT.format(root=str(ROOT), user=user, profile=str(profile_root))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def profile_copy(template_profile, tmp_path) -> Path:
    root = tmp_path / "profile"
    root.mkdir()
    shutil.copyfile(template_profile / "profile.sqlite", root / "profile.sqlite")
    return root


@pytest.mark.parametrize("user, first_page", [("liuyang", "desktop.pages.items_page"),
                                              ("wangjianguo", "desktop.pages.queue_page")])
def test_a_started_workstation_has_not_loaded_drivers_keyring_or_reportlab(profile_copy, tmp_path, user, first_page):
    started = start_workstation(profile_copy, user, tmp_path / "config")
    assert started["page"] == first_page
    loaded = [name for name in started["modules"] if name.split(".")[0] in NOT_AT_START or name in NOT_AT_START]
    assert loaded == [], f"loaded at start-up: {loaded}"
    assert "desktop.main_window" in started["modules"], "the window really was built"


DRIVER_SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
import db, peewee
before = sorted(name for name in ("psycopg2", "pymysql") if name in sys.modules)
postgres = peewee.PostgresqlDatabase("gongkai", host="127.0.0.1")
import psycopg2.extensions, psycopg2.extras
adapter = postgres._adapter
print(json.dumps({{
    "before": before,
    "json_type": adapter.json_type is psycopg2.extras.Json,
    "status": [adapter.txn_idle, adapter.txn_inerror, adapter.txn_unknown] == [
        psycopg2.extensions.TRANSACTION_STATUS_IDLE, psycopg2.extensions.TRANSACTION_STATUS_INERROR,
        psycopg2.extensions.TRANSACTION_STATUS_UNKNOWN],
    "driver": peewee.psycopg2 is psycopg2,
    "mysql_connect": peewee.mysql.connect is __import__("pymysql").connect,
}}))
"""


def test_server_drivers_load_when_a_server_database_is_made_not_with_peewee():
    result = subprocess.run([sys.executable, "-c", DRIVER_SCRIPT.format(root=str(ROOT))], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    facts = json.loads(result.stdout)
    assert facts["before"] == [], "importing db (and peewee) loads no server driver"
    assert facts["driver"] and facts["json_type"] and facts["status"], \
        "a PostgresqlDatabase gets psycopg2 set up as peewee's own import would have"
    assert facts["mysql_connect"], "PyMySQL is there on first use"


PARSER_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import main
args = main.build_parser("gui").parse_args(["gui", "--profile", "office", "--user", "liuyang"])
print(args.profile, args.user, "db.checks" in sys.modules)
"""


def test_starting_the_workstation_sets_up_only_the_gui_options():
    result = subprocess.run([sys.executable, "-c", PARSER_SCRIPT.format(root=str(ROOT))], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["office", "liuyang", "False"], result.stderr[-2000:]


def test_every_command_keeps_its_options():
    import main
    parser = main.build_parser()
    assert parser.parse_args(["check", "a.txt", "--json"]).json is True
    assert main.build_parser("check").parse_args(["check", "a.txt"]).files == ["a.txt"]
    assert main.build_parser("import").parse_args(["import", "f.csv", "--user", "u"]).dry_run is False


LOGIN_SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
from PyQt6.QtCore import QSettings, QTimer
from PyQt6.QtWidgets import QApplication
from db.database import Profile, open_profile
from desktop import app
application = app.make_application(sys.argv[:1])
ctx = app.build_context(Profile(__import__("pathlib").Path({profile!r})), "zh_CN",
                        QSettings({settings!r}, QSettings.Format.IniFormat))
open_profile(ctx.profile)
before = "desktop.main_window" in sys.modules
QTimer.singleShot(1500, lambda: QApplication.activeModalWidget().reject())   # nobody types
user = app.log_in(ctx, "liuyang")
print(json.dumps({{"before": before, "user": user, "after": [m in sys.modules for m in app.WINDOW_MODULES]}}))
app.shutdown(ctx)
"""


def test_the_window_modules_load_while_the_login_dialog_waits(profile_copy, tmp_path):
    script = LOGIN_SCRIPT.format(root=str(ROOT), profile=str(profile_copy), settings=str(tmp_path / "s.ini"))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-2000:]
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts == {"before": False, "user": None, "after": [True] * len(WINDOW_MODULES)}


def test_upkeep_waits_for_the_window_to_settle_and_exit_cancels_the_wait(qtbot, ctx):
    from db import backup
    upkeep = Upkeep(ctx.profile, ctx.hub)
    upkeep.start_later(60_000)
    upkeep.finish(final_backup=False)              # closed before the check was due
    qtbot.wait(50)
    assert backup.list_backups(ctx.profile) == [], "a cancelled start takes no backup"
    later = Upkeep(ctx.profile, ctx.hub)
    with qtbot.waitSignal(later.backed_up, timeout=10_000):
        later.start_later(20)
    later.finish(final_backup=False)
