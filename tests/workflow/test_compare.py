"""The comparison the diff view shows: fields and paragraphs, changes marked."""
from __future__ import annotations

from db.workflow.compare import char_diff, compare


def content(title: str, *paragraphs: str, **meta) -> dict:
    return {"title": title, "body_html": "".join(f"<p>{p}</p>" for p in paragraphs),
            "meta": {"validity": "有效", **meta}, "attachments": [], "related": "", "guide": None}


def test_a_changed_character_is_marked_on_both_sides():
    left, right = char_diff("办理时限为20个工作日", "办理时限为15个工作日")
    assert ("delete", "20") in left and ("insert", "15") in right
    assert "".join(t for _, t in left) == "办理时限为20个工作日"


def test_paragraphs_added_removed_and_changed():
    old = content("通知", "第一段不变。", "第二段将被删除。", "第三段有改动。")
    new = content("通知（修订）", "第一段不变。", "第三段有改动了。", "新增的第四段。")
    result = compare(old, new)
    assert [p.kind for p in result.body] == ["equal", "delete", "replace", "insert"]
    changed = result.body[2]
    assert ("insert", "了") in changed.right and changed.left == (("equal", "第三段有改动。"),)
    assert {f.key for f in result.fields if f.changed} == {"title"}
    assert result.changed


def test_a_first_publication_compares_with_nothing():
    result = compare(None, content("新信息", "正文。", validity="有效"))
    assert result.first_publication
    assert [p.kind for p in result.body] == ["insert"]
    assert [f.key for f in result.fields if f.changed] == ["title", "meta.validity"]


def test_abolition_shows_as_a_validity_change_only():
    old = content("办法", "正文。", validity="有效")
    new = content("办法", "正文。", validity="废止")
    result = compare(old, new)
    assert [(f.old, f.new) for f in result.fields if f.changed] == [("有效", "废止")]
    assert all(p.kind == "equal" for p in result.body)
