"""`sync`: one sync of a profile with the site database, for scripts and tests.

The password comes from $GONGKAI_DB_PASSWORD, else the OS keyring (service gongkai-desk,
user name db-user@host), else a prompt when run at a terminal. Exit status 0 on success,
1 when the sync stopped (the reason is printed), 2 when nothing is configured.
"""
from __future__ import annotations

NAME = "sync"
HELP = "run one sync with the site database and exit (non-zero on failure)"


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    parser.add_argument("--url", help="site database URL (default: the one saved in the connection settings)")


def run(args) -> int:
    import os
    import sys

    from db.central.connect import failure_reason, open_central, parse_url
    from db.errors import DomainError
    from db.sync.engine import SyncEngine
    from desktop.commands.common import fail, open_named
    try:
        profile = open_named(args.profile)
        url = parse_url(args.url) if args.url else _saved_url()
        if url is None:
            print("错误：未设置网站数据库地址（使用 --url，或由管理员在“网站数据库连接设置”中设置）", file=sys.stderr)
            return 2
        password = _password(url)
        try:
            central = open_central(url, password)
        except Exception as exc:   # noqa: BLE001 — drivers raise their own types
            return fail(f"无法连接网站数据库（{failure_reason(exc)[0]}），本地工作已保存，未写入任何数据")
        try:
            report = SyncEngine(profile, central, progress=_printer()).run()
        finally:
            central.close()
    except DomainError as error:
        return fail(error)
    print(f"同步完成：{report.summary()}（{report.seconds:.2f} 秒）")
    return 0


def _saved_url():
    from desktop.sync import credentials
    from PyQt6.QtCore import QSettings
    from desktop.app import APPLICATION, ORGANISATION
    return credentials.saved_url(QSettings(ORGANISATION, APPLICATION))


def _password(url) -> str:
    import getpass
    import os
    import sys
    if url.scheme == "sqlite":
        return ""
    if os.environ.get("GONGKAI_DB_PASSWORD") is not None:
        return os.environ["GONGKAI_DB_PASSWORD"]
    if url.password:
        return url.password
    from desktop.sync import credentials
    stored = credentials.password_for(url)
    if stored is not None:
        return stored
    if sys.stdin.isatty():
        return getpass.getpass(f"{url.keyring_username()} 的数据库密码：")
    return ""


def _printer():
    last = {"phase": None}

    def show(phase: str, done: int, total: int) -> None:
        if phase != last["phase"] and phase:
            last["phase"] = phase
            print({"push": "上传本地更改……", "pull": "下载其他工作站的更改……"}.get(phase, phase))
    return show
