"""The one gate to the publication tables, per dialect, and the website's `published_now` view.

"Nothing reaches the website unless a supervising leader approved exactly that content"
holds inside the central database itself:
* MariaDB/MySQL: `CALL gk_publish(decision_id)` / `CALL gk_withdraw(decision_id)`, SQL SECURITY
  DEFINER procedures; staff accounts hold no write grant on pub_* at all, leaders hold EXECUTE.
* PostgreSQL: the same as SECURITY DEFINER functions (`SELECT gk_publish(...)`), EXECUTE revoked
  from PUBLIC and granted to the leader role only.
* SQLite (embedded, no accounts): BEFORE INSERT/UPDATE triggers on pub_item refuse a row that
  no authoritative approval of exactly that content backs; anyone holding the file can still
  drop the triggers, which docs/sync.md says plainly.
Each gate re-checks: the decision is an authoritative final-stage approval, by (or on behalf
of) an active leader who supervises the item's section, not by the version's author, of the
item's latest version, whose stored content still hashes to the approved hash.
"""
from __future__ import annotations

REFUSAL = "gk_publish: no authoritative approval by a supervising leader of exactly this content"

_APPROVAL_JOIN = """
    FROM wf_decision d
    JOIN wf_version v ON v.id = d.version_id AND v.item_id = d.item_id AND v.number = d.version_no
                     AND v.content_hash = d.content_hash
    JOIN wf_item i ON i.id = d.item_id AND i.latest_version_no = d.version_no
    JOIN dir_column c ON c.id = i.column_id
    JOIN dir_section s ON s.id = i.section_id
    JOIN dir_section_leader sl ON sl.section_id = i.section_id
                              AND sl.leader_id = COALESCE(d.on_behalf_of_id, d.decider_id)
    JOIN dir_user u ON u.id = sl.leader_id AND u.role = 'leader' AND u.active = 1
   WHERE d.outcome = 'approve' AND d.is_final = 1 AND d.status = 'authoritative'
     AND v.created_by <> d.decider_id"""

PUB_COLUMNS = ("item_id, version_no, content_hash, index_no, title, body_html, column_code, column_name,"
               " section_code, publisher, doc_no, topic, written_on, validity, disclosure, summary, content,"
               " approved_by, decision_id, published_at, go_live_at, expires_at")

MYSQL_NOW = "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%dT%H:%i:%sZ')"
PG_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
SQLITE_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def _mysql_field(path: str) -> str:
    return f"JSON_UNQUOTE(JSON_EXTRACT(v.content, '$.{path}'))"


def _mysql_optional(path: str) -> str:
    return f"NULLIF(JSON_UNQUOTE(JSON_EXTRACT(v.content, '$.{path}')), 'null')"


def _mysql_select() -> str:
    f = _mysql_field
    return (f"SELECT d.item_id, d.version_no, d.content_hash, {f('meta.index_no')}, {f('title')}, {f('body_html')},"
            f" c.code, c.name, s.code, {f('meta.publisher')}, {f('meta.doc_no')}, {f('meta.topic')},"
            f" {f('meta.written_on')}, {f('meta.validity')}, {f('meta.disclosure')}, {f('meta.summary')},"
            f" v.content, u.display_name, d.id, {MYSQL_NOW}, {_mysql_optional('meta.go_live_at')},"
            f" {_mysql_optional('meta.expires_at')}"
            f" {_APPROVAL_JOIN} AND d.id = p_decision AND v.purpose IN ('publish', 'abolish')"
            f" AND SHA2(v.content, 256) = d.content_hash")


MYSQL_PUBLISH = f"""
CREATE PROCEDURE gk_publish(IN p_decision VARCHAR(32))
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE v_item VARCHAR(32) DEFAULT NULL;
  SELECT d.item_id INTO v_item {_APPROVAL_JOIN} AND d.id = p_decision AND v.purpose IN ('publish', 'abolish')
     AND SHA2(v.content, 256) = d.content_hash;
  IF v_item IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{REFUSAL}';
  END IF;
  DELETE FROM pub_item WHERE item_id = v_item;
  INSERT INTO pub_item ({PUB_COLUMNS}) {_mysql_select()};
  DELETE FROM pub_attachment WHERE item_id = v_item;
  INSERT INTO pub_attachment (item_id, sha256, filename, size)
    SELECT DISTINCT v_item, a.sha256, a.filename, a.size
      FROM pub_item p,
           JSON_TABLE(p.content, '$.attachments[*]' COLUMNS (sha256 VARCHAR(64) PATH '$.sha256',
                      filename VARCHAR(255) PATH '$.filename', size BIGINT PATH '$.size')) a
     WHERE p.item_id = v_item;
END"""

MYSQL_WITHDRAW = f"""
CREATE PROCEDURE gk_withdraw(IN p_decision VARCHAR(32))
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE v_item VARCHAR(32) DEFAULT NULL;
  SELECT d.item_id INTO v_item {_APPROVAL_JOIN} AND d.id = p_decision AND v.purpose = 'withdraw';
  IF v_item IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{REFUSAL}';
  END IF;
  DELETE FROM pub_attachment WHERE item_id = v_item;
  DELETE FROM pub_item WHERE item_id = v_item;
END"""


def _pg_field(path: str) -> str:
    parts = path.split(".")
    expr = "(v.content::jsonb)"
    for part in parts[:-1]:
        expr += f"->'{part}'"
    return f"{expr}->>'{parts[-1]}'"


def _pg_select() -> str:
    f = _pg_field
    return (f"SELECT d.item_id, d.version_no, d.content_hash, {f('meta.index_no')}, {f('title')}, {f('body_html')},"
            f" c.code, c.name, s.code, {f('meta.publisher')}, {f('meta.doc_no')}, {f('meta.topic')},"
            f" {f('meta.written_on')}, {f('meta.validity')}, {f('meta.disclosure')}, {f('meta.summary')},"
            f" v.content, u.display_name, d.id, {PG_NOW}, {f('meta.go_live_at')}, {f('meta.expires_at')}"
            f" {_APPROVAL_JOIN}"
            f" AND d.id = p_decision AND v.purpose IN ('publish', 'abolish')"
            f" AND encode(sha256(convert_to(v.content, 'UTF8')), 'hex') = d.content_hash")


PG_PUBLISH = f"""
CREATE OR REPLACE FUNCTION gk_publish(p_decision VARCHAR) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $gk$
DECLARE v_item VARCHAR;
BEGIN
  SELECT d.item_id INTO v_item {_APPROVAL_JOIN} AND d.id = p_decision AND v.purpose IN ('publish', 'abolish')
     AND encode(sha256(convert_to(v.content, 'UTF8')), 'hex') = d.content_hash;
  IF v_item IS NULL THEN
    RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'P0001';
  END IF;
  DELETE FROM pub_item WHERE item_id = v_item;
  INSERT INTO pub_item ({PUB_COLUMNS}) {_pg_select()};
  DELETE FROM pub_attachment WHERE item_id = v_item;
  INSERT INTO pub_attachment (item_id, sha256, filename, size)
    SELECT DISTINCT v_item, a->>'sha256', a->>'filename', (a->>'size')::bigint
      FROM pub_item p, jsonb_array_elements((p.content::jsonb)->'attachments') a
     WHERE p.item_id = v_item;
END $gk$"""

PG_WITHDRAW = f"""
CREATE OR REPLACE FUNCTION gk_withdraw(p_decision VARCHAR) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $gk$
DECLARE v_item VARCHAR;
BEGIN
  SELECT d.item_id INTO v_item {_APPROVAL_JOIN} AND d.id = p_decision AND v.purpose = 'withdraw';
  IF v_item IS NULL THEN
    RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'P0001';
  END IF;
  DELETE FROM pub_attachment WHERE item_id = v_item;
  DELETE FROM pub_item WHERE item_id = v_item;
END $gk$"""

_SQLITE_GUARD_CONDITION = f"""NOT EXISTS (SELECT 1 {_APPROVAL_JOIN}
     AND d.id = NEW.decision_id AND d.item_id = NEW.item_id AND d.version_no = NEW.version_no
     AND d.content_hash = NEW.content_hash AND v.purpose IN ('publish', 'abolish') AND v.content = NEW.content
     AND json_extract(v.content, '$.title') = NEW.title
     AND json_extract(v.content, '$.body_html') = NEW.body_html)"""

SQLITE_GUARDS = [
    f"CREATE TRIGGER pub_item_guard_insert BEFORE INSERT ON pub_item WHEN {_SQLITE_GUARD_CONDITION}"
    f" BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    f"CREATE TRIGGER pub_item_guard_update BEFORE UPDATE ON pub_item WHEN {_SQLITE_GUARD_CONDITION}"
    f" BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
]


def published_now_view(dialect: str) -> str:
    """What the website shows now: go-live reached, not expired. Withdrawn items have no row."""
    now = {"mysql": MYSQL_NOW, "postgresql": PG_NOW, "sqlite": SQLITE_NOW}[dialect]
    return (f"CREATE VIEW published_now AS SELECT * FROM pub_item"
            f" WHERE (go_live_at IS NULL OR go_live_at = '' OR go_live_at <= {now})"
            f" AND (expires_at IS NULL OR expires_at = '' OR expires_at > {now})")


def routines_v1(dialect: str) -> list[str]:
    view = published_now_view(dialect)
    if dialect == "mysql":
        return [MYSQL_PUBLISH, MYSQL_WITHDRAW, view]
    if dialect == "postgresql":
        return [PG_PUBLISH, PG_WITHDRAW, view]
    return SQLITE_GUARDS + [view]
