"""The item editor window: the Designer form, its fields, state banners, saving and closing.

The form (forms/ui/item_editor.ui) is held as `self.ui`. Fields go in and out through the
one field map (desktop.editor.fields); writes go through the EditSession, which runs them
on the write worker; panels registered in desktop.editor.panels join for their columns.
"""
from __future__ import annotations

import importlib
import json
import time

from PyQt6.QtCore import QCoreApplication, QSize, Qt, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import QLayout, QMessageBox, QWidget

from db import guides, items, settings
from db.errors import DomainError, PermissionDenied
from db.models import Column, Item
from desktop.editor import fields as field_map
from desktop.editor.attachments import AttachmentsPanel
from desktop.editor.banner import Banner, Notice, local_time, state_line, state_notice
from desktop.editor.body import local_files
from desktop.editor.history import HistoryPanel
from desktop.editor.messages import FieldMessages
from desktop.editor.panels import panels_for
from desktop.editor.session import ChangedElsewhere, EditSession, SubmitOutcome, fingerprint
from forms.ui import load_form

EDITABLE_STATES = ("draft", "returned")


def tr(text: str) -> str:
    return QCoreApplication.translate("ItemEditor", text)


class ItemEditor(QWidget):
    """One item in its own window. `item_id` None starts a new item in `column_id`."""
    content_changed = pyqtSignal()

    def __init__(self, ctx, parent=None, item_id: str | None = None, column_id: str | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.ui = load_form("item_editor")()
        self.ui.setupUi(self)
        self.item: Item | None = None
        self.can_edit = True
        self.unlocked = False
        self._loading = False
        self._closed = False
        self._quiet = False
        self._look_again: bool | None = None   # a change to look at once own writes finish (from sync?)
        self.question: QMessageBox | None = None   # the open "unsaved changes" question
        self.panels: dict[str, QWidget] = {}
        self.session = EditSession(ctx, self, item_id, column_id, self.current_fields)
        self.attachments = AttachmentsPanel(ctx, self.session, self)
        self.history = HistoryPanel(ctx, self.session, self.restore_content, self)
        self.state_banner, self.message_banner = Banner(self), Banner(self)
        self.messages = FieldMessages(self.ui, ctx.english)
        self._assemble()
        self._fill_columns(column_id)
        self._connect()
        self._add_shortcuts()
        self.load()
        self._restore_geometry()

    # building -----------------------------------------------------------------------------
    def _assemble(self) -> None:
        # The window keeps the size the user gave it when banners come and go.
        self.ui.outer_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(QSize(900, 560))
        self.ui.banner_layout.addWidget(self.state_banner)
        self.ui.banner_layout.addWidget(self.message_banner)
        self.ui.tabs.addTab(self.attachments, tr("附件"))
        self.ui.tabs.addTab(self.history, tr("历史"))
        self.ui.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.ClickFocus)   # Tab goes title → body
        self.ui.save_status_label.setStyleSheet("margin-left: 12px; color: #555")
        self.ui.main_splitter.setStretchFactor(0, 1)
        self.ui.main_splitter.setSizes([760, 400])
        field_map.fill_choices(self.ui)
        self.setAcceptDrops(True)

    def _fill_columns(self, column_id: str | None) -> None:
        """The columns this user may draft in; an existing item shows its own column and
        offers those of its kind (a never-submitted draft may move there)."""
        combo = self.ui.column_combo
        combo.blockSignals(True)        # refilled after a first save: not a user's choice
        combo.clear()
        combo.blockSignals(False)
        names = {c.id: c for c in Column.select()}
        item = Item.get_or_none(Item.id == self.session.item_id) if self.session.item_id else None
        kind = names[item.column_id].kind if item is not None and item.column_id in names else None
        for column in items.draftable_columns(self.ctx.user):
            if kind is None or column.kind == kind:
                combo.addItem(column_path(column, names), column.id)
        if item is not None:
            column_id = item.column_id
        index = combo.findData(column_id) if column_id else 0
        if index < 0 and column_id in names:
            combo.addItem(column_path(names[column_id], names), column_id)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0) if combo.count() else -1)
        self.session.column_id = combo.currentData()

    def _connect(self) -> None:
        field_map.connect_changes(self.ui, self._field_changed, self._field_left)
        self.ui.column_combo.currentIndexChanged.connect(self._column_chosen)
        self.ui.column_combo.activated.connect(self._move_chosen)
        self.ui.written_on_clear.clicked.connect(self._clear_written_on)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.submit_button.clicked.connect(self.submit)
        self.ui.body_editor.edit.filesDropped.connect(self.attachments.add_files)
        self.attachments.count_changed.connect(self._show_attachment_count)
        self.ui.tabs.currentChanged.connect(self._tab_shown)
        self.session.saved.connect(self._saved)
        self.session.failed.connect(self._failed)
        self.session.busy_changed.connect(self._busy_changed)
        self.session.busy_changed.connect(self._writes_done)
        self.ctx.hub.changed.connect(self._elsewhere_changed)

    def _add_shortcuts(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.Save, self.save),
                           ("Ctrl+Return", self.submit), ("Ctrl+Enter", self.submit),
                           ("Ctrl+W", self.close), ("Esc", self.close)):
            QShortcut(QKeySequence(keys), self, slot)

    # the panels of other areas ---------------------------------------------------------------
    def _build_panels(self) -> None:
        for widget in self.panels.values():
            index = self.ui.tabs.indexOf(widget)
            if index >= 0:
                self.ui.tabs.removeTab(index)
            widget.deleteLater()
        self.panels = {}
        column = Column.get_or_none(Column.id == self.session.column_id)
        for spec in panels_for(column):
            panel = importlib.import_module(spec.module).Panel(self.ctx, self)
            panel.changed.connect(self._changed)
            if spec.area == "side":
                self.ui.side_panels_layout.addWidget(panel)
            else:
                self.ui.tabs.insertTab(1 + len(self.panels), panel,
                                       QCoreApplication.translate("EditorPanels", spec.title))
            self.panels[spec.key] = panel

    # loading --------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the item as stored (or a new one) in every field and panel."""
        self.item = Item.get_or_none(Item.id == self.session.item_id) if self.session.item_id else None
        self.session.ref.base = fingerprint(self.item) if self.item is not None else None
        subject = self.item or self.new_subject()
        self.can_edit = self._may_edit(subject)
        self._build_panels()
        self._show_subject(subject)
        self.session.checkpointed = self.item is None or not items.has_unsaved_autosave(self.item)
        if not self.session.checkpointed:
            when = local_time(self.item.updated_at, seconds=True)
            self.show_message(Notice("info", tr("包含尚未保存为草稿的自动保存内容（{when}）").format(when=when),
                                     tr("可点击“保存草稿”保留，或在关闭时选择放弃这些修改。")))
        if self.item is None and not self.can_edit:
            self.show_message(Notice("info", tr("您没有可以起草信息的栏目"),
                                     tr("只有科室信息员和科室负责人可以在本科室的栏目中起草信息。")))
        self.refresh_state()
        self.attachments.reload()
        (self.ui.title_edit if self.can_edit else self.ui.tabs).setFocus()

    def _show_subject(self, subject: Item) -> None:
        self._loading = True
        try:
            field_map.load(self.ui, field_map.values_of(subject))
            for panel in self.panels.values():
                panel.load(subject)
        finally:
            self._loading = False
        self.messages.count_summary()
        self.messages.check_all()

    def new_subject(self, values: dict | None = None) -> Item:
        """An unsaved Item carrying what a new item (or restored content) shows."""
        column = Column.get_or_none(Column.id == self.session.column_id)
        subject = Item(column=column, section=self.ctx.user.section_id, publisher=settings.get("org_name") or "")
        if column is not None and column.kind == "guide":
            subject.guide_json = json.dumps(guides.empty_guide(), ensure_ascii=False)
        for name, value in (values or {}).items():
            if name == "guide":
                subject.guide_json = json.dumps(value, ensure_ascii=False)
            elif hasattr(Item, name):
                setattr(subject, name, value)
        return subject

    def _may_edit(self, subject: Item) -> bool:
        if subject.column_id is None or subject.state == "withdrawn":
            return False
        try:
            items.require_drafter_of(self.ctx.user, subject.column, subject.section_id)
        except PermissionDenied:
            return False
        return True

    # what panels use -----------------------------------------------------------------------------
    @property
    def item_id(self) -> str | None:
        """The item's id; None until the first save of a new item."""
        return self.session.item_id

    @property
    def body_edit(self):
        """The body's QTextEdit (panels highlight in it; they must not edit it behind the user)."""
        return self.ui.body_editor.edit

    # state ------------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        if not self.can_edit:
            return False
        return self.item is None or self.item.state in EDITABLE_STATES or self.unlocked

    @property
    def movable(self) -> bool:
        """A never-submitted draft of the user's section: its column may still change
        (db.items.move_draft has the last word)."""
        if self.item is None or not items.may_move(self.item):
            return False
        try:
            items.require_section_drafter(self.ctx.user, self.item.section_id)
        except PermissionDenied:
            return False
        return True

    def refresh_state(self) -> None:
        """Banner, footer, title, index number and what may be changed, from the item's state."""
        item = self.item
        stranded = item is not None and not self.can_edit and self.movable
        self.state_banner.show_notice(state_notice(item, self.can_edit, self.unlocked, stranded), self.unlock)
        self.ui.state_label.setText(state_line(item))
        if item is not None:
            field_map.load(self.ui, {"index_no": item.index_no or ""})
        field_map.set_read_only(self.ui, not self.editable)
        for panel in self.panels.values():
            if hasattr(panel, "set_read_only"):
                panel.set_read_only(not self.editable)
        self.attachments.set_read_only(not self.editable)
        self.history.set_read_only(not self.editable)
        self.ui.column_combo.setEnabled((item is None and self.can_edit) or self.movable)
        field_map.look_read_only(self.ui.column_combo, not self.ui.column_combo.isEnabled())
        self.ui.written_on_clear.setEnabled(self.editable)
        self.ui.save_button.setEnabled(self.editable)
        self.ui.submit_button.setEnabled(self.editable)
        self._show_title()

    def unlock(self) -> None:
        """Start changing an item in review or published; the banner has said what that means."""
        self.unlocked = True
        self.refresh_state()
        self.ui.title_edit.setFocus()

    def _show_title(self) -> None:
        title = self.ui.title_edit.text().strip() or tr("新信息")
        self.setWindowTitle(tr("{title} — 信息编辑").format(title=title))

    def show_message(self, notice: Notice | None, action=None, second=None) -> None:
        self.message_banner.show_notice(notice, action, second)

    # changes and inline checks -------------------------------------------------------------------
    def current_fields(self) -> dict:
        """The values as they would be saved: the field map's, plus what panels add."""
        values = field_map.save(self.ui)
        for panel in self.panels.values():
            values.update(panel.values())
        return values

    def _field_changed(self, name: str) -> None:
        if self._loading:
            return
        spec = field_map.BY_NAME[name]
        if spec.live or self.messages.showing(spec):
            self.messages.check(name)
        if name == "summary":
            self.messages.count_summary()
        if name == "title":
            self._show_title()
        self._changed()

    def _field_left(self, name: str) -> None:
        self.messages.check(name)

    def _changed(self) -> None:
        if self._loading or not self.editable:
            return
        self.session.note_change()
        if not self.session.in_flight:
            self.ui.save_status_label.setText(tr("有未保存的修改"))
        self.content_changed.emit()

    def _clear_written_on(self) -> None:
        self.ui.written_on_edit.clear_value()

    def _move_chosen(self, _index: int) -> None:
        """The user picked another column for a saved draft: move it there."""
        chosen = self.ui.column_combo.currentData()
        if self.item is None or self._loading or not chosen or chosen == self.item.column_id:
            return
        self.ui.column_combo.setEnabled(False)
        self.ui.save_status_label.setText(tr("正在移动…"))
        self.session.move(chosen, self._moved)

    def _moved(self, item: Item) -> None:
        self.item = item
        was_editable = self.can_edit
        self.can_edit = self._may_edit(item)
        if [spec.key for spec in panels_for(item.column)] != list(self.panels):
            values = self.current_fields()
            self._build_panels()
            self._show_subject(self.new_subject(values) if was_editable else item)
        self.ui.save_status_label.setText(tr("已保存 {time}").format(time=time.strftime("%H:%M:%S")))
        self.show_message(Notice("info", tr("已移到栏目“{name}”").format(name=item.column.name)))
        self.refresh_state()

    def _show_own_column(self) -> None:
        """Put the column box back on the item's column (after a move was refused)."""
        if self.item is None:
            return
        self._loading = True
        try:
            index = self.ui.column_combo.findData(self.item.column_id)
            if index >= 0:
                self.ui.column_combo.setCurrentIndex(index)
        finally:
            self._loading = False

    def _column_chosen(self, _index: int) -> None:
        if self.item is not None or self._loading:
            return
        self.session.column_id = self.ui.column_combo.currentData()
        values = self.current_fields()
        self._build_panels()
        self._show_subject(self.new_subject(values))
        self.refresh_state()

    # saving and submitting -------------------------------------------------------------------
    def save(self) -> None:
        """保存草稿: an explicit save, kept as its own history entry."""
        if not self.editable:
            return
        self.ui.save_status_label.setText(tr("正在保存…"))
        self.session.save(autosave=False)

    def submit(self) -> None:
        """提交审核: save what is unsaved, then freeze a version for review."""
        if not self.editable:
            return
        self.ui.save_status_label.setText(tr("正在提交…"))
        self.session.submit(self._submitted)

    def _saved(self, item: Item, autosave: bool) -> None:
        if self.item is None:           # the first save: from now on a move keeps the kind
            self._loading = True
            try:
                self._fill_columns(item.column_id)
            finally:
                self._loading = False
        self.item = item
        stamp = time.strftime("%H:%M:%S")
        self.ui.save_status_label.setText((tr("已自动保存 {time}") if autosave else tr("已保存 {time}")).format(time=stamp))
        if not autosave:
            self.show_message(None)
        self.refresh_state()
        if self.ui.tabs.currentWidget() is self.history:
            self.history.reload()

    def _submitted(self, outcome: SubmitOutcome) -> None:
        self.item = outcome.item
        if outcome.problems:
            self.show_problems(outcome.problems, outcome.findings)
            self.ui.save_status_label.setText(tr("未提交"))
        else:
            self.unlocked = False
            self.show_message(Notice("info", tr("已提交审核：第{n}版").format(n=outcome.version.number),
                                     tr("索引号 {no}。审核期间如需修改，点击上方的“修改”。").format(no=outcome.item.index_no)))
            self.ui.save_status_label.setText(tr("已提交 {time}").format(time=time.strftime("%H:%M:%S")))
        self.refresh_state()

    def show_problems(self, problems: dict[str, tuple[str, str]], findings: list | None = None) -> None:
        """Every submission problem under its field, the first field focused; the banner counts
        the fields to correct and the blocking check findings apart, and names the first
        finding the 发布前检查 list shows (keys "check.…" are the findings' lines)."""
        fields = {key: problem for key, problem in problems.items() if not key.startswith("check.")}
        lines = [key for key in problems if key.startswith("check.")]
        first, others = self.messages.show_submission(fields)
        for panel in self.panels.values():
            if hasattr(panel, "show_problems"):
                panel.show_problems(problems)
        unresolved = self._unresolved_findings()
        blocking = len(unresolved) or len(findings or []) or len(lines)
        if blocking:
            example = self._finding_text(unresolved[0]) if unresolved else self.messages.say(problems[lines[0]])
            others.append(tr("阻断性检查问题见“发布前检查”，第一项：{first}").format(first=example))
        self.show_message(Notice("error", submission_heading(len(fields), blocking), "\n".join(others)))
        if first is not None:
            self.focus_field(first)

    def _unresolved_findings(self) -> list:
        """The unresolved blocking findings in the order a panel lists them (the checks panel
        has rows(), sorted as its list shows them); [] without such a panel."""
        for panel in self.panels.values():
            rows = getattr(panel, "rows", None)
            if callable(rows):
                return [row.finding for row in rows() if getattr(row, "unresolved", False)]
        return []

    def _finding_text(self, finding) -> str:
        from db.checks.findings import place
        english = self.ctx.english()
        return f"{place(finding, english)}{': ' if english else '：'}{(finding.english or finding.message) if english else finding.message}"

    def focus_field(self, spec: field_map.Field) -> None:
        widget = field_map.widget_of(self.ui, spec)
        if spec.name == "body_html":
            self.ui.tabs.setCurrentIndex(0)
        else:
            self.ui.meta_scroll.ensureWidgetVisible(widget)
        widget.setFocus()

    def restore_content(self, saved: dict) -> None:
        """Put an earlier save's content into the editor; it is saved like any other change."""
        values = items.fields_from_content(saved)
        self._show_subject(self.new_subject(values))
        self.show_message(Notice("info", tr("已恢复历史内容"), tr("自动保存后生效；也可以再恢复其他历史。")))
        self.ui.tabs.setCurrentIndex(0)
        self._changed()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ChangedElsewhere):
            self._offer_choice(Item.get_or_none(Item.id == self.session.item_id) or self.item)
            return
        text = error.localised(self.ctx.language) if isinstance(error, DomainError) else f"{type(error).__name__}: {error}"
        self.show_message(Notice("error", tr("操作未完成"), text))
        self.ui.save_status_label.setText(tr("未保存"))
        if isinstance(error, PermissionDenied) and self.item is not None:
            # e.g. the column stopped taking items meanwhile: show the item as it now stands
            self.item = Item.get_or_none(Item.id == self.item.id) or self.item
            self.can_edit = self._may_edit(self.item)
        self._show_own_column()
        self.refresh_state()

    def _busy_changed(self, busy: bool) -> None:
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _elsewhere_changed(self, changes) -> None:
        """A pull (or another window) may have changed the open item: follow it."""
        if self._closed or not (changes.items or changes.queue) or not self.session.item_id:
            return
        if self.session.in_flight:     # the stored row is mid-write by this editor: look once it is done
            self._look_again = bool(self._look_again) or changes.sync
            return
        self._follow_stored(changes.sync)

    def _writes_done(self, busy: bool) -> None:
        if not busy and self._look_again is not None and not self._closed:
            from_sync, self._look_again = self._look_again, None
            self._follow_stored(from_sync)

    def _follow_stored(self, from_sync: bool) -> None:
        """New content reloads quietly, unless there is typing not yet stored: then the user
        chooses. A new state alone only moves the banner."""
        fresh = Item.get_or_none(Item.id == self.session.item_id)
        if fresh is None or self.item is None:
            return
        if fingerprint(fresh) != self.session.ref.base:
            if self.session.dirty:
                self._offer_choice(fresh)
            else:
                self._reload_quietly()
        elif fresh.state != self.item.state:
            self.item = fresh
            self.refresh_state()
            if from_sync:
                self.show_message(Notice("info", tr("已按其他工作站的更改更新：{state}").format(state=state_line(fresh))))

    def _reload_quietly(self) -> None:
        self.load()
        self.show_message(Notice("info", tr("已载入其他工作站的修改"),
                                 tr("此信息在其他工作站上有了新的内容，已自动重新载入。")))

    def _offer_choice(self, fresh: Item) -> None:
        """The stored item changed under typing not yet stored: neither side is overwritten
        until the user chooses. Autosave waits (and would be refused meanwhile)."""
        self.session.autosave.stop()
        self.item = fresh
        self.refresh_state()
        self.ui.save_status_label.setText(tr("未保存"))
        self.show_message(Notice("warning", tr("此信息已在其他工作站修改"),
                                 tr("您尚未保存的修改没有写入，其他工作站的内容也没有被覆盖。"
                                    "“重新载入”放弃您的修改；“保留我的修改”用您的内容替换它"
                                    "（其他工作站的内容仍保存在第{n}版中）。").format(n=fresh.latest_version_no),
                                 tr("重新载入"), tr("保留我的修改")),
                          self.reload_theirs, self.keep_mine)

    def reload_theirs(self) -> None:
        """重新载入: drop the typing, show what is stored."""
        self.session.forget_changes()
        self.load()
        self.ui.save_status_label.setText("")
        self.show_message(Notice("info", tr("已载入其他工作站的修改"), tr("您未保存的修改已放弃。")))

    def keep_mine(self) -> None:
        """保留我的修改: store the typing over what arrived (that stays in its version)."""
        self.ui.save_status_label.setText(tr("正在保存…"))
        self.session.save(autosave=True, overwrite=True)
        self.show_message(Notice("info", tr("已保留您的修改"),
                                 tr("其他工作站的内容仍保存在第{n}版中；您的修改提交审核后成为新的一版。")
                                 .format(n=self.item.latest_version_no if self.item else 0)))

    # tabs, attachments and drops ------------------------------------------------------------------
    def _show_attachment_count(self, count: int) -> None:
        index = self.ui.tabs.indexOf(self.attachments)
        self.ui.tabs.setTabText(index, tr("附件（{n}）").format(n=count) if count else tr("附件"))

    def _tab_shown(self, _index: int) -> None:
        if self.ui.tabs.currentWidget() is self.history:
            self.history.reload()

    def dragEnterEvent(self, event) -> None:
        if local_files(event.mimeData()) and self.editable:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = local_files(event.mimeData())
        if files and self.editable:
            event.acceptProposedAction()
            self.attachments.add_files(files)
            self.ui.tabs.setCurrentWidget(self.attachments)

    # closing ---------------------------------------------------------------------------------------
    @property
    def closing(self) -> bool:
        """Closed, and only waiting for its last writes before it goes."""
        return self._closed

    def close_without_asking(self) -> None:
        """Close now and write nothing more (the profile is about to be replaced or closed).

        Autosave has kept all but the last moments; an explicit save was the user's to make.
        """
        self.session.autosave.stop()
        self._quiet = True
        self.close()

    def closeEvent(self, event) -> None:
        if not self._closed and not self._quiet and self.editable and self.session.needs_save:
            event.ignore()
            self._ask_about_unsaved()
            return
        self._closed = True
        self.ctx.settings.setValue("editor/geometry", self.saveGeometry())
        event.accept()
        if self.session.in_flight:
            self.session.busy_changed.connect(lambda busy: busy or self.deleteLater())
        else:
            self.deleteLater()

    def _ask_about_unsaved(self) -> None:
        """Ask (without blocking) whether to save or drop the unsaved changes, then close."""
        if self.question is not None:
            self.question.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("信息编辑"),
                          tr("“{title}”有尚未保存的修改。").format(title=self.ui.title_edit.text() or tr("新信息")),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(tr("保存为草稿，还是放弃自上次保存以来的修改？"))
        box.button(QMessageBox.StandardButton.Save).setText(tr("保存草稿"))
        box.button(QMessageBox.StandardButton.Discard).setText(tr("放弃修改"))
        box.button(QMessageBox.StandardButton.Cancel).setText(tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._answered(box))
        self.question = box
        box.open()

    def _answered(self, box: QMessageBox) -> None:
        self.question = None
        choice = box.standardButton(box.clickedButton()) if box.clickedButton() else None
        box.deleteLater()
        if choice == QMessageBox.StandardButton.Save:
            self.ui.save_status_label.setText(tr("正在保存…"))
            self.session.save(autosave=False, then=lambda _item: self.close_without_asking())
        elif choice == QMessageBox.StandardButton.Discard:
            self.session.revert(lambda _item: self.close_without_asking())

    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.value("editor/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)


def submission_heading(fields: int, findings: int) -> str:
    """还不能提交审核：2 处填写需要修改，3 项阻断性检查问题未处理 (either part may be absent)."""
    parts = ([tr("{n} 处填写需要修改").format(n=fields)] if fields else []) + \
            ([tr("{n} 项阻断性检查问题未处理").format(n=findings)] if findings else [])
    return tr("还不能提交审核：") + tr("，").join(parts)


def column_path(column: Column, by_id: dict) -> str:
    """信息公开 › 办事指南: a column with its ancestors."""
    names = [column.name]
    parent = by_id.get(column.parent_id)
    while parent is not None:
        names.insert(0, parent.name)
        parent = by_id.get(parent.parent_id)
    return " › ".join(names)
