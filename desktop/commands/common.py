"""Helpers shared by subcommands: the --profile option and opening it."""
from __future__ import annotations

import argparse
import sys

from db.database import Profile, open_profile, profile_named
from db.errors import DomainError

DEFAULT_PROFILE = "demo"


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEFAULT_PROFILE,
                        help="profile name or folder path (default: demo)")


def open_named(name: str) -> Profile:
    return open_profile(profile_named(name))


def fail(error: DomainError | str) -> int:
    print(f"错误：{error}", file=sys.stderr)
    return 1
