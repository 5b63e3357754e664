"""Opening the central database from a URL, for MariaDB/MySQL, PostgreSQL and SQLite.

The URL never carries the password when it comes from the settings: the password is
passed separately (it lives in the OS keyring) and is never logged or echoed.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from peewee import Database, MySQLDatabase, PostgresqlDatabase, SqliteDatabase

from db.errors import DomainError

SCHEMES = {"mysql": "mysql", "mariadb": "mysql", "postgresql": "postgresql",
           "postgres": "postgresql", "sqlite": "sqlite"}
SQLITE_PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 15000,
                  "synchronous": "normal"}
CONNECT_TIMEOUT = 10


class BadCentralUrl(DomainError):
    pass


@dataclass(frozen=True)
class CentralUrl:
    """A parsed site-database address; `password` is kept out of `display()`."""
    scheme: str            # mysql | postgresql | sqlite
    user: str
    host: str
    port: int | None
    database: str
    password: str = ""

    def display(self) -> str:
        if self.scheme == "sqlite":
            return f"sqlite:///{self.database}"
        who = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme}://{who}{self.host}{port}/{self.database}"

    def keyring_username(self) -> str:
        """The keyring entry's user name: database user @ host (port)."""
        port = f":{self.port}" if self.port else ""
        return f"{self.user}@{self.host}{port}"

    def with_password(self, password: str) -> "CentralUrl":
        return CentralUrl(self.scheme, self.user, self.host, self.port, self.database, password)

    def with_user(self, user: str) -> "CentralUrl":
        return CentralUrl(self.scheme, user, self.host, self.port, self.database, self.password)

    def peewee_url(self) -> str:
        if self.scheme == "sqlite":
            return f"sqlite:///{self.database}"
        auth = quote(self.user, safe="")
        if self.password:
            auth += ":" + quote(self.password, safe="")
        netloc = f"{auth}@{self.host}" if auth else self.host
        if self.port:
            netloc += f":{self.port}"
        return urlunsplit((self.scheme, netloc, "/" + self.database, "", ""))


def parse_url(url: str) -> CentralUrl:
    parts = urlsplit(url.strip())
    scheme = SCHEMES.get(parts.scheme.lower())
    if scheme is None:
        raise BadCentralUrl(f"不支持的网站数据库地址：{parts.scheme or url}（可用 mysql://、mariadb://、postgresql://、sqlite:///）",
                            f"Unsupported site database URL scheme: {parts.scheme or url}")
    if scheme == "sqlite":
        rest = unquote(url.strip().split("://", 1)[1])
        path = rest[1:] if rest.startswith("/") else rest     # sqlite:////abs/path, as peewee reads it
        if not path:
            raise BadCentralUrl("SQLite 地址缺少文件路径", "The SQLite URL needs a file path")
        return CentralUrl("sqlite", "", "", None, path)
    database = parts.path.lstrip("/")
    if not database or not parts.hostname:
        raise BadCentralUrl("网站数据库地址缺少主机或数据库名", "The site database URL needs a host and a database name")
    return CentralUrl(scheme, unquote(parts.username or ""), parts.hostname, parts.port, database,
                      unquote(parts.password or ""))


def open_central(url: CentralUrl | str, password: str | None = None) -> Database:
    """A connected peewee database for the central URL (the password, if any, given apart)."""
    if isinstance(url, str):
        url = parse_url(url)
    if password is not None:
        url = url.with_password(password)
    if url.scheme == "sqlite":
        db = SqliteDatabase(url.database, pragmas=SQLITE_PRAGMAS, timeout=15)
    elif url.scheme == "mysql":
        db = MySQLDatabase(url.database, user=url.user, password=url.password, host=url.host,
                           port=url.port or 3306, charset="utf8mb4", connect_timeout=CONNECT_TIMEOUT,
                           read_timeout=60, write_timeout=60)
    else:
        db = PostgresqlDatabase(url.database, user=url.user, password=url.password or None, host=url.host,
                                port=url.port or 5432, connect_timeout=CONNECT_TIMEOUT)
    db.connect(reuse_if_open=True)
    if dialect(db) == "mysql":
        db.execute_sql("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
        db.execute_sql("SET time_zone = '+00:00'")
    return db


def failure_reason(exc: BaseException) -> tuple[str, str]:
    """A few plain words for why opening the connection failed, in Chinese and English
    (never the URL or the password)."""
    text = str(exc).lower()
    if "unknown database" in text or "database" in text and "does not exist" in text:
        return "数据库不存在", "the database does not exist"
    if "access denied" in text or "authentication" in text or "password" in text or "role" in text:
        return "用户名或密码不正确", "wrong user name or password"
    if "timed out" in text or "timeout" in text:
        return "连接超时", "the connection timed out"
    return "网络中断或服务器未运行", "network down or server not running"


def dialect(db: Database) -> str:
    if isinstance(db, MySQLDatabase):
        return "mysql"
    if isinstance(db, PostgresqlDatabase):
        return "postgresql"
    if isinstance(db, SqliteDatabase):
        return "sqlite"
    raise TypeError(f"unsupported database {type(db).__name__}")


def writing(db: Database):
    """A writing transaction: SQLite takes its write lock up front so writers queue in order."""
    if dialect(db) == "sqlite":
        return db.atomic("IMMEDIATE")
    return db.atomic()
