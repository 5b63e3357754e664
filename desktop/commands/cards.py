"""`cards`: guide cards (办事须知卡) of approved guides as one PDF.

    python main.py cards --guide ID [ID …] --layout a6 -o cards.pdf
    python main.py cards --section approval --layout a4x4 -o cards.pdf
    python main.py cards --window "A05号窗口" --layout placard -o cards.pdf

Guides are named by item id or 索引号; a section by its code or name. Only approved
current versions print (db.cards.printing). Guides named one by one must all be
printable: otherwise nothing is written and the reasons are listed (exit 1). A section
or window prints what may print and lists the rest on stderr (exit 2 when some were
left out, 1 when none could print). The font fallback warning goes to stderr. The job is
counted in the audit trail like a print from the workstation (channel "cli").
"""
from __future__ import annotations

NAME = "cards"
HELP = "print guide cards (办事须知卡) of approved guides to a PDF file"
LEFT_OUT = 2


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    chosen = parser.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--guide", nargs="+", metavar="ID", help="item ids or 索引号 of guides")
    chosen.add_argument("--section", help="all guides of a section (code or name)")
    chosen.add_argument("--window", help="all guides handled at a window (as written in the guides)")
    parser.add_argument("--layout", choices=("a6", "a4x4", "placard"), default="a6",
                        help="a6: one A6 card per page; a4x4: four A6 cards on A4 with crop marks; "
                             "placard: an A4 window placard (default: a6)")
    parser.add_argument("-o", "--out", required=True, help="PDF file to write")
    parser.add_argument("--template", help="card template by name (default: the one the layout prints with)")
    parser.add_argument("--copies", type=int, default=1, help="cards of each guide (default: 1)")


def run(args) -> int:
    import sys

    from db.errors import DomainError
    from desktop.commands.common import fail, open_named
    try:
        open_named(args.profile)
        return _print(args, sys.stderr)
    except DomainError as error:
        return fail(error)


def _print(args, err) -> int:
    from pathlib import Path

    from db.cards import index, printing
    from db.cards.printing import PrintedGuide
    from desktop.commands.common import fail
    from desktop.cards.printing import card_of
    from forms.cards import render_cards

    index.refresh()
    ids = _guide_ids(args) if args.guide else _group_ids(args)
    printable, refused = printing.printable_batch(None, ids)
    for refusal in refused:
        print(f"不能打印：{refusal.message}", file=err)
    if args.guide and refused:
        return fail("所列办事指南中有不能打印的，未生成文件")
    if not printable:
        return fail("没有可以打印的办事指南")
    result = render_cards([card_of(g) for g in printable], _template(args), args.layout,
                          copies=max(1, args.copies))
    Path(args.out).write_bytes(result.pdf)
    for warning in result.warnings:
        print(f"注意：{warning}", file=err)
    printing.record_print(None, [PrintedGuide(g.item_id, g.version_no) for g in printable], args.layout,
                          max(1, args.copies), result.pages, channel="cli")
    print(f"办事须知卡已保存：{args.out}（{len(printable)} 项，{result.pages} 页）")
    return LEFT_OUT if refused else 0


def _guide_ids(args) -> list[str]:
    from db.errors import NotFound
    from db.models import Item
    ids = []
    for name in args.guide:
        item = Item.get_or_none((Item.id == name) | (Item.index_no == name))
        if item is None:
            raise NotFound(f"找不到办事指南：{name}", f"No guide {name}")
        ids.append(item.id)
    return ids


def _group_ids(args) -> list[str]:
    from db.cards import index
    from db.errors import NotFound
    from db.models import Section
    if args.window:
        ids = index.ids_at_window(args.window)
        if not ids:
            raise NotFound(f"没有在“{args.window}”办理的办事指南", f"No guides at the window {args.window}")
        return ids
    section = Section.get_or_none((Section.code == args.section) | (Section.name == args.section))
    if section is None:
        raise NotFound(f"找不到科室：{args.section}", f"No section {args.section}")
    return index.ids_of_section(section.id)


def _template(args):
    from db.cards import templates
    from forms.cards import CardTemplate
    stored = templates.by_name(args.template) if args.template else templates.for_layout(args.layout)
    return CardTemplate(stored.name, stored.elements)
