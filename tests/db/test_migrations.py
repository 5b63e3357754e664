"""The numbered migration chain builds exactly the schema the models describe."""
from __future__ import annotations

import importlib
import pkgutil

import db
from db import database as dbmod
from db.models import BaseModel


def all_models() -> list[type]:
    """Every model bound to the profile database, wherever in db/ it is defined."""
    for module in pkgutil.walk_packages(db.__path__, "db."):
        importlib.import_module(module.name)
    found, todo = [], list(BaseModel.__subclasses__())
    while todo:
        model = todo.pop()
        found.append(model)
        todo.extend(model.__subclasses__())
    return sorted(found, key=lambda m: m._meta.table_name)


ALL_MODELS = all_models()


def table_shape(db, table: str) -> set[tuple]:
    columns = {(c.name, c.data_type.upper(), c.null, c.primary_key) for c in db.get_columns(table)}
    indexes = {(tuple(i.columns), i.unique) for i in db.get_indexes(table)}
    return columns | {("index",) + i for i in indexes}


def test_chain_matches_models(tmp_path):
    dbmod.open_profile(dbmod.Profile(tmp_path / "migrated"), create=True)
    migrated = {m._meta.table_name: table_shape(dbmod.database, m._meta.table_name) for m in ALL_MODELS}
    dbmod.close()

    dbmod.database.init(str(tmp_path / "from-models.sqlite"))
    dbmod.database.create_tables(ALL_MODELS)
    expected = {m._meta.table_name: table_shape(dbmod.database, m._meta.table_name) for m in ALL_MODELS}
    dbmod.close()
    assert migrated == expected


def test_migrations_run_once(tmp_path):
    profile = dbmod.Profile(tmp_path / "p")
    dbmod.open_profile(profile, create=True)
    assert dbmod.migrate() == []
    applied = [m.name for m in dbmod.migration_runner().status() if m.applied]
    assert applied[0] == "0001_initial"
    dbmod.close()
