"""The MySQL driver loads when first used, not when peewee is imported.

peewee imports PyMySQL as soon as it is itself imported, and PyMySQL pulls in the
cryptography package: about a tenth of a second on every start of the workstation,
which needs the driver only when it syncs with a MariaDB/MySQL central database.
`defer_imports()` (main.py calls it before anything imports peewee) imports peewee with
PyMySQL held back, then hands peewee a stand-in that imports PyMySQL on first use.
peewee touches the driver only as `mysql.connect(...)` and `mysql.Binary`.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys


class DeferredModule:
    """Stands in for a module; the first attribute looked up imports the real one."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<deferred module {self._name!r}>"


def defer_imports() -> None:
    if "peewee" in sys.modules or "pymysql" in sys.modules or importlib.util.find_spec("pymysql") is None:
        return
    sys.modules["pymysql"] = None          # peewee's `import pymysql` fails fast …
    try:
        import peewee
    finally:
        del sys.modules["pymysql"]         # … and the real import works again afterwards
    if peewee.mysql is None:
        peewee.mysql = DeferredModule("pymysql")
