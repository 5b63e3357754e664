"""`import`: items from a CSV or JSON file, all or nothing."""
from __future__ import annotations

NAME = "import"
HELP = "import items from a CSV or JSON file (every row is checked first; a bad file changes nothing)"


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    parser.add_argument("file", help="CSV (UTF-8 or GB18030, header row) or JSON array of items")
    parser.add_argument("--user", required=True, help="the drafter the items are created for")
    parser.add_argument("--dry-run", action="store_true", help="only check the file")


def run(args) -> int:
    from pathlib import Path

    from db import auth, importer
    from db.errors import DomainError
    from desktop.commands.common import fail, open_named
    path = Path(args.file)
    if not path.is_file():
        return fail(f"找不到文件：{path}")
    try:
        open_named(args.profile)
        user = auth.find_user(args.user)
        if user is None:
            return fail(f"用户“{args.user}”不存在")
        report = importer.import_file(path, user, dry_run=args.dry_run)
    except DomainError as error:
        return fail(error)
    for problem in report.problems:
        print(f"{problem.where()}：{problem.message}")
    if not report.ok:
        bad_rows = len({p.line for p in report.problems if not p.header})
        header = "表头有误，" if any(p.header for p in report.problems) else ""
        print(f"共 {report.rows} 行，{header}{bad_rows} 行有错误，未导入任何信息。")
        return 1
    verb = "检查通过" if args.dry_run else "已导入"
    print(f"{verb} {report.imported if not args.dry_run else report.rows} 条信息。")
    return 0
