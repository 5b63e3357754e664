"""Database roles with least privilege, and staff accounts that hold them.

Role names carry the database name (roles are server-wide on both engines):
`<db>_drafter`, `<db>_section_head`, `<db>_leader`, `<db>_admin`, `<db>_reader`.

| role         | may read                       | may write                                              |
|--------------|--------------------------------|--------------------------------------------------------|
| drafter      | workflow, directory, pub_*     | wf_item, wf_version, sync bookkeeping, blobs            |
| section_head | same                           | as drafter, plus INSERT wf_decision (section-head stage) |
| leader       | same                           | as section_head (any stage); EXECUTE the publication gate |
| admin        | same                           | as drafter, plus the directory tables                   |
| reader       | pub_item, pub_attachment, published_now | nothing                                        |

Accounts are one per person, each holding exactly one role; site-init records the role
of every account it creates in `db_account`, which the wf_decision guard trigger reads
(db.central.routines_v2): an account not listed there may not decide at all. No staff role
holds INSERT/UPDATE/DELETE on pub_item or pub_attachment, nor UPDATE or DELETE on
wf_decision: publication rows are written only inside the gate routines, which run with
their definer's rights and check the approval themselves. SQLite has no accounts; see
db.central.routines.
"""
from __future__ import annotations

from peewee import Database, DatabaseError

from db.central.connect import dialect
from db.central.routines import MYSQL_NOW, PG_NOW
from db.central.routines_v2 import ROUTINES

PG_SIGNATURES = ("gk_publish(VARCHAR)", "gk_withdraw(VARCHAR)", "gk_publish_many(TEXT[])",
                 "gk_withdraw_many(TEXT[])", "gk_decision_guard()")

ROLE_KINDS = ("drafter", "section_head", "leader", "admin", "reader")
DECIDING_KINDS = ("section_head", "leader")
BOOKKEEPING = ("applied_ops", "change_log", "sync_counter", "blob_store")
WORKFLOW = ("wf_item", "wf_version")
DIRECTORY = ("dir_section", "dir_user", "dir_section_leader", "dir_column", "dir_column_section")
STAFF_READS = ("sync_meta", "schema_migrations", "db_account", "index_serial") + BOOKKEEPING + WORKFLOW + ("wf_decision",) + DIRECTORY + (
    "pub_item", "pub_attachment", "published_now")
READER_READS = ("pub_item", "pub_attachment", "published_now")


def role_name(database_name: str, kind: str) -> str:
    return f"{database_name}_{kind}"[:64]


def grants(database_name: str) -> dict[str, list[tuple[str, str]]]:
    """(privileges, table) per role kind; routines are handled per dialect."""
    staff = [("SELECT", t) for t in STAFF_READS]
    writes = [("INSERT, UPDATE", t) for t in BOOKKEEPING + WORKFLOW + ("index_serial",)]
    plan = {
        "drafter": staff + writes,
        "section_head": staff + writes + [("INSERT", "wf_decision")],
        "leader": staff + writes + [("INSERT", "wf_decision")],
        "admin": staff + writes + [("INSERT, UPDATE, DELETE", t) for t in DIRECTORY],
        "reader": [("SELECT", t) for t in READER_READS],
    }
    return plan


# Grants of schema version 1 that version 2 takes back: decisions are insert-only, and
# only section heads and leaders insert them.
OBSOLETE = {"drafter": [("INSERT", "wf_decision")], "admin": [("INSERT", "wf_decision")],
            "leader": [("UPDATE", "wf_decision")]}
EXECUTING_KINDS = ("leader",)


def create_roles(db: Database, database_name: str) -> list[str]:
    """Create (or refresh) the roles and their grants; returns their names."""
    kind = dialect(db)
    if kind == "sqlite":
        return []
    names = []
    for role_kind, privileges in grants(database_name).items():
        role = role_name(database_name, role_kind)
        names.append(role)
        executes = role_kind in EXECUTING_KINDS
        if kind == "mysql":
            _mysql_role(db, database_name, role, privileges, executes)
            _mysql_revoke(db, database_name, role, OBSOLETE.get(role_kind, []))
        else:
            _pg_role(db, role, privileges, executes)
            for privilege, table in OBSOLETE.get(role_kind, []):
                db.execute_sql(f'REVOKE {privilege} ON "{table}" FROM "{role}"')
    return names


def _mysql_role(db, database_name, role, privileges, executes) -> None:
    db.execute_sql(f"CREATE ROLE IF NOT EXISTS `{role}`")
    for privilege, table in privileges:
        db.execute_sql(f"GRANT {privilege} ON `{database_name}`.`{table}` TO `{role}`")
    if executes:
        for routine in ROUTINES:
            db.execute_sql(f"GRANT EXECUTE ON PROCEDURE `{database_name}`.`{routine}` TO `{role}`")


def _mysql_revoke(db, database_name, role, privileges) -> None:
    for privilege, table in privileges:
        try:
            db.execute_sql(f"REVOKE {privilege} ON `{database_name}`.`{table}` FROM `{role}`")
        except DatabaseError:
            pass     # never granted (a site set up with schema version 2): nothing to take back


def _pg_role(db, role, privileges, executes) -> None:
    exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    if not exists:
        db.execute_sql(f'CREATE ROLE "{role}" NOLOGIN')
    db.execute_sql(f'GRANT USAGE ON SCHEMA public TO "{role}"')
    for privilege, table in privileges:
        db.execute_sql(f'GRANT {privilege} ON "{table}" TO "{role}"')
    for routine in PG_SIGNATURES:
        db.execute_sql(f"REVOKE ALL ON FUNCTION {routine} FROM PUBLIC")
        if executes and routine.split("(")[0] in ROUTINES:
            db.execute_sql(f'GRANT EXECUTE ON FUNCTION {routine} TO "{role}"')


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
        exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (account,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        db.cursor().execute(f'{verb} ROLE "{account}" LOGIN PASSWORD %s', (password,))
        db.execute_sql(f'GRANT "{role}" TO "{account}"')
        db.execute_sql(f'GRANT CONNECT ON DATABASE "{database_name}" TO "{account}"')
    else:
        return
    record_account(db, account, role_kind)


def record_account(db: Database, account: str, role_kind: str) -> None:
    """Write down which role an account holds: the decision guard trusts this row."""
    now = (MYSQL_NOW if dialect(db) == "mysql" else PG_NOW).replace("%", "%%")    # beside parameters
    with db.atomic():
        db.execute_sql("DELETE FROM db_account WHERE account = %s", (account,))
        db.execute_sql(f"INSERT INTO db_account (account, role_kind, created_at) VALUES (%s, %s, {now})",
                       (account, role_kind))


def account_kind(db: Database) -> str:
    """What the connected account may do: a role kind, "owner" (the schema's owner or a
    superuser, who may do anything) or "unknown" (not listed: the guard refuses decisions)."""
    kind = dialect(db)
    if kind == "sqlite":
        return "owner"
    session = "SUBSTRING_INDEX(USER(), '@', 1)" if kind == "mysql" else "session_user"
    row = db.execute_sql(f"SELECT role_kind FROM db_account WHERE account = {session}").fetchone()
    if row:
        return row[0]
    return "owner" if _is_owner(db, kind) else "unknown"


def _is_owner(db: Database, kind: str) -> bool:
    if kind == "postgresql":
        row = db.execute_sql("SELECT r.rolsuper OR session_user = (SELECT t.tableowner FROM pg_tables t"
                             " WHERE t.schemaname = 'public' AND t.tablename = 'wf_decision')"
                             " FROM pg_roles r WHERE r.rolname = session_user").fetchone()
        return bool(row and row[0])
    definer = db.execute_sql("SELECT DEFINER FROM information_schema.TRIGGERS"
                             " WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'wf_decision_guard'").fetchone()
    user = db.execute_sql("SELECT SUBSTRING_INDEX(USER(), '@', 1)").fetchone()[0]
    return bool(definer) and definer[0].split("@")[0] == user


def drop_roles(db: Database, database_name: str, accounts: list[str] = ()) -> None:
    """Remove accounts and roles of a database (used when a test database is dropped)."""
    kind = dialect(db)
    for account in accounts:
        db.execute_sql(f"DROP USER IF EXISTS `{account}`@'%%'" if kind == "mysql" else f'DROP ROLE IF EXISTS "{account}"')
    for role_kind in ROLE_KINDS:
        role = role_name(database_name, role_kind)
        db.execute_sql(f"DROP ROLE IF EXISTS `{role}`" if kind == "mysql" else f'DROP ROLE IF EXISTS "{role}"')
