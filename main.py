"""Gongkai Desk (政务公开审签工作站): the composition root.

Without a subcommand it opens the workstation (creating the demo profile on first run).
`python main.py --help` lists the subcommands.
"""
from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    from desktop.commands import load_all
    parser = argparse.ArgumentParser(prog="main.py", description="政务公开审签工作站 Gongkai Desk")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in load_all():
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from db.drivers import defer_imports
    defer_imports()       # before anything imports peewee: keeps PyMySQL off the start-up path
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv or ["gui"])
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
