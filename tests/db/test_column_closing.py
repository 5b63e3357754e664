"""A column that stops taking items must not strand drafts silently; a drafter can move a
never-submitted draft to another column they may draft in."""
from __future__ import annotations

import pytest

from db import directory, items
from db.errors import InvalidState, PermissionDenied
from db.models import AuditEvent, Column, ColumnSection, Item, Revision, Section
from tests.helpers import column, user
from tests.ui.shell_helpers import draft


def closed(code: str, **changes) -> Column:
    """The column as the admin dialog would hand it to save_column, with `changes` made."""
    edited = Column.get(Column.code == code)
    for name, value in changes.items():
        setattr(edited, name, value)
    return edited


def sections_of(code: str) -> list[Section]:
    return [link.section for link in ColumnSection.select().where(ColumnSection.column == column(code))]


def test_unticking_accepts_items_with_drafts_is_refused_with_the_count(profile):
    draft("liuyang", "gzdt", "草稿一")
    draft("zhaoli", "gzdt", "草稿二")
    draft("liuyang", "tzgg", "别的栏目")
    with pytest.raises(directory.DraftsWouldStrand) as refused:
        directory.save_column(user("admin"), closed("gzdt", accepts_items=False), [])
    assert refused.value.count == 2
    assert "有 2 条尚未提交的草稿" in str(refused.value)
    assert column("gzdt").accepts_items, "nothing was saved"


def test_the_admin_may_go_ahead_once_told(profile):
    draft("liuyang", "gzdt", "草稿一")
    directory.save_column(user("admin"), closed("gzdt", accepts_items=False), [], strand_drafts=True)
    assert not column("gzdt").accepts_items
    assert AuditEvent.select().where(AuditEvent.action == "column_closed_to_drafts").count() == 1


def test_switching_off_or_dropping_a_section_counts_only_the_drafts_it_strands(profile):
    draft("liuyang", "gzdt", "办公室的草稿")
    draft("zhaoli", "gzdt", "网络科的草稿")
    office = Section.get(Section.code == "office")
    with pytest.raises(directory.DraftsWouldStrand) as refused:
        directory.save_column(user("admin"), closed("gzdt"), [office])     # only 办公室 may publish now
    assert refused.value.count == 1
    with pytest.raises(directory.DraftsWouldStrand) as refused:
        directory.save_column(user("admin"), closed("gzdt", active=False), [])
    assert refused.value.count == 2


def test_columns_without_drafts_and_other_changes_save_without_a_question(profile):
    draft("liuyang", "gzdt", "草稿一")
    directory.save_column(user("admin"), closed("gzdt", name="工作动态（新）"), sections_of("gzdt"))
    directory.save_column(user("admin"), closed("gzjb", accepts_items=False), [])
    assert column("gzdt").name == "工作动态（新）" and not column("gzjb").accepts_items


def test_a_drafter_moves_a_stranded_draft_and_can_then_submit_it(profile):
    item = draft("liuyang", "gzdt", "要移走的草稿")
    directory.save_column(user("admin"), closed("gzdt", accepts_items=False), [], strand_drafts=True)
    with pytest.raises(PermissionDenied, match="不接收信息"):
        items.submit(user("liuyang"), Item.get_by_id(item.id))
    revisions = Revision.select().where(Revision.item == item.id).count()
    moved = items.move_draft(user("liuyang"), Item.get_by_id(item.id), column("tzgg"))
    assert Item.get_by_id(item.id).column_id == column("tzgg").id == moved.column_id
    assert Revision.select().where(Revision.item == item.id).count() == revisions + 1
    assert AuditEvent.select().where(AuditEvent.action == "item_moved").count() == 1
    assert items.submit(user("liuyang"), Item.get_by_id(item.id)).number == 1


def test_only_never_submitted_drafts_move(profile):
    item = draft("liuyang", "gzdt", "提交过的")
    items.submit(user("liuyang"), item)
    with pytest.raises(InvalidState, match="从未提交过的草稿"):
        items.move_draft(user("liuyang"), Item.get_by_id(item.id), column("tzgg"))


def test_a_draft_moves_only_where_its_drafter_may_draft_and_within_its_kind(profile):
    item = draft("liuyang", "gzdt", "办公室的草稿")
    with pytest.raises(PermissionDenied, match="不属于本科室"):
        items.move_draft(user("liuyang"), item, column("ztb_jsgc"))      # 公共资源交易管理科's column
    with pytest.raises(InvalidState, match="同一类型"):
        items.move_draft(user("liuyang"), item, column("zcfg"))          # a policy column
    with pytest.raises(PermissionDenied, match="本科室"):
        items.move_draft(user("zhaoli"), item, column("tzgg"))           # another section's drafter
    with pytest.raises(PermissionDenied):
        items.move_draft(user("wangjianguo"), item, column("tzgg"))      # a leader drafts nothing
    assert Item.get_by_id(item.id).column_id == column("gzdt").id
