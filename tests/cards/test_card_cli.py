"""`python main.py cards`: approved guides to PDF; unprintable ones refused or left out with
the reason; the font fallback warning on stderr; the job in the audit trail."""
from __future__ import annotations

import json

import pypdf
import pytest

import main
from db.models import AuditEvent, Item
from tests.cards.guide_fixtures import draft_guide, entry_named, guide_item
from tests.cards.guide_fixtures import guides_profile as profile  # noqa: F401
from tests.cards.guide_fixtures import guides_template  # noqa: F401


def run(profile, *args: str) -> int:
    return main.main(["cards", "--profile", str(profile.root), *args])


def test_a_section_on_a4_four_up(profile, tmp_path, capsys):
    out = tmp_path / "section.pdf"
    assert run(profile, "--section", "审批服务科", "--layout", "a4x4", "-o", str(out)) == 0
    reader = pypdf.PdfReader(out)
    assert "41 项" in capsys.readouterr().out
    assert 41 / 4 <= len(reader.pages) <= 82 / 4
    detail = json.loads(AuditEvent.select().where(AuditEvent.action == "card_printed").get().detail)
    assert (detail["count"], detail["layout"], detail["channel"]) == (41, "a4x4", "cli")


def test_named_guides_print_by_id_or_index_number(profile, tmp_path):
    first, second = guide_item("取水许可"), guide_item("农药经营许可")
    out = tmp_path / "two.pdf"
    assert run(profile, "--guide", first.id, Item.get_by_id(second.id).index_no, "-o", str(out)) == 0
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "取水许可" in text and "农药经营许可" in text


def test_an_unprintable_guide_named_refuses_the_whole_run(profile, tmp_path, capsys):
    draft = draft_guide(entry_named("取水许可"))
    out = tmp_path / "refused.pdf"
    assert run(profile, "--guide", guide_item("农药经营许可").id, draft.id, "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "尚未提交审核" in err and "未生成文件" in err and not out.exists()
    assert not AuditEvent.select().where(AuditEvent.action == "card_printed").exists()


def test_a_window_prints_what_may_print_and_lists_the_rest(profile, tmp_path, capsys):
    draft_guide(entry_named("取水许可"))           # a second 取水许可, at the same window, never submitted
    out = tmp_path / "window.pdf"
    assert run(profile, "--window", "H01号窗口", "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert err.startswith("不能打印：《取水许可》尚未提交审核") and err.count("\n") == 1 and out.exists()


def test_the_font_fallback_is_reported_on_stderr(profile, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GONGKAI_CARD_FONT", "fallback")
    assert run(profile, "--guide", guide_item("取水许可").id, "-o", str(tmp_path / "f.pdf")) == 0
    assert "未找到可嵌入的中文 TrueType 字体" in capsys.readouterr().err


@pytest.mark.parametrize("args, words", [
    (["--section", "nowhere"], "找不到科室"), (["--guide", "nope"], "找不到办事指南"),
    (["--window", "Z99号窗口"], "没有在"), (["--section", "approval", "--template", "x"], "没有名为")])
def test_bad_names_are_explained(profile, tmp_path, capsys, args, words):
    assert run(profile, *args, "-o", str(tmp_path / "x.pdf")) == 1
    assert words in capsys.readouterr().err
