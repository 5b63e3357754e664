"""`gui`: open the workstation (the default when no subcommand is given)."""
from __future__ import annotations

NAME = "gui"
HELP = "open the workstation (default); creates the demo profile on first run"


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    parser.add_argument("--user", help="user name to put in the login box")
    parser.add_argument("--language", choices=("zh_CN", "en"), help="interface language for this run")


def run(args) -> int:
    from desktop.app import run_app
    return run_app(args)
