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
