"""`demo`: create or reset the demo profile."""
from __future__ import annotations

NAME = "demo"
HELP = "create (or --reset) the demo profile with sample data from the seed report"


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    parser.add_argument("--reset", action="store_true", help="delete and rebuild an existing demo profile")
    parser.add_argument("--items", type=int, default=300, help="number of sample items (default 300)")


def run(args) -> int:
    from db import demo
    from db.database import profile_named
    from db.errors import DomainError
    from desktop.commands.common import fail
    profile = profile_named(args.profile)
    try:
        counts = demo.build(profile, item_count=args.items, reset=args.reset)
    except DomainError as error:
        return fail(error)
    print(f"演示资料库已创建：{profile.root}")
    print(f"共 {counts['items']} 条信息，其中 {counts['submitted']} 条已提交审核。")
    print(demo.describe_credentials())
    return 0
