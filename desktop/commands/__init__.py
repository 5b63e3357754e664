"""Command-line subcommands of main.py.

Each module here defines NAME, HELP, add_arguments(parser) and run(args) -> exit status,
and keeps heavy imports (Qt, reportlab, database drivers) inside run() so `--help` is quick.
"""
from __future__ import annotations

import importlib

MODULES = ("gui", "demo", "import_items", "backup", "audit", "check", "site_init", "sync", "slip", "cards")


def load_all():
    return [importlib.import_module(f"desktop.commands.{name}") for name in MODULES]
