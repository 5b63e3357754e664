"""The queue shows its first rows before it has read the rest: the total comes a moment
later, further rows as the table reaches them, and a decision keeps what was loaded."""
from __future__ import annotations

import pytest

from desktop.pages import queue_page
from tests.helpers import user
from tests.ui.shell_helpers import IGNORE_OFFSCREEN
from tests.workflow.conftest import submitted

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(queue_page, "PAGE_ROWS", 2)


def open_page(qtbot, ctx, table_height: int):
    page = queue_page.Page(ctx)
    qtbot.addWidget(page)
    page.table.setFixedHeight(table_height)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.loaded_once and page.panel.row is not None, timeout=5000)
    return page


def test_rows_come_a_page_at_a_time_as_the_table_reaches_them(qtbot, ctx, profile, small_pages):
    titles = [submitted(title=f"第{n}条工作动态")[0].title for n in range(5)]
    ctx.user = user("chenjing")
    page = open_page(qtbot, ctx, 500)            # room for every row: the table asks until all are in
    qtbot.waitUntil(lambda: len(page.model.rows) == 5, timeout=5000)
    assert sorted(row.title for row in page.model.rows) == sorted(titles)
    assert len({row.task_id for row in page.model.rows}) == 5, "no row twice"
    qtbot.waitUntil(lambda: page.total.text() == "共 5 条待审", timeout=5000)
    assert page.panel.row.title == page.model.rows[0].title


def test_a_short_table_reads_only_its_first_page_until_scrolled(qtbot, ctx, profile, small_pages):
    for n in range(5):
        submitted(title=f"第{n}条工作动态")
    ctx.user = user("chenjing")
    page = open_page(qtbot, ctx, 60)             # a row or two visible
    qtbot.waitUntil(lambda: page.total.text() == "共 5 条待审", timeout=5000)
    assert 2 <= len(page.model.rows) < 5
    for _ in range(3):
        page.table.scrollToBottom()
        qtbot.wait(50)
    qtbot.waitUntil(lambda: len(page.model.rows) == 5, timeout=5000)


def test_an_answer_ready_at_once_still_arrives_from_the_event_loop(qtbot, ctx):
    """The queue page asks for its rows before it has built its table; a read that is done
    before run_in_background() returns must not be delivered inside it."""
    delivered = []

    class Task:
        def deliver(self, future):
            delivered.append(future)
    ctx.reader.running += 1
    ctx.reader.finished.emit(Task(), "rows")     # what a future done at once does, on this thread
    assert delivered == []
    qtbot.waitUntil(lambda: delivered == ["rows"], timeout=2000)
