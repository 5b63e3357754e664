"""The server drivers (PyMySQL, psycopg2) load when first used, not when peewee is imported.

peewee imports every driver it knows as soon as it is itself imported: PyMySQL (which pulls
in the cryptography package) and psycopg2 (its C extension, ssl, ipaddress and more),
together about a tenth of a second on every start of the workstation, which needs them
only when it syncs with a MariaDB/MySQL or PostgreSQL central database.

`defer_imports()` runs when the `db` package is first imported (db/__init__.py), before
anything imports peewee. It imports peewee with the drivers held back, then:

* hands peewee a stand-in for PyMySQL that imports it on first use (peewee touches the
  driver only as `mysql.connect(...)` and `mysql.Binary`);
* makes peewee's psycopg2 adapter load psycopg2 when the first one is made, that is when a
  PostgresqlDatabase is created, before it can connect. Loading does what peewee's own
  import would have done: the module, its extensions, the Json wrapper, the UUID adapter
  and the adapter's transaction-status constants.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import threading

HELD_BACK = ("pymysql", "psycopg2")
_loading = threading.Lock()


class DeferredModule:
    """Stands in for a module; the first attribute looked up imports the real one."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<deferred module {self._name!r}>"


def defer_imports() -> None:
    """Import peewee without its server drivers (nothing to do once peewee is imported)."""
    if "peewee" in sys.modules:
        return
    held = [name for name in HELD_BACK if name not in sys.modules and importlib.util.find_spec(name) is not None]
    for name in held:
        sys.modules[name] = None          # peewee's `import …` fails fast …
    try:
        import peewee
    finally:
        for name in held:
            del sys.modules[name]         # … and the real import works again afterwards
    if "pymysql" in held and peewee.mysql is None:
        peewee.mysql = DeferredModule("pymysql")
    if "psycopg2" in held and peewee.psycopg2 is None:
        _load_psycopg2_with_first_adapter(peewee)


def _load_psycopg2_with_first_adapter(peewee) -> None:
    adapter_init = peewee.Psycopg2Adapter.__init__

    def init_after_loading(adapter) -> None:
        load_psycopg2(peewee)
        adapter_init(adapter)
    peewee.Psycopg2Adapter.__init__ = init_after_loading


def load_psycopg2(peewee) -> None:
    """Give peewee the psycopg2 objects its import would have set up (once)."""
    with _loading:
        if peewee.psycopg2 is not None:
            return
        import psycopg2
        from psycopg2 import extensions, extras
        extras.register_uuid()
        adapter = peewee.Psycopg2Adapter
        adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
        adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
        adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
        peewee.pg_extensions, peewee.pg_register_uuid, peewee.Json_pg2 = extensions, extras.register_uuid, extras.Json
        peewee.psycopg2 = psycopg2        # last: it is what says "loaded"
