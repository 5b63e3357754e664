"""`check`: check text or attachment files for personal data, 密级 markings and listed words."""
from __future__ import annotations

NAME = "check"
HELP = "check files (.txt .csv .html .docx .xlsx .pdf) before publication; exit 1 when anything blocks"


def add_arguments(parser) -> None:
    from db.checks import cli
    cli.add_arguments(parser)
    parser.add_argument("--profile", default=None,
                        help="use the word lists of this profile (default: the lists shipped with the program)")


def run(args) -> int:
    import sys

    from db.checks import cli
    from db.errors import DomainError
    from desktop.commands.common import fail
    try:
        context = _profile_context(args.profile) if args.profile else None
    except DomainError as error:
        return fail(error)
    status, results = cli.check_files(args.files, context)
    if results is None:
        return status
    try:
        cli.report(results, args.json, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()        # the reader (e.g. `| head`) has all it wanted
    return status


def _profile_context(name: str):
    from db.checks import service
    from desktop.commands.common import open_named
    open_named(name)
    return service.context_for_profile()


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit doesn't raise into a closed pipe."""
    import os
    import sys
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
