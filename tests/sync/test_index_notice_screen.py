"""The drafter whose provisional 索引号 was replaced sees it on the conflicts screen."""
from __future__ import annotations

import os

from db.models import Item
from desktop.sync.conflicts_dialog import ConflictsDialog
from tests.sync.helpers import draft_and_submit
from tests.sync.desktop_helpers import make_ctx


def test_a_replaced_provisional_number_is_shown_with_both_numbers(qtbot, sqlite_central, make_client, tmp_path):
    first, second = make_client("first").use(), make_client("second")
    given = Item.get_by_id(draft_and_submit("甲工作站的公告").item_id).index_no
    second.use()
    theirs = draft_and_submit("乙工作站的公告")
    first.sync(sqlite_central.db)
    second.sync(sqlite_central.db)
    final = Item.get_by_id(theirs.item_id).index_no
    ctx = make_ctx(second, tmp_path, "maxiaoyan")
    try:
        dialog = ConflictsDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.list.item(0).text() == "索引号已调整：乙工作站的公告"
        assert given in dialog.mine.toPlainText() and final in dialog.theirs.toPlainText()
        assert given in dialog.message.text() and final in dialog.message.text()
        assert not dialog.keep.isEnabled() and dialog.keep.toolTip() == ""
        if os.environ.get("GONGKAI_SHOTS"):
            dialog.grab().save(os.path.join(os.environ["GONGKAI_SHOTS"], "index-notice.png"))
    finally:
        ctx.runner.shutdown()
        if ctx.reader is not None:
            ctx.reader.shutdown()


def test_a_state_that_could_not_be_followed_is_named_in_chinese(qtbot, sqlite_central, make_client, tmp_path):
    from db.sync import mirror
    from db.workflow import states
    client = make_client("first").use()
    item_id = draft_and_submit("已撤稿的公告").item_id
    kept = mirror._followed(states.follow_item, item_id, states.WITHDRAWN, states.IN_REVIEW)   # the state machine refuses
    assert kept == states.WITHDRAWN
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    try:
        dialog = ConflictsDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.list.item(0).text() == "状态未能跟随：已撤稿的公告"
        assert "审核中" in dialog.theirs.toPlainText() and "已撤稿" in dialog.mine.toPlainText()
    finally:
        ctx.runner.shutdown()
        ctx.reader.shutdown()
