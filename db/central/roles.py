"""Database roles with least privilege, and staff accounts that hold them.

Role names carry the database name (roles are server-wide on both engines):
`<db>_drafter`, `<db>_leader`, `<db>_admin`, `<db>_reader`.

| role    | may read                       | may write                                          |
|---------|--------------------------------|----------------------------------------------------|
| drafter | workflow, directory, pub_*     | wf_item, wf_version, wf_decision (insert: section-head stage), sync bookkeeping, blobs |
| leader  | same                           | as drafter, plus decision status; EXECUTE gk_publish / gk_withdraw |
| admin   | same                           | as drafter, plus the directory tables               |
| reader  | pub_item, pub_attachment, published_now | nothing                                   |

No staff role holds INSERT/UPDATE/DELETE on pub_item or pub_attachment: publication rows
are written only inside gk_publish/gk_withdraw, which run with their definer's rights and
check the approval themselves. SQLite has no accounts; see db.central.routines.
"""
from __future__ import annotations

from peewee import Database

from db.central.connect import dialect

ROLE_KINDS = ("drafter", "leader", "admin", "reader")
BOOKKEEPING = ("applied_ops", "change_log", "sync_counter", "blob_store")
WORKFLOW = ("wf_item", "wf_version")
DIRECTORY = ("dir_section", "dir_user", "dir_section_leader", "dir_column", "dir_column_section")
STAFF_READS = ("sync_meta", "schema_migrations") + BOOKKEEPING + WORKFLOW + ("wf_decision",) + DIRECTORY + (
    "pub_item", "pub_attachment", "published_now")
READER_READS = ("pub_item", "pub_attachment", "published_now")


def role_name(database_name: str, kind: str) -> str:
    return f"{database_name}_{kind}"[:64]


def grants(database_name: str) -> dict[str, list[tuple[str, str]]]:
    """(privileges, table) per role kind; routines are handled per dialect."""
    staff = [("SELECT", t) for t in STAFF_READS]
    writes = [("INSERT, UPDATE", t) for t in BOOKKEEPING + WORKFLOW]
    plan = {
        "drafter": staff + writes + [("INSERT", "wf_decision")],
        "leader": staff + writes + [("INSERT, UPDATE", "wf_decision")],
        "admin": staff + writes + [("INSERT", "wf_decision")] + [("INSERT, UPDATE, DELETE", t) for t in DIRECTORY],
        "reader": [("SELECT", t) for t in READER_READS],
    }
    return plan


def create_roles(db: Database, database_name: str) -> list[str]:
    """Create (or refresh) the four roles and their grants; returns their names."""
    kind = dialect(db)
    if kind == "sqlite":
        return []
    names = []
    for role_kind, privileges in grants(database_name).items():
        role = role_name(database_name, role_kind)
        names.append(role)
        if kind == "mysql":
            _mysql_role(db, database_name, role, privileges, executes=role_kind == "leader")
        else:
            _pg_role(db, role, privileges, executes=role_kind == "leader")
    return names


def _mysql_role(db, database_name, role, privileges, executes) -> None:
    db.execute_sql(f"CREATE ROLE IF NOT EXISTS `{role}`")
    for privilege, table in privileges:
        db.execute_sql(f"GRANT {privilege} ON `{database_name}`.`{table}` TO `{role}`")
    if executes:
        for routine in ("gk_publish", "gk_withdraw"):
            db.execute_sql(f"GRANT EXECUTE ON PROCEDURE `{database_name}`.`{routine}` TO `{role}`")


def _pg_role(db, role, privileges, executes) -> None:
    exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    if not exists:
        db.execute_sql(f'CREATE ROLE "{role}" NOLOGIN')
    db.execute_sql(f'GRANT USAGE ON SCHEMA public TO "{role}"')
    for privilege, table in privileges:
        db.execute_sql(f'GRANT {privilege} ON "{table}" TO "{role}"')
    for routine in ("gk_publish", "gk_withdraw"):
        db.execute_sql(f"REVOKE ALL ON FUNCTION {routine}(VARCHAR) FROM PUBLIC")
        if executes:
            db.execute_sql(f'GRANT EXECUTE ON FUNCTION {routine}(VARCHAR) TO "{role}"')


def create_account(db: Database, database_name: str, account: str, password: str, role_kind: str) -> None:
    """A login for one member of staff (or the website) holding exactly one role."""
    if role_kind not in ROLE_KINDS:
        raise ValueError(role_kind)
    role = role_name(database_name, role_kind)
    # The statements carrying the password go through a bare cursor: peewee logs every SQL
    # statement with its parameters at DEBUG level, and the password must never reach a log.
    if dialect(db) == "mysql":
        db.cursor().execute(f"CREATE USER IF NOT EXISTS `{account}`@'%%' IDENTIFIED BY %s", (password,))
        db.execute_sql(f"GRANT `{role}` TO `{account}`@'%%'")
        db.execute_sql(f"SET DEFAULT ROLE `{role}` FOR `{account}`@'%%'")
    elif dialect(db) == "postgresql":
        db.cursor().execute(f'CREATE ROLE "{account}" LOGIN PASSWORD %s IN ROLE "{role}"', (password,))
        db.execute_sql(f'GRANT CONNECT ON DATABASE "{database_name}" TO "{account}"')


def drop_roles(db: Database, database_name: str, accounts: list[str] = ()) -> None:
    """Remove accounts and roles of a database (used when a test database is dropped)."""
    kind = dialect(db)
    for account in accounts:
        db.execute_sql(f"DROP USER IF EXISTS `{account}`@'%%'" if kind == "mysql" else f'DROP ROLE IF EXISTS "{account}"')
    for role_kind in ROLE_KINDS:
        role = role_name(database_name, role_kind)
        db.execute_sql(f"DROP ROLE IF EXISTS `{role}`" if kind == "mysql" else f'DROP ROLE IF EXISTS "{role}"')
