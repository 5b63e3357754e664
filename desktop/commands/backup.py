"""`backup`: take a backup now, list backups, or restore one."""
from __future__ import annotations

NAME = "backup"
HELP = "take, list (--list) or restore (--restore N) rotating backups of a profile"


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    parser.add_argument("--list", action="store_true", help="list backups, newest first")
    parser.add_argument("--restore", type=int, metavar="N", help="restore backup number N from --list")


def run(args) -> int:
    from db import backup
    from db.database import open_profile, profile_named
    from db.errors import DomainError
    from desktop.commands.common import fail
    profile = profile_named(args.profile)
    backups = backup.list_backups(profile)
    if args.list:
        for number, item in enumerate(backups, start=1):
            print(f"{number:>3}  {item.taken_at:%Y-%m-%d %H:%M:%S}  {item.size / 1e6:.1f} MB  {item.path.name}")
        return 0
    try:
        if args.restore:
            if not 1 <= args.restore <= len(backups):
                return fail(f"没有第 {args.restore} 个备份")
            moved = backup.restore(profile, backups[args.restore - 1])
            print(f"已从备份恢复；原文件保存在 {moved}" if moved else "已从备份恢复")
            return 0
        open_profile(profile)
        taken = backup.backup_now(profile)
    except DomainError as error:
        return fail(error)
    print(f"已备份到 {taken.path}")
    return 0
