"""Central schema version 2: the publication gate for a whole batch, and decisions that only
the right database accounts can insert.

* `gk_publish_many(ids)` / `gk_withdraw_many(ids)` check every listed decision exactly as
  `gk_publish` did (an authoritative final-stage approval, by or on behalf of an active
  leader who supervises the item's section, not by the version's author, of the item's
  latest version, whose stored content still hashes to the approved hash) and refuse the
  whole call if any one fails: before writing anything on MariaDB/MySQL; on PostgreSQL the
  call is one statement, so a refusal after the INSERT undoes all of it. MariaDB/MySQL takes the ids as a
  JSON array, PostgreSQL as a text array. `gk_publish(id)` / `gk_withdraw(id)` remain, as
  calls of the batch routines with one id.
* The 索引号 the website shows is the central item's (allocated centrally, see
  db.sync.index_numbers); the content keeps the number the drafter's workstation gave.
* `wf_decision_guard`, a BEFORE INSERT trigger on wf_decision (both servers), stamps each
  decision with the database account that inserted it and refuses it unless that account
  may decide at the decision's stage: the leader stage (the last stage, or any decision
  marked final) needs a leader account, the section-head stage a section-head or leader
  account; the schema's owner (site-init's account) may do anything. The account's kind is
  its row in `db_account`, written by site-init when it creates the account.
  SQLite has no accounts, so no such trigger (docs/sync.md).
"""
from __future__ import annotations

from db.central.routines import MYSQL_NOW, PG_NOW, PUB_COLUMNS, REFUSAL

DECISION_REFUSAL = ("wf_decision_guard: this database account may not record a decision at this stage"
                    " (the leader stage needs a leader account)")
ROUTINES = ("gk_publish", "gk_withdraw", "gk_publish_many", "gk_withdraw_many")

# One row per listed decision that passes; {extra} joins the parsed content where needed.
_JOIN = """
    FROM wf_decision d
    JOIN wf_version v ON v.id = d.version_id AND v.item_id = d.item_id AND v.number = d.version_no
                     AND v.content_hash = d.content_hash
    JOIN wf_item i ON i.id = d.item_id AND i.latest_version_no = d.version_no
    JOIN dir_column c ON c.id = i.column_id
    JOIN dir_section s ON s.id = i.section_id
    JOIN dir_section_leader sl ON sl.section_id = i.section_id
                              AND sl.leader_id = COALESCE(d.on_behalf_of_id, d.decider_id)
    JOIN dir_user u ON u.id = sl.leader_id AND u.role = 'leader' AND u.active = 1{extra}
   WHERE d.outcome = 'approve' AND d.is_final = 1 AND d.status = 'authoritative'
     AND v.created_by <> d.decider_id AND {ids}"""

# ------------------------------------------------------------------ MariaDB / MySQL

_MYSQL_LIST = "JSON_TABLE(p_decisions, '$[*]' COLUMNS (id VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$'))"
_MYSQL_IDS = f"SELECT j.id FROM {_MYSQL_LIST} j"
_MYSQL_HASHED = " AND SHA2(v.content, 256) = d.content_hash"
_MYSQL_CONTENT = """
    JOIN JSON_TABLE(v.content, '$' COLUMNS (
        index_no VARCHAR(255) PATH '$.meta.index_no', title VARCHAR(255) PATH '$.title',
        body_html LONGTEXT PATH '$.body_html', publisher VARCHAR(255) PATH '$.meta.publisher',
        doc_no VARCHAR(255) PATH '$.meta.doc_no', topic VARCHAR(255) PATH '$.meta.topic',
        written_on VARCHAR(20) PATH '$.meta.written_on', validity VARCHAR(16) PATH '$.meta.validity',
        disclosure VARCHAR(16) PATH '$.meta.disclosure', summary LONGTEXT PATH '$.meta.summary',
        go_live_at VARCHAR(20) PATH '$.meta.go_live_at', expires_at VARCHAR(20) PATH '$.meta.expires_at')) jt"""


def _mysql_join(purposes: str, content: bool = False) -> str:
    return (_JOIN.format(extra=_MYSQL_CONTENT if content else "", ids=f"d.id IN ({_MYSQL_IDS})")
            + f" AND v.purpose IN ({purposes})")


def _mysql_gate_check(purposes: str, hashed: bool) -> str:
    return f"""
  SET v_wanted = (SELECT COUNT(DISTINCT w.id) FROM ({_MYSQL_IDS}) w);
  SET v_passed = (SELECT COUNT(*) {_mysql_join(purposes)}{_MYSQL_HASHED if hashed else ""});
  IF v_wanted = 0 OR v_passed <> v_wanted THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{REFUSAL}';
  END IF;"""




def _mysql_forget(table: str) -> str:
    """Remove the listed decisions' items from a publication table, led by the list (a
    DELETE … WHERE item_id IN (subquery) would scan the whole table on MariaDB)."""
    return (f"DELETE p FROM {_MYSQL_LIST} j STRAIGHT_JOIN wf_decision x ON x.id = j.id"
            f" STRAIGHT_JOIN {table} p ON p.item_id = x.item_id")


MYSQL_PUBLISH_MANY = f"""
CREATE PROCEDURE gk_publish_many(IN p_decisions LONGTEXT)
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE v_wanted INT DEFAULT 0;
  DECLARE v_passed INT DEFAULT 0;
  {_mysql_gate_check("'publish', 'abolish'", hashed=True)}
  {_mysql_forget("pub_attachment")};
  {_mysql_forget("pub_item")};
  INSERT INTO pub_item ({PUB_COLUMNS})
    SELECT d.item_id, d.version_no, d.content_hash, COALESCE(NULLIF(i.index_no, ''), jt.index_no, ''),
           jt.title, jt.body_html, c.code, c.name, s.code, jt.publisher, COALESCE(jt.doc_no, ''),
           jt.topic, jt.written_on, jt.validity, jt.disclosure, jt.summary, v.content, u.display_name, d.id,
           {MYSQL_NOW}, NULLIF(jt.go_live_at, 'null'), NULLIF(jt.expires_at, 'null')
    {_mysql_join("'publish', 'abolish'", content=True)}{_MYSQL_HASHED};
  INSERT INTO pub_attachment (item_id, sha256, filename, size)
    SELECT DISTINCT p.item_id, a.sha256, a.filename, a.size
      FROM {_MYSQL_LIST} j STRAIGHT_JOIN wf_decision x ON x.id = j.id
           STRAIGHT_JOIN pub_item p ON p.item_id = x.item_id AND p.decision_id = x.id
                                    AND LOCATE('"attachments":[]', p.content) = 0,
           JSON_TABLE(p.content, '$.attachments[*]' COLUMNS (sha256 VARCHAR(64) PATH '$.sha256',
                      filename VARCHAR(255) PATH '$.filename', size BIGINT PATH '$.size')) a;
END"""

MYSQL_WITHDRAW_MANY = f"""
CREATE PROCEDURE gk_withdraw_many(IN p_decisions LONGTEXT)
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE v_wanted INT DEFAULT 0;
  DECLARE v_passed INT DEFAULT 0;
  {_mysql_gate_check("'withdraw'", hashed=False)}
  {_mysql_forget("pub_attachment")};
  {_mysql_forget("pub_item")};
END"""

MYSQL_ONE = """
CREATE PROCEDURE gk_{what}(IN p_decision VARCHAR(32))
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  CALL gk_{what}_many(JSON_ARRAY(p_decision));
END"""

MYSQL_DECISION_GUARD = f"""
CREATE TRIGGER wf_decision_guard BEFORE INSERT ON wf_decision FOR EACH ROW
BEGIN
  DECLARE v_account VARCHAR(80) DEFAULT SUBSTRING_INDEX(USER(), '@', 1);
  DECLARE v_kind VARCHAR(16) DEFAULT NULL;
  DECLARE v_stages INT DEFAULT 1;
  IF v_account = SUBSTRING_INDEX(CURRENT_USER(), '@', 1) THEN
    SET v_kind = 'owner';
  ELSE
    SET v_kind = (SELECT a.role_kind FROM db_account a WHERE a.account = v_account);
  END IF;
  SET v_stages = COALESCE((SELECT 1 + (c.review_stages LIKE '%section_head%')
                             FROM wf_item i JOIN dir_column c ON c.id = i.column_id WHERE i.id = NEW.item_id), 1);
  IF NEW.stage < 1 OR v_kind IS NULL OR v_kind NOT IN ('owner', 'leader', 'section_head')
     OR ((NEW.is_final = 1 OR NEW.stage >= v_stages) AND v_kind NOT IN ('owner', 'leader')) THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{DECISION_REFUSAL}';
  END IF;
  SET NEW.db_account = LEFT(USER(), 80);
END"""

# ------------------------------------------------------------------ PostgreSQL
# The content is read with json_to_record (one parse per row; converting it to jsonb costs
# three times as much). The whole call is one statement, so a refusal after the INSERT
# undoes all of it: the gate writes, counts what passed, and raises if any listed decision
# did not, instead of running the checks twice.

_PG_IDS = "d.id = ANY(p_decisions)"     # an index scan of the listed ids
_PG_HASHED = " AND encode(sha256(convert_to(v.content, 'UTF8')), 'hex') = d.content_hash"
_PG_CONTENT = """
    CROSS JOIN LATERAL json_to_record(v.content::json) AS r(title TEXT, body_html TEXT, meta JSON)
    CROSS JOIN LATERAL json_to_record(r.meta) AS m(index_no TEXT, publisher TEXT, doc_no TEXT, topic TEXT,
        written_on TEXT, validity TEXT, disclosure TEXT, summary TEXT, go_live_at TEXT, expires_at TEXT)"""


def _pg_join(purposes: str, content: bool = False) -> str:
    return _JOIN.format(extra=_PG_CONTENT if content else "", ids=_PG_IDS) + f" AND v.purpose IN ({purposes})"


def _pg_refuse_unless_all(counted: str) -> str:
    return f"""
  SELECT count(DISTINCT w) INTO v_wanted FROM unnest(p_decisions) w;
  IF v_wanted = 0 OR {counted} <> v_wanted THEN
    RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'P0001';
  END IF;"""


_PG_ITEMS = "SELECT x.item_id FROM wf_decision x WHERE x.id = ANY(p_decisions)"

PG_PUBLISH_MANY = f"""
CREATE OR REPLACE FUNCTION gk_publish_many(p_decisions TEXT[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $gk$
DECLARE v_wanted INT; v_passed INT;
BEGIN
  DELETE FROM pub_attachment WHERE item_id IN ({_PG_ITEMS});
  DELETE FROM pub_item WHERE item_id IN ({_PG_ITEMS});
  INSERT INTO pub_item ({PUB_COLUMNS})
    SELECT d.item_id, d.version_no, d.content_hash, COALESCE(NULLIF(i.index_no, ''), m.index_no, ''),
           r.title, r.body_html, c.code, c.name, s.code, m.publisher, COALESCE(m.doc_no, ''), m.topic,
           m.written_on, m.validity, m.disclosure, m.summary, v.content, u.display_name, d.id, {PG_NOW},
           m.go_live_at, m.expires_at
    {_pg_join("'publish', 'abolish'", content=True)}{_PG_HASHED};
  GET DIAGNOSTICS v_passed = ROW_COUNT;
  {_pg_refuse_unless_all("v_passed")}
  INSERT INTO pub_attachment (item_id, sha256, filename, size)
    SELECT DISTINCT p.item_id, a->>'sha256', a->>'filename', (a->>'size')::bigint
      FROM wf_decision x JOIN pub_item p ON p.item_id = x.item_id AND p.decision_id = x.id,
           json_array_elements((p.content::json)->'attachments') a
     WHERE x.id = ANY(p_decisions) AND position('"attachments":[]' IN p.content) = 0;
END $gk$"""

PG_WITHDRAW_MANY = f"""
CREATE OR REPLACE FUNCTION gk_withdraw_many(p_decisions TEXT[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $gk$
DECLARE v_wanted INT; v_passed INT;
BEGIN
  SELECT count(*) INTO v_passed {_pg_join("'withdraw'")};
  {_pg_refuse_unless_all("v_passed")}
  DELETE FROM pub_attachment WHERE item_id IN ({_PG_ITEMS});
  DELETE FROM pub_item WHERE item_id IN ({_PG_ITEMS});
END $gk$"""

PG_ONE = """
CREATE OR REPLACE FUNCTION gk_{what}(p_decision VARCHAR) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $gk$
BEGIN
  PERFORM gk_{what}_many(ARRAY[p_decision]::TEXT[]);
END $gk$"""

PG_DECISION_GUARD = f"""
CREATE OR REPLACE FUNCTION gk_decision_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $gk$
DECLARE v_kind VARCHAR; v_stages INT;
BEGIN
  v_kind := (SELECT a.role_kind FROM db_account a WHERE a.account = session_user);
  IF v_kind IS NULL AND ((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)
     OR session_user = (SELECT t.tableowner FROM pg_tables t WHERE t.schemaname = 'public'
                         AND t.tablename = 'wf_decision')) THEN
    v_kind := 'owner';
  END IF;
  v_stages := COALESCE((SELECT 1 + CASE WHEN c.review_stages LIKE '%section_head%' THEN 1 ELSE 0 END
                          FROM wf_item i JOIN dir_column c ON c.id = i.column_id WHERE i.id = NEW.item_id), 1);
  IF NEW.stage < 1 OR v_kind IS NULL OR v_kind NOT IN ('owner', 'leader', 'section_head')
     OR ((NEW.is_final = 1 OR NEW.stage >= v_stages) AND v_kind NOT IN ('owner', 'leader')) THEN
    RAISE EXCEPTION '{DECISION_REFUSAL}' USING ERRCODE = 'P0001';
  END IF;
  NEW.db_account := left(session_user::text, 80);
  RETURN NEW;
END $gk$"""

PG_DECISION_TRIGGER = ("CREATE TRIGGER wf_decision_guard BEFORE INSERT ON wf_decision FOR EACH ROW"
                       " EXECUTE FUNCTION gk_decision_guard()")


def routines_v2(dialect: str) -> list[str]:
    if dialect == "mysql":
        return ["DROP PROCEDURE IF EXISTS gk_publish", "DROP PROCEDURE IF EXISTS gk_withdraw",
                MYSQL_PUBLISH_MANY, MYSQL_WITHDRAW_MANY, MYSQL_ONE.format(what="publish"),
                MYSQL_ONE.format(what="withdraw"), MYSQL_DECISION_GUARD]
    if dialect == "postgresql":
        return [PG_PUBLISH_MANY, PG_WITHDRAW_MANY, PG_ONE.format(what="publish"), PG_ONE.format(what="withdraw"),
                PG_DECISION_GUARD, PG_DECISION_TRIGGER]
    return []
