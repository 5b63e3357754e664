"""What needs someone's attention beside the reviewer's own queue.

* **无人可审**: an open stage nobody may decide — no active reviewer of that stage other
  than the author, no deputy in force for one, nobody who has not already signed another
  stage of the version. A section head's own submission skips such a stage when it is
  submitted (routing.plan_for), but people change: a head is deactivated, a section loses
  its leader, a delegation ends. Such items are listed to the section's supervising
  leaders and to administrators, with the reason, until someone can decide them again.
* **网站数据库拒绝**: a decision the central database refused (db.sync records a conflict
  for its decider). The decider, the section's heads and its supervising leaders see it in
  the queue with the database's reason, so an item stuck that way is never out of sight.

Rows are db.workflow.queue.QueueRow tuples with `problem` (Chinese) and `problem_english`
filled in; read-only, plain SQL.
"""
from __future__ import annotations

import json

from db.database import database
from db.models import User, Version
from db.workflow import authorship, delegation, routing, rows
from db.workflow.queue import QueueRow

# A QueueRow's columns, from a review task `t` and its version `v`.
ROW_SQL = (
    'SELECT t."id", t."item_id", v."id", v."number", v."content_hash", v."title", v."purpose", v."note", '
    's."id", s."name", c."id", c."name", c."kind", COALESCE(NULLIF(v."stages", \'\'), c."review_stages"), '
    't."stage", t."stage_role", dr."display_name", v."created_at", t."due_on" '
    'FROM "review_task" t JOIN "version" v ON v."id" = t."version_id" JOIN "item" i ON i."id" = t."item_id" '
    'JOIN "column" c ON c."id" = i."column_id" JOIN "section" s ON s."id" = t."section_id" '
    'JOIN "user" dr ON dr."id" = v."created_by_id" ')

REVIEWER_WROTE_IT = authorship.is_author_sql("v", 'p."id"')
DEPUTY_WROTE_IT = authorship.is_author_sql("v", 'q."id"')
# The rule of routing.can_be_decided over a review task `t` of version `v`, with the day
# twice as parameters: true when somebody may decide it.
SOMEONE_MAY_DECIDE_SQL = (
    f'EXISTS (SELECT 1 FROM "user" p WHERE p."active" AND NOT {REVIEWER_WROTE_IT} '
    ' AND CASE t."stage_role" '
    '     WHEN \'leader\' THEN EXISTS (SELECT 1 FROM "section_leader" l WHERE l."section_id" = t."section_id" '
    '                                 AND l."leader_id" = p."id") '
    '     ELSE p."role" = \'section_head\' AND p."section_id" = t."section_id" END '
    ' AND (NOT EXISTS (SELECT 1 FROM "decision" d WHERE d."version_id" = v."id" AND d."decider_id" = p."id" '
    '                  AND d."outcome" = \'approve\') '
    '      OR EXISTS (SELECT 1 FROM "delegation" g JOIN "user" q ON q."id" = g."deputy_id" '
    '                 WHERE g."principal_id" = p."id" AND g."starts_on" <= ? AND g."ends_on" >= ? '
    '                 AND g."revoked_at" IS NULL AND q."active" AND q."role" IN (\'section_head\', \'leader\') '
    f'                 AND NOT {DEPUTY_WROTE_IT} '
    '                 AND NOT EXISTS (SELECT 1 FROM "decision" d2 WHERE d2."version_id" = v."id" '
    '                                 AND d2."decider_id" = q."id" AND d2."outcome" = \'approve\'))))')
UNREVIEWABLE_SQL = ROW_SQL + f'WHERE t."state" = \'open\' AND NOT {SOMEONE_MAY_DECIDE_SQL}'
ORDER = ' ORDER BY t."due_on", v."created_at", t."id"'


def sections_watched(user: User | None) -> list[str] | None:
    """Sections whose review problems the user is shown; None means every section."""
    if user is None or not user.active:
        return []
    if user.role == "admin":
        return None
    if user.role == routing.LEADER:
        return routing.supervised_by(user)
    if user.role == routing.SECTION_HEAD and user.section_id:
        return [user.section_id]
    return []


def _in_sections(sql: str, params: list, sections: list[str] | None) -> tuple[str, list]:
    if sections is None:
        return sql, params
    return sql + f' AND t."section_id" IN ({", ".join("?" for _ in sections)})', params + list(sections)


# ---------------------------------------------------------------- 无人可审

def unreviewable_for(user: User, day: str | None = None) -> list[QueueRow]:
    """Open stages nobody may decide, in the sections an administrator or supervising
    leader looks after, each with the reason."""
    if user is None or user.role not in ("admin", routing.LEADER):
        return []
    sections = sections_watched(user)
    if sections == []:
        return []
    day = day or delegation.today()
    sql, params = _in_sections(UNREVIEWABLE_SQL, [day, day], sections)
    found = [QueueRow(*row) for row in database.execute_sql(sql + ORDER, params).fetchall()]
    return [row._replace(problem=zh, problem_english=en) for row in found for zh, en in [why_unreviewable(row)]]


def why_unreviewable(row: QueueRow) -> tuple[str, str]:
    """Why nobody may decide this stage, and who can change that."""
    version = rows.one(Version, '"id" = ?', row.version_id)
    authors = authorship.authors_of(version)
    people = routing.reviewers(row.stage_role, row.section_id)
    others = [u for u in people if u.id not in authors]
    if row.stage_role == routing.LEADER:
        if not people:
            zh, en = (f"“{row.section_name}”没有在岗的分管领导", f"{row.section_name} has no active supervising leader")
        else:
            zh, en = ("分管领导均已签批过此版本的其他环节", "Every supervising leader already signed another stage")
        fix = ("请管理员在“管理 → 科室”中指定分管领导，或由分管领导设置代审",
               "An administrator can link a leader to the section, or a leader can name a deputy")
    else:
        if not people:
            zh, en = (f"“{row.section_name}”没有在岗的科室负责人", f"{row.section_name} has no active section head")
        elif not others:
            zh, en = ("本科室的科室负责人参与了此版本的起草或修改，且没有他人代审",
                      "The section's heads wrote or edited this version and nobody deputises")
        else:
            zh, en = ("本科室的科室负责人均已签批过此版本的其他环节", "Every section head already signed another stage")
        fix = ("请管理员在“管理 → 用户”中指定科室负责人，或由科室负责人设置代审",
               "An administrator can appoint a section head, or a head can name a deputy")
    return f"无人可审：{zh}。{fix[0]}", f"Nobody can decide this: {en}. {fix[1]}"


def unreviewable_count(user: User, day: str | None = None) -> int:
    if user is None or user.role not in ("admin", routing.LEADER):
        return 0
    sections = sections_watched(user)
    if sections == []:
        return 0
    day = day or delegation.today()
    sql, params = _in_sections('SELECT count(*) FROM "review_task" t JOIN "version" v ON v."id" = t."version_id" '
                               f'WHERE t."state" = \'open\' AND NOT {SOMEONE_MAY_DECIDE_SQL}', [day, day], sections)
    return database.execute_sql(sql, params).fetchone()[0]


# ---------------------------------------------------------------- 网站数据库拒绝

REFUSED_SQL = ('SELECT "id", "item_id", "mine", "message", "english", "for_user" FROM "sync_conflict" '
               'WHERE "resolved_at" IS NULL AND "kind" = \'rejected\' ORDER BY "created_at"')
DECISION_TASK_SQL = ROW_SQL + 'WHERE t."id" = (SELECT "task_id" FROM "decision" WHERE "id" = ?)'
GATE = "gk_publish"
GATE_REASON = ("终审批准须由本科室在岗的分管领导（或其代审人）作出，网站数据库未认可这次批准，信息没有发布",
               "a final approval must come from an active supervising leader of the section (or their deputy); "
               "the site database did not accept this one and nothing was published")


def refused_for(user: User) -> list[QueueRow]:
    """Decisions the central database refused, for their decider and for the heads and
    supervising leaders of the item's section (administrators see all), newest last."""
    sections = sections_watched(user)
    out = []
    for conflict_id, item_id, mine, message, english, for_user in database.execute_sql(REFUSED_SQL).fetchall():
        decision = json.loads(mine or "{}").get("decision")
        if not decision:
            continue
        row = database.execute_sql(DECISION_TASK_SQL, (decision["id"],)).fetchone()
        if row is None:
            continue
        row = QueueRow(*row)
        if for_user != user.id and sections is not None and row.section_id not in sections:
            continue
        zh, en = refusal_text(message, english)
        out.append(row._replace(task_id=conflict_id, problem=f"网站数据库拒绝：{zh}",
                                problem_english=f"Refused by the site database: {en}"))
    return out


def refusal_text(message: str, english: str) -> tuple[str, str]:
    """The database's reason in words people read (the gate names itself in its message)."""
    if GATE in message or GATE in english:
        return GATE_REASON
    plain = message.split("：", 1)[1] if message.startswith("网站数据库拒绝") and "：" in message else message
    return plain, english or plain


def counts(user: User, day: str | None = None) -> dict[str, int]:
    """How many rows each view holds (the status bar and the queue's view choice show them)."""
    return {"unreviewable": unreviewable_count(user, day), "refused": len(refused_for(user))}
