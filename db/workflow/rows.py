"""Row writes and lookups on the workflow's hot path, as plain SQL compiled once.

Building a statement with peewee's query builder costs more than SQLite takes to run it,
and so does peewee's row-to-model machinery for a single row; drafting, submitting and
deciding take a dozen statements each, and a leader may bulk-approve a hundred items at
once. These helpers read and write the same rows the models describe, with the SQL text
made once per model (and field list or WHERE clause) and reused, and model instances
filled straight from the row tuples.
"""
from __future__ import annotations

import json
from functools import lru_cache

from peewee import BooleanField

from db import settings
from db.database import database


# Reading ----------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _shape(model) -> tuple[tuple[str, ...], tuple[tuple[str, object], ...]]:
    """Field names in column order, and the few fields whose values need converting
    (SQLite hands back text and integers as they are; booleans come back as 0/1)."""
    fields = model._meta.sorted_fields
    converted = tuple((f.name, f.python_value) for f in fields if isinstance(f, BooleanField))
    return tuple(f.name for f in fields), converted


@lru_cache(maxsize=None)
def columns(model, alias: str = "") -> str:
    """The SELECT list of every column of `model`, in the order build() expects."""
    prefix = f'"{alias}".' if alias else ""
    return ", ".join(f'{prefix}"{f.column_name}"' for f in model._meta.sorted_fields)


def width(model) -> int:
    """How many values of a joined row belong to one model (see build)."""
    return len(model._meta.sorted_fields)


def build(model, values):
    """A model instance from the values of columns(model), as peewee itself would load it."""
    names, converted = _shape(model)
    data = dict(zip(names, values))
    for name, convert in converted:
        if data[name] is not None:
            data[name] = convert(data[name])
    instance = model.__new__(model)
    instance.__data__, instance._dirty, instance.__rel__ = data, set(), {}
    return instance


@lru_cache(maxsize=None)
def _select_sql(model, where: str) -> str:
    return f'SELECT {columns(model)} FROM "{model._meta.table_name}" WHERE {where}'


def one(model, where: str, *params):
    """The first row of `model` matching a WHERE clause (with ? parameters), or None."""
    row = database.execute_sql(_select_sql(model, where) + " LIMIT 1", params).fetchone()
    return build(model, row) if row is not None else None


def many(model, where: str, *params) -> list:
    """Every row of `model` matching a WHERE clause (it may end with ORDER BY)."""
    return [build(model, row) for row in database.execute_sql(_select_sql(model, where), params)]


def first(model, sql: str, *params):
    """The first row of a plain SELECT of `model`'s columns, as a model instance, or None.
    (Slower than one(): peewee maps the columns by name. For queries one() cannot say.)"""
    return next(iter(model.raw(sql, *params)), None)


def setting_values(*keys: str) -> list:
    """Several settings in one statement, with db.settings' defaults."""
    marks = ", ".join("?" for _ in keys)
    found = dict(database.execute_sql(f'SELECT "key", "value" FROM "setting" WHERE "key" IN ({marks})', keys).fetchall())
    return [json.loads(found[key]) if key in found else settings.DEFAULTS.get(key) for key in keys]


# An upsert changes the value in place; INSERT OR REPLACE would delete and re-insert the
# row, rewriting the key's index page too.
PUT_SETTING_SQL = ('INSERT INTO "setting" ("key", "value") VALUES (?, ?) '
                   'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"')


def put_setting(key: str, value) -> None:
    """db.settings.put as one plain statement (same JSON text)."""
    database.execute_sql(PUT_SETTING_SQL, (key, json.dumps(value, ensure_ascii=False)))


# Writing ----------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _insert_sql(model) -> tuple[str, tuple]:
    fields = tuple(f for f in model._meta.sorted_fields if not (f.primary_key and f.field_type == "AUTO"))
    columns_ = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({columns_}) VALUES ({marks})', fields


def insert(instance):
    """Insert a new model instance (its defaults are already filled in by the constructor).
    An auto-increment key is set from the new row."""
    sql, fields = _insert_sql(type(instance))
    data = instance.__data__
    cursor = database.execute_sql(sql, [f.db_value(data.get(f.name)) for f in fields])
    pk = type(instance)._meta.primary_key
    if pk.field_type == "AUTO":
        data[pk.name] = cursor.lastrowid
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
