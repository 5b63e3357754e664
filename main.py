"""Gongkai Desk (政务公开审签工作站): the composition root.

Without a subcommand it opens the workstation (creating the demo profile on first run).
`python main.py --help` lists the subcommands.
"""
from __future__ import annotations

import argparse
import sys


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every subcommand, with its own options only for `command` when that names one (else
    for all): some commands' options take time to set up, and a start of the workstation
    needs none of them."""
    from desktop.commands import load_all
    parser = argparse.ArgumentParser(prog="main.py", description="政务公开审签工作站 Gongkai Desk")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = load_all()
    named = command in {module.NAME for module in modules}
    for module in modules:
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        if not named or module.NAME == command:
            module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    argv = argv or ["gui"]
    args = build_parser(argv[0]).parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
