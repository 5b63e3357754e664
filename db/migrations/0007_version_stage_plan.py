"""Review workflow: each version keeps the stage plan it was submitted with.

Until now the stages were read from the column whenever a decision was made, so an
administrator changing a column's stages changed the route of items already in review
(a section head's stage-1 approval became the final one). A version now freezes its
stage roles at submission (`stages`) and the stages skipped then (`skipped_stages`);
later column edits apply to new submissions only.

Versions that already exist get the plan they were evidently reviewed under: the roles of
their review tasks in stage order (ending with the leader stage, which every plan ends
with), or, without tasks, the column's stages as they are now.

Frozen SQL, like 0001: later changes go into new migrations.
"""

STATEMENTS = (
    'ALTER TABLE "version" ADD COLUMN "stages" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "version" ADD COLUMN "skipped_stages" VARCHAR(255) NOT NULL DEFAULT \'\'',
)
TASKS_SQL = ('SELECT DISTINCT "version_id", "stage", "stage_role" FROM "review_task" '
             'ORDER BY "version_id", "stage"')
COLUMN_PLAN_SQL = ('UPDATE "version" SET "stages" = (SELECT c."review_stages" FROM "item" i '
                   'JOIN "column" c ON c."id" = i."column_id" WHERE i."id" = "version"."item_id") '
                   'WHERE "stages" = \'\'')
ROLES = ("section_head", "leader")


def plans_from_tasks(db) -> dict[str, str]:
    """version id → the stage roles its review tasks show, in stage order."""
    plans: dict[str, dict[int, str]] = {}
    for version_id, stage, role in db.execute_sql(TASKS_SQL):
        if role in ROLES:
            plans.setdefault(version_id, {})[stage] = role
    out = {}
    for version_id, by_stage in plans.items():
        roles = [by_stage[stage] for stage in sorted(by_stage)]
        if roles[-1] != "leader":
            roles.append("leader")
        out[version_id] = ",".join(roles)
    return out


def up(migrator, db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
    plans = plans_from_tasks(db)
    db.cursor().executemany('UPDATE "version" SET "stages" = ? WHERE "id" = ?',
                            [(plan, version_id) for version_id, plan in plans.items()])
    db.execute_sql(COLUMN_PLAN_SQL)
