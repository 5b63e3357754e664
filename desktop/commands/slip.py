"""`slip`: save the approval slip (审批单) of an item as PDF."""
from __future__ import annotations

NAME = "slip"
HELP = "save the approval slip (审批单) of an item, found by its index number or id, as PDF"


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    parser.add_argument("item", help="索引号 (index number) or item id")
    parser.add_argument("--version", type=int, help="version number (default: the latest)")
    parser.add_argument("--out", required=True, help="PDF file to write")


def run(args) -> int:
    from pathlib import Path

    from db.errors import DomainError
    from db.models import Item
    from db.workflow import slip
    from desktop.commands.common import fail, open_named
    from forms.slips import render_slip
    try:
        open_named(args.profile)
    except DomainError as error:
        return fail(error)
    item = Item.get_or_none((Item.index_no == args.item) | (Item.id == args.item))
    if item is None or not item.latest_version_no:
        return fail(f"找不到已提交的信息：{args.item}")
    result = render_slip(slip.slip_data(item.id, args.version))
    Path(args.out).write_bytes(result.pdf)
    for warning in result.warnings:
        print(f"注意：{warning}")
    print(f"审批单已保存：{args.out}（{result.pages} 页）")
    return 0
