"""The main window: pages by role, menus and shortcuts, remembered layout, language, hooks."""
from __future__ import annotations

from PyQt6.QtWidgets import QLabel

from desktop import i18n, main_window
from desktop.main_window import MainWindow, StatusSpec
from tests.ui.shell_helpers import IGNORE_OFFSCREEN, settle

pytestmark = IGNORE_OFFSCREEN


def open_window(qtbot, ctx, log_in, username):
    log_in(username)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def page_titles(window):
    return [window.navigation.item(n).text() for n in range(window.navigation.count())]


def test_pages_follow_the_role(qtbot, ctx, log_in):
    drafter = open_window(qtbot, ctx, log_in, "liuyang")
    assert "信息列表" in page_titles(drafter) and "管理" not in page_titles(drafter)
    admin = open_window(qtbot, ctx, log_in, "admin")
    assert "管理" in page_titles(admin)


def test_pages_are_built_when_first_shown(qtbot, ctx, log_in):
    window = open_window(qtbot, ctx, log_in, "admin")
    assert set(window.pages) == {"items"}
    window.show_page("admin")
    assert "admin" in window.pages and window.stack.currentWidget() is window.pages["admin"]


def test_shortcuts_reach_the_current_page(qtbot, ctx, log_in):
    window = open_window(qtbot, ctx, log_in, "liuyang")
    actions = window.page_actions
    assert actions["new_item"].shortcut().toString() == "Ctrl+N"
    assert actions["focus_search"].shortcut().toString() == "Ctrl+F"
    assert actions["refresh"].shortcut().toString() == "F5"
    page = window.pages["items"]
    settle(qtbot, page)
    actions["focus_search"].trigger()
    qtbot.waitUntil(page.filters.search.hasFocus, timeout=2000)


def test_a_leader_cannot_start_a_new_item(qtbot, ctx, log_in):
    window = open_window(qtbot, ctx, log_in, "wangjianguo")
    page = window.show_page("items")
    assert not window.page_actions["new_item"].isEnabled()
    assert not page.new_button.isVisibleTo(window)


def test_geometry_and_page_are_remembered(qtbot, ctx, log_in):
    window = open_window(qtbot, ctx, log_in, "liuyang")
    window.resize(760, 520)      # within the offscreen screen (800 × 600)
    expected = window.size()
    assert expected != MainWindow(ctx).size()
    window.close()
    again = open_window(qtbot, ctx, log_in, "liuyang")
    assert again.size() == expected


def test_the_last_page_is_shown_again(qtbot, ctx, log_in):
    window = open_window(qtbot, ctx, log_in, "admin")
    window.show_page("admin")
    window.close()
    again = open_window(qtbot, ctx, log_in, "admin")
    assert again.stack.currentWidget() is again.pages.get("admin")


def test_the_last_page_is_each_users_own(qtbot, ctx, log_in):
    admin = open_window(qtbot, ctx, log_in, "admin")
    admin.show_page("review_settings")
    admin.close()
    leader = open_window(qtbot, ctx, log_in, "wangjianguo")
    assert leader.stack.currentWidget() is leader.pages.get("queue"), "a leader starts on the queue"
    leader.show_page("items")
    leader.close()
    again = open_window(qtbot, ctx, log_in, "admin")
    assert again.stack.currentWidget() is again.pages.get("review_settings")


def test_language_choice_is_stored_for_the_next_start(qtbot, ctx, log_in, monkeypatch):
    from PyQt6.QtWidgets import QMessageBox
    window = open_window(qtbot, ctx, log_in, "liuyang")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.choose_language("en")
    assert i18n.saved_language(ctx.settings) == "en"
    assert window.restart_request is None, "declining keeps the window until the next start"


def test_status_bar_shows_profile_and_user_and_hosts_registered_widgets(qtbot, ctx, log_in, monkeypatch):
    monkeypatch.setattr(main_window, "STATUS_WIDGETS",
                        [StatusSpec("probe", "tests.ui.status_probe", ("drafter",))])
    window = open_window(qtbot, ctx, log_in, "liuyang")
    qtbot.waitUntil(window.status_widgets_ready, timeout=2000)
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any(t.startswith("资料库：") for t in texts)
    assert any("刘洋" in t and "办公室" in t for t in texts)
    assert window.status_widgets["probe"].text() == "探针"


def test_the_english_catalogue_translates_the_window(qtbot, ctx, log_in, qapp):
    translators = i18n.install(qapp, "en")
    try:
        ctx.language = "en"
        window = open_window(qtbot, ctx, log_in, "admin")
        assert [window.navigation.item(n).text() for n in range(2)] == ["Items", "Administration"] or \
            "Administration" in page_titles(window)
        assert window.menu("file").title() == "&File"
    finally:
        i18n.uninstall(qapp, translators)
        from PyQt6.QtCore import QLocale
        QLocale.setDefault(QLocale("zh_CN"))


def test_log_out_closes_the_window_and_asks_the_app_to_start_over(qtbot, ctx, log_in):
    window = open_window(qtbot, ctx, log_in, "liuyang")
    window.request_restart("logout")
    assert window.restart_request == ("logout", "")
    assert not window.isVisible()


def test_f1_shows_the_user_guide_inside_the_app(qtbot, ctx, log_in):
    from PyQt6.QtWidgets import QTextBrowser
    window = open_window(qtbot, ctx, log_in, "liuyang")
    help_action = next(a for a in window.menu("help").actions() if a.shortcut().toString() == "F1")
    help_action.trigger()
    browser = window.guide_window.findChild(QTextBrowser)
    assert "信息列表" in browser.toPlainText() and window.guide_window.isVisible()
    window.guide_window.close()
