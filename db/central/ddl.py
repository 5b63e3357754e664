"""Central schema version 1: the tables, frozen as SQL text per dialect.

Later schema versions add their own statement lists; this one never changes once a site
runs it. Times are UTC ISO-8601 text ('2026-03-01T08:00:00Z'), as in the local profile, so
they sort and compare as text on every engine.
"""
from __future__ import annotations

TYPES = {
    "mysql": {"text": "LONGTEXT", "blob": "LONGBLOB", "tail": " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
    "postgresql": {"text": "TEXT", "blob": "BYTEA", "tail": ""},
    "sqlite": {"text": "TEXT", "blob": "BLOB", "tail": ""},
}

TABLES_V1 = (
    "CREATE TABLE sync_meta (name VARCHAR(64) NOT NULL PRIMARY KEY, value VARCHAR(255) NOT NULL)",
    "CREATE TABLE sync_counter (id INTEGER NOT NULL PRIMARY KEY, seq BIGINT NOT NULL)",
    "CREATE TABLE schema_migrations (name VARCHAR(100) NOT NULL PRIMARY KEY, applied_at VARCHAR(20) NOT NULL)",
    "CREATE TABLE applied_ops (op_id VARCHAR(32) NOT NULL PRIMARY KEY, kind VARCHAR(64) NOT NULL,"
    " result {text} NOT NULL, applied_at VARCHAR(20) NOT NULL)",
    "CREATE TABLE change_log (seq BIGINT NOT NULL PRIMARY KEY, entity VARCHAR(32) NOT NULL,"
    " entity_id VARCHAR(64) NOT NULL, op VARCHAR(16) NOT NULL, payload {text} NOT NULL, at VARCHAR(20) NOT NULL)",
    "CREATE TABLE blob_store (sha256 VARCHAR(64) NOT NULL PRIMARY KEY, size BIGINT NOT NULL, data {blob} NOT NULL,"
    " added_at VARCHAR(20) NOT NULL)",
    "CREATE TABLE dir_section (id VARCHAR(32) NOT NULL PRIMARY KEY, code VARCHAR(255) NOT NULL UNIQUE,"
    " name VARCHAR(255) NOT NULL, sort_order INTEGER NOT NULL, active INTEGER NOT NULL, updated_at VARCHAR(20) NOT NULL)",
    "CREATE TABLE dir_user (id VARCHAR(32) NOT NULL PRIMARY KEY, username VARCHAR(255) NOT NULL UNIQUE,"
    " display_name VARCHAR(255) NOT NULL, role VARCHAR(32) NOT NULL, section_id VARCHAR(32),"
    " password_hash VARCHAR(255) NOT NULL, active INTEGER NOT NULL, updated_at VARCHAR(20) NOT NULL)",
    "CREATE TABLE dir_section_leader (section_id VARCHAR(32) NOT NULL, leader_id VARCHAR(32) NOT NULL,"
    " PRIMARY KEY (section_id, leader_id))",
    "CREATE TABLE dir_column (id VARCHAR(32) NOT NULL PRIMARY KEY, code VARCHAR(255) NOT NULL UNIQUE,"
    " name VARCHAR(255) NOT NULL, parent_id VARCHAR(32), kind VARCHAR(32) NOT NULL, accepts_items INTEGER NOT NULL,"
    " review_stages VARCHAR(255) NOT NULL, sort_order INTEGER NOT NULL, active INTEGER NOT NULL,"
    " updated_at VARCHAR(20) NOT NULL)",
    "CREATE TABLE dir_column_section (column_id VARCHAR(32) NOT NULL, section_id VARCHAR(32) NOT NULL,"
    " PRIMARY KEY (column_id, section_id))",
    "CREATE TABLE wf_item (id VARCHAR(32) NOT NULL PRIMARY KEY, section_id VARCHAR(32) NOT NULL,"
    " column_id VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL, index_no VARCHAR(255),"
    " created_by VARCHAR(32) NOT NULL, created_at VARCHAR(20) NOT NULL, latest_version_no INTEGER NOT NULL,"
    " published_version_no INTEGER, published_at VARCHAR(20), return_reason {text} NOT NULL,"
    " updated_at VARCHAR(20) NOT NULL)",
    "CREATE TABLE wf_version (id VARCHAR(32) NOT NULL PRIMARY KEY, item_id VARCHAR(32) NOT NULL,"
    " number INTEGER NOT NULL, purpose VARCHAR(16) NOT NULL, content {text} NOT NULL,"
    " content_hash VARCHAR(64) NOT NULL, title VARCHAR(255) NOT NULL, state VARCHAR(16) NOT NULL,"
    " created_by VARCHAR(32) NOT NULL, created_at VARCHAR(20) NOT NULL, UNIQUE (item_id, number))",
    "CREATE TABLE wf_decision (id VARCHAR(32) NOT NULL PRIMARY KEY, item_id VARCHAR(32) NOT NULL,"
    " version_id VARCHAR(32) NOT NULL, version_no INTEGER NOT NULL, content_hash VARCHAR(64) NOT NULL,"
    " stage INTEGER NOT NULL, is_final INTEGER NOT NULL, outcome VARCHAR(16) NOT NULL, comment {text} NOT NULL,"
    " decider_id VARCHAR(32) NOT NULL, on_behalf_of_id VARCHAR(32), decided_at VARCHAR(20) NOT NULL,"
    " recorded_at VARCHAR(20) NOT NULL, status VARCHAR(16) NOT NULL)",
    "CREATE INDEX wf_decision_version ON wf_decision (version_id, stage)",
    "CREATE TABLE pub_item (item_id VARCHAR(32) NOT NULL PRIMARY KEY, version_no INTEGER NOT NULL,"
    " content_hash VARCHAR(64) NOT NULL, index_no VARCHAR(255) NOT NULL, title VARCHAR(255) NOT NULL,"
    " body_html {text} NOT NULL, column_code VARCHAR(255) NOT NULL, column_name VARCHAR(255) NOT NULL,"
    " section_code VARCHAR(255) NOT NULL, publisher VARCHAR(255) NOT NULL, doc_no VARCHAR(255) NOT NULL,"
    " topic VARCHAR(255) NOT NULL, written_on VARCHAR(20) NOT NULL, validity VARCHAR(16) NOT NULL,"
    " disclosure VARCHAR(16) NOT NULL, summary {text} NOT NULL, content {text} NOT NULL,"
    " approved_by VARCHAR(255) NOT NULL, decision_id VARCHAR(32) NOT NULL, published_at VARCHAR(20) NOT NULL,"
    " go_live_at VARCHAR(20), expires_at VARCHAR(20))",
    "CREATE INDEX pub_item_column ON pub_item (column_code, published_at)",
    "CREATE TABLE pub_attachment (item_id VARCHAR(32) NOT NULL, sha256 VARCHAR(64) NOT NULL,"
    " filename VARCHAR(255) NOT NULL, size BIGINT NOT NULL, PRIMARY KEY (item_id, sha256, filename))",
)

TABLE_NAMES = ("sync_meta", "sync_counter", "schema_migrations", "applied_ops", "change_log", "blob_store",
               "dir_section", "dir_user", "dir_section_leader", "dir_column", "dir_column_section",
               "wf_item", "wf_version", "wf_decision", "pub_item", "pub_attachment")
PUBLICATION_TABLES = ("pub_item", "pub_attachment")


def tables_v1(dialect: str) -> list[str]:
    types = TYPES[dialect]
    out = []
    for statement in TABLES_V1:
        sql = statement.format(text=types["text"], blob=types["blob"])
        if sql.startswith("CREATE TABLE"):
            sql += types["tail"]
        out.append(sql)
    return out


# Schema version 2: batched push, decisions stamped with the database account, 索引号
# allocated centrally. Added to version 1 by ALTER/CREATE; version 1 above stays as it ran.
TABLES_V2 = (
    "ALTER TABLE wf_decision ADD COLUMN db_account VARCHAR(80) NOT NULL DEFAULT ''",
    "CREATE INDEX wf_decision_item ON wf_decision (item_id)",
    "CREATE UNIQUE INDEX wf_item_index_no ON wf_item (index_no)",
    "CREATE TABLE index_serial (scope VARCHAR(191) NOT NULL PRIMARY KEY, serial INTEGER NOT NULL)",
    "CREATE TABLE db_account (account VARCHAR(80) NOT NULL PRIMARY KEY, role_kind VARCHAR(16) NOT NULL,"
    " created_at VARCHAR(20) NOT NULL)",
)


def tables_v2(dialect: str) -> list[str]:
    tail = TYPES[dialect]["tail"]
    return [sql + tail if sql.startswith("CREATE TABLE") else sql for sql in TABLES_V2]
