"""Row writes and lookups on the workflow's hot path, as plain SQL compiled once.

Building a statement with peewee's query builder costs about as much as running it on
SQLite; deciding on an item takes a dozen statements, and a leader may bulk-approve a
hundred items at once. These helpers write the same rows the models describe, with the
SQL text made once per model (and field list) and reused.
"""
from __future__ import annotations

import json
from functools import lru_cache

from db import settings
from db.database import database


@lru_cache(maxsize=None)
def _insert_sql(model) -> tuple[str, tuple]:
    fields = tuple(f for f in model._meta.sorted_fields if not (f.primary_key and f.field_type == "AUTO"))
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})', fields


def insert(instance):
    """Insert a new model instance (its defaults are already filled in by the constructor)."""
    sql, fields = _insert_sql(type(instance))
    data = instance.__data__
    database.execute_sql(sql, [f.db_value(data.get(f.name)) for f in fields])
    return instance


@lru_cache(maxsize=None)
def _update_sql(model, names: tuple[str, ...]) -> tuple[str, tuple]:
    fields = tuple(model._meta.fields[name] for name in names)
    pk = model._meta.primary_key
    assignments = ", ".join(f'"{f.column_name}" = ?' for f in fields)
    return f'UPDATE "{model._meta.table_name}" SET {assignments} WHERE "{pk.column_name}" = ?', fields


def update(instance, *names: str) -> None:
    """Write back the named fields of an existing row."""
    sql, fields = _update_sql(type(instance), names)
    data = instance.__data__
    pk = type(instance)._meta.primary_key
    database.execute_sql(sql, [f.db_value(data.get(f.name)) for f in fields] + [pk.db_value(instance.get_id())])


def first(model, sql: str, *params):
    """The first row of a plain SELECT of `model`'s columns, as a model instance, or None."""
    return next(iter(model.raw(sql, *params)), None)


def setting_values(*keys: str) -> list:
    """Several settings in one statement, with db.settings' defaults."""
    marks = ", ".join("?" for _ in keys)
    found = dict(database.execute_sql(f'SELECT "key", "value" FROM "setting" WHERE "key" IN ({marks})', keys).fetchall())
    return [json.loads(found[key]) if key in found else settings.DEFAULTS.get(key) for key in keys]
