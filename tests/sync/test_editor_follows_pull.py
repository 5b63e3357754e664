"""An open editor when a pull changes its item: reloads when nothing is typed, asks when
something is, and neither the typing nor what arrived is lost (real editor, real pulls
from a SQLite central, the sync on its worker thread)."""
from __future__ import annotations

import pytest

from db import attachments
from db.models import Item, Version
from db.sync.engine import SyncEngine
from desktop.editor import close_all, open_editor
from tests.sync.desktop_helpers import make_ctx, run_sync, status_widget, stop_ctx
from tests.sync.helpers import approve, central_rows, draft_and_submit, edit, submit, user
from tests.ui.editor_helpers import settle, type_chinese

FIRST, SECOND = "招标公告（第一稿）", "招标公告（另一台工作站改过）"
MINE = "（我正在改）"


@pytest.fixture
def two_workstations(sqlite_central, make_client, tmp_path):
    """Item in review, submitted here as v1; another workstation then changed its title,
    added an attachment and submitted v2. Returns (this client, item id)."""
    here = make_client("here").use()
    item_id = draft_and_submit(FIRST).item_id
    here.sync(sqlite_central.db)
    there = make_client("there")
    there.sync(sqlite_central.db)
    edit(item_id, SECOND)
    leaflet = tmp_path / "现场踏勘须知.txt"
    leaflet.write_text("踏勘时间：3月5日上午", encoding="utf-8")
    attachments.add_attachment(there.profile, user("maxiaoyan"), Item.get_by_id(item_id), leaflet)
    submit(Item.get_by_id(item_id))
    there.sync(sqlite_central.db)
    return here, item_id


@pytest.fixture
def desk(qtbot, two_workstations, sqlite_central, tmp_path):
    """This workstation's context, an editor open on the item, and its sync status widget."""
    here, item_id = two_workstations
    ctx = make_ctx(here, tmp_path, "maxiaoyan")
    editor = open_editor(ctx, None, item_id=item_id)
    editor.session.autosave.quiet.setInterval(60_000)      # the test decides when autosave runs
    editor.session.autosave.max_wait.setInterval(60_000)
    widget = status_widget(qtbot, ctx, sqlite_central.url)
    yield ctx, editor, widget
    widget.controller.shutdown()
    close_all(ctx, ask=False)
    stop_ctx(ctx)


def stored_title(item_id: str) -> str:
    return Item.get_by_id(item_id).title


def test_an_editor_without_typing_reloads_quietly_and_says_so(qtbot, desk):
    ctx, editor, widget = desk
    assert editor.ui.title_edit.text() == FIRST
    _report, error = run_sync(qtbot, widget)
    assert error is None
    qtbot.waitUntil(lambda: editor.ui.title_edit.text() == SECOND)
    assert editor.message_banner.heading.text() == "已载入其他工作站的修改"
    assert not editor.message_banner.button.isVisible(), "nothing to choose when nothing was typed"
    assert editor.ui.tabs.tabText(editor.ui.tabs.indexOf(editor.attachments)) == "附件（1）"
    assert "第2版" in editor.ui.state_label.text()
    assert not editor.session.needs_save


def test_typing_is_kept_and_reload_discards_it_on_request(qtbot, desk):
    ctx, editor, widget = desk
    editor.unlock()
    editor.ui.title_edit.end(False)
    type_chinese(editor.ui.title_edit, MINE)
    _report, error = run_sync(qtbot, widget)
    assert error is None
    bar = editor.message_banner
    qtbot.waitUntil(lambda: bar.heading.text() == "此信息已在其他工作站修改")
    assert (bar.button.text(), bar.second_button.text()) == ("重新载入", "保留我的修改")
    assert bar.button.isVisible() and bar.second_button.isVisible()
    assert editor.ui.title_edit.text() == FIRST + MINE, "the typing stays on screen"
    assert stored_title(editor.item_id) == SECOND, "and what arrived stays stored"
    bar.button.click()
    assert editor.ui.title_edit.text() == SECOND
    assert not editor.session.needs_save, "closing no longer asks about the dropped typing"
    settle(qtbot, editor)
    assert stored_title(editor.item_id) == SECOND


def test_autosave_after_a_pull_is_refused_until_the_user_keeps_theirs(qtbot, desk, sqlite_central):
    ctx, editor, widget = desk
    editor.unlock()
    editor.ui.title_edit.end(False)
    type_chinese(editor.ui.title_edit, MINE)
    # The pull's pages commit before the sync ends and tells the windows: autosave may run between.
    SyncEngine(ctx.profile, sqlite_central.db).run()
    editor.session.autosave_now()
    bar = editor.message_banner
    qtbot.waitUntil(lambda: bar.heading.text() == "此信息已在其他工作站修改")
    settle(qtbot, editor)
    assert stored_title(editor.item_id) == SECOND, "autosave did not overwrite the pulled content"
    assert editor.session.dirty and editor.ui.title_edit.text() == FIRST + MINE
    bar.second_button.click()                                   # 保留我的修改
    settle(qtbot, editor)
    assert stored_title(editor.item_id) == FIRST + MINE
    assert "第2版" in bar.text.text()
    editor.submit()
    settle(qtbot, editor)
    _report, error = run_sync(qtbot, widget)
    assert error is None
    titles = dict(central_rows(sqlite_central.db, "SELECT v.number, v.content FROM wf_version v "
                                                  "WHERE v.item_id = ? ORDER BY v.number", (editor.item_id,)))
    assert SECOND in titles[2] and FIRST + MINE in titles[3], "both versions kept: theirs v2, mine v3"
    assert Version.select().where(Version.item == editor.item_id).count() == 3


def test_a_decision_made_elsewhere_moves_the_banner_and_says_so(qtbot, sqlite_central, make_client,
                                                                          tmp_path):
    here = make_client("drafter").use()
    item_id = draft_and_submit(FIRST).item_id
    here.sync(sqlite_central.db)
    leader = make_client("leader")
    leader.sync(sqlite_central.db)
    approve(item_id)
    leader.sync(sqlite_central.db)
    ctx = make_ctx(here, tmp_path, "maxiaoyan")
    editor = open_editor(ctx, None, item_id=item_id)
    widget = status_widget(qtbot, ctx, sqlite_central.url)
    try:
        assert editor.state_banner.heading.text() == "第1版正在审核中"
        _report, error = run_sync(qtbot, widget)
        assert error is None
        qtbot.waitUntil(lambda: editor.state_banner.heading.text() == "已发布（第1版）")
        assert editor.message_banner.heading.text() == "已按其他工作站的更改更新：已发布 · 第1版"
        assert editor.ui.title_edit.text() == FIRST
    finally:
        widget.controller.shutdown()
        close_all(ctx, ask=False)
        stop_ctx(ctx)
