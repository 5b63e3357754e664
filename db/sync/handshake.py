"""Handshake: before any write, make sure this is our central database and its schema fits.

The first successful sync pins the central database's instance id in the profile; any
later database with another id is refused (it is somebody else's, or a restored copy),
and a database without sync_meta has not been set up with `site-init`.
"""
from __future__ import annotations

from dataclasses import dataclass

from peewee import Database

from db.sync import state
from db.sync.errors import EmptyDatabase, SchemaMismatch, WrongDatabase

CLIENT_VERSION = 2
SUPPORTED_SCHEMAS = (2, 2)     # the central schema versions this client can work with


@dataclass(frozen=True)
class Handshake:
    instance_id: str
    schema_version: int
    first_contact: bool


def read_meta(central: Database) -> dict[str, str]:
    if "sync_meta" not in central.get_tables():
        raise EmptyDatabase("网站数据库是空的（尚未初始化），请管理员先运行 site-init；本地工作已保存，未写入任何数据",
                            "The site database is empty (not initialised): ask an administrator to run site-init. "
                            "Local work is kept; nothing was written")
    return dict(central.execute_sql("SELECT name, value FROM sync_meta").fetchall())


def check(central: Database) -> Handshake:
    """Raises a SyncStopped subclass when this client must not write to `central`."""
    meta = read_meta(central)
    instance, version = meta.get("instance_id", ""), int(meta.get("schema_version", "0") or 0)
    low, high = SUPPORTED_SCHEMAS
    if version > high:
        raise SchemaMismatch(f"网站数据库的结构版本（{version}）比本工作站新，请先升级本工作站；本地工作已保存，未写入任何数据",
                             f"The site database schema ({version}) is newer than this workstation supports ({high}); "
                             "update the workstation. Local work is kept; nothing was written")
    if version < low:
        raise SchemaMismatch(f"网站数据库的结构版本（{version}）过旧，请管理员运行 site-init 升级；本地工作已保存，未写入任何数据",
                             f"The site database schema ({version}) is older than supported ({low}); "
                             "ask an administrator to run site-init. Local work is kept; nothing was written")
    minimum = int(meta.get("min_client_version", "0") or 0)
    if minimum > CLIENT_VERSION:
        raise SchemaMismatch("本工作站版本过旧，网站数据库要求更新的版本，请升级后再同步；本地工作已保存",
                             "This workstation is older than the site database requires; update it. Local work is kept")
    pinned = state.get(state.INSTANCE_ID)
    if pinned and pinned != instance:
        raise WrongDatabase("连接的不是本资料库原来同步的网站数据库（数据库标识不一致），为防止数据混乱未写入任何数据；"
                            "请管理员检查连接设置",
                            "This is not the site database this profile syncs with (the instance id differs); "
                            "nothing was written. Ask an administrator to check the connection settings")
    return Handshake(instance, version, first_contact=not pinned)


def pin(result: Handshake) -> None:
    """Remember the central database after the first successful sync."""
    if result.first_contact:
        state.put(state.INSTANCE_ID, result.instance_id)
