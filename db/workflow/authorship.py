"""Who wrote a version: everyone who saved content into it, not only who submitted it.

A section head who edits a drafter's working copy and then approves it at the head stage
would be approving their own words. So a version's authors are its submitter plus everyone
whose save (db.models.Revision, autosaves included) went into the working copy since the
item's content was last approved: words nobody else has approved yet. They are frozen on
the version at submission (`Version.authors`, comma-separated user ids); a version
mirrored from another workstation without them falls back to its submitter.

No author decides on the version, in their own right or as a deputy, and no deputy decides
on behalf of one of its authors.
"""
from __future__ import annotations

from db.database import database

CO_AUTHOR_REFUSAL = ("您修改过此版本的内容，不能审批自己参与撰写的版本，须由其他审核人决定",
                     "You saved changes into this version, so you cannot decide on it; another reviewer must")

# Version states whose content a reviewer approved: saves before such a version was frozen
# were approved by somebody else already.
APPROVED_CONTENT_STATES = ("held", "approved", "published", "replaced")

# Saves in the same second as the last approved freeze count (>=): erring towards an author.
SAVERS_SQL = (
    'SELECT DISTINCT r."saved_by_id" FROM "revision" r WHERE r."item_id" = ? AND r."saved_at" >= COALESCE('
    '  (SELECT max(v."created_at") FROM "version" v WHERE v."item_id" = ? AND v."purpose" = \'publish\''
    f'   AND v."state" IN ({", ".join(repr(s) for s in APPROVED_CONTENT_STATES)})), \'\')')


def authors_for_new_version(item_id: str, submitter_id: str, purpose: str) -> frozenset[str]:
    """The authors of a version about to be frozen. A withdrawal or 废止 request carries the
    live (approved) content, so only its requester is its author."""
    found = {submitter_id}
    if purpose == "publish":
        found.update(row[0] for row in database.execute_sql(SAVERS_SQL, (item_id, item_id)))
    return frozenset(found)


def joined(authors: frozenset[str]) -> str:
    return ",".join(sorted(authors))


def authors_of(version) -> frozenset[str]:
    return frozenset(filter(None, (version.authors or "").split(","))) | {version.created_by_id}


def is_author(user_id: str, version) -> bool:
    return user_id in authors_of(version)


def not_author(version_model, user_id: str):
    """A peewee condition over `version_model`: `user_id` is none of its authors."""
    from peewee import fn
    return ((version_model.created_by != user_id)
            & (fn.instr(fn.printf(",%s,", version_model.authors), f",{user_id},") == 0))


def authored_by(user_id: str, version_ids: list[str]) -> set[str]:
    """Which of these versions `user_id` is an author of."""
    if not version_ids:
        return set()
    marks = ", ".join("?" for _ in version_ids)
    sql = f'SELECT "id" FROM "version" WHERE "id" IN ({marks}) AND {is_author_sql("version", "?")}'
    return {row[0] for row in database.execute_sql(sql, (*version_ids, user_id, user_id))}


def is_author_sql(version_alias: str, user: str) -> str:
    """SQL true when `user` (an SQL expression or ?) is an author of the version row
    `version_alias`: the same rule as is_author()."""
    v = f'"{version_alias}"'
    return (f'({v}."created_by_id" = {user} OR '
            f'instr(\',\' || {v}."authors" || \',\', \',\' || {user} || \',\') > 0)')
