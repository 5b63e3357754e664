"""The editor's 发布前检查 panel: findings while the drafter types.

The title, 内容概述, 文号 and the body are checked on the main thread about 400 ms after
typing stops (a 5,000-character body takes a few milliseconds), on the editor's own plain
text, so spans are the body document's positions and can be highlighted (extra
selections, never edits) and fixed in place (one undo step). The word lists, overrides
and the attachments' findings come from the read worker: a 10,000-row roster takes over
a second. Registered in desktop.editor.panels.EDITOR_PANELS.
"""
from __future__ import annotations

from PyQt6 import sip
from PyQt6.QtCore import QCoreApplication, QTimer, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from db import metadata
from db.models import Column
from db.checks import check_text
from db.checks.docno import check_doc_no
from db.checks.findings import Finding
from db.checks.guide import guide_texts
from db.checks.policy import check_policy_bundle
from db.checks.service import OVERRIDABLE_RULES, CheckedFinding, WorkingCopyChecks, working_copy_checks
from desktop.checks import highlight
from desktop.checks.common import apply_label, can_apply, is_masking
from desktop.checks.findings_list import FindingsList, count_line
from desktop.checks.override_dialog import OverrideDialog
from desktop.operations import Query


def tr(text: str) -> str:
    return QCoreApplication.translate("Checks", text)


DEBOUNCE_MS = 400
FIELD_ORDER = ("title", "meta.doc_no", "meta.summary", "body")


class Panel(QWidget):
    changed = pyqtSignal()            # the panel protocol; edits it makes reach the editor as typing does
    checked = pyqtSignal()            # the list and highlights now show the current text

    def __init__(self, ctx, editor):
        super().__init__()
        self.ctx, self.editor = ctx, editor
        self.data: WorkingCopyChecks | None = None
        self.findings: list[Finding] = []
        self.read_only = False
        self._shown: tuple | None = None
        self._kind_of: tuple[str | None, str] = (None, "")     # (column id, its kind)
        self._build()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recheck)
        editor.content_changed.connect(self.timer.start)
        editor.attachments.count_changed.connect(lambda _count: self.fetch())
        ctx.hub.changed.connect(self._elsewhere_changed)

    def _build(self) -> None:
        self.summary = QLabel(tr("正在准备检查…"))
        self.summary.setWordWrap(True)
        self.mask_all = QPushButton(tr("全部脱敏"))
        self.mask_all.setToolTip(tr("把正文、标题和内容概述中的身份证号、手机号、银行卡号全部替换为遮盖形式"))
        self.mask_all.clicked.connect(self.apply_all_masking)
        self.busy = QLabel(tr("正在检查附件…"))
        self.busy.hide()
        self.list = FindingsList(english=self.ctx.english())
        self.list.actions_for = self._actions
        self.list.chosen.connect(self._show_in_text)
        self.list.setMinimumHeight(260)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.busy)
        head.addWidget(self.mask_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)

    # the panel protocol ----------------------------------------------------------------------
    def load(self, _item) -> None:
        self.fetch()
        self.recheck()

    def values(self) -> dict:
        return {}

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.render()

    def show_problems(self, problems: dict) -> None:
        """Submission was refused; when findings were the reason, show them."""
        if any(key.startswith("check.") for key in problems):
            self.fetch()
            self.recheck()
            self._bring_into_view()

    # checking ---------------------------------------------------------------------------------
    @property
    def item_id(self) -> str | None:
        return getattr(self.editor, "item_id", None) or self.editor.session.item_id

    @property
    def body_edit(self):
        return getattr(self.editor, "body_edit", None) or self.editor.ui.body_editor.edit

    def fetch(self) -> None:
        """Word lists, overrides and attachment findings, from the read worker."""
        item_id, blob_dir = self.item_id, self.ctx.profile.blob_dir
        if self.ctx.reader is None:          # a context without a read worker: read here
            self._fetched(working_copy_checks(item_id, blob_dir))
            return
        self.busy.show()
        (Query(self, self.ctx, lambda: working_copy_checks(item_id, blob_dir), key=f"findings-panel-{id(self)}")
         .success(self._fetched).failure(self._fetch_failed).run_in_background())

    def _fetched(self, data: WorkingCopyChecks) -> None:
        if sip.isdeleted(self):            # the editor closed while the worker was busy
            return
        self.data = data
        self.busy.hide()
        self.recheck()

    def _fetch_failed(self, error: BaseException) -> None:
        if sip.isdeleted(self):
            return
        self.busy.hide()
        self.summary.setText(tr("检查未能完成：{error}").format(error=error))

    def recheck(self) -> None:
        """Check the texts as they are now and show the result."""
        self.timer.stop()
        if self.data is None:
            return
        context, ui = self.data.context, self.editor.ui
        findings = check_text(ui.title_edit.text(), "title", context)
        written = metadata.parse_written_on(ui.written_on_edit.value())
        findings += check_doc_no(ui.doc_no_edit.text(), written.year if written else None, context.today)
        findings += check_text(ui.summary_edit.toPlainText(), "meta.summary", context)
        findings += check_text(self.body_edit.document().toPlainText(), "body", context)
        for name, location, text in guide_texts(self._panel_value("guide")):
            findings += [_at(f, location) for f in check_text(text, name, context)]
        findings += check_policy_bundle({"kind": self._column_kind(), "related": self._panel_value("related_id", "")})
        self.findings = findings + self.data.attachment_findings
        highlight.highlight(self.body_edit, [f for f in self.findings if f.field == "body"],
                            frozenset(self.data.notes))
        self.render()
        self.checked.emit()

    def _column_kind(self) -> str:
        """The kind of the editor's column (policy, interpretation, guide …), read once per column."""
        column_id = self.editor.session.column_id
        if self._kind_of[0] != column_id:
            column = Column.get_or_none(Column.id == column_id) if column_id else None
            self._kind_of = (column_id, column.kind if column is not None else "")
        return self._kind_of[1]

    def _panel_value(self, key: str, default=None):
        """What another panel of the editor would save under `key` (the guide, the partner)."""
        for panel in getattr(self.editor, "panels", {}).values():
            if panel is not self and key in (values := panel.values()):
                return values[key]
        return default

    # showing ----------------------------------------------------------------------------------
    def rows(self) -> list[CheckedFinding]:
        notes = self.data.notes if self.data else {}
        rows = [CheckedFinding(f, notes.get(f.key) if f.blocking else None) for f in self.findings]
        return sorted(rows, key=_row_order)

    def render(self) -> None:
        rows = self.rows()
        shown = (self.read_only, [(r.finding, r.override) for r in rows])
        if shown != self._shown:          # rebuilding would lose the selection and scroll position
            self._shown = shown
            self.list.show_findings(rows)
        unresolved = sum(1 for r in rows if r.unresolved)
        passed = sum(1 for r in rows if r.override)
        warnings = sum(1 for r in rows if not r.finding.blocking)
        if self.data is None:
            text = tr("正在准备检查…")
        elif not rows:
            text = tr("未发现问题")
        else:
            text = count_line(unresolved, passed, warnings)
            if unresolved:
                text += tr("。阻断项须修改或说明理由后才能提交审核")
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b3261e" if unresolved else "")
        self.mask_all.setEnabled(not self.read_only and any(self._maskable(r.finding) for r in rows))

    def _actions(self, row: CheckedFinding) -> list[QPushButton]:
        if self.read_only:
            return []
        buttons = []
        finding = row.finding
        if can_apply(finding):
            fix = QPushButton(apply_label(finding))
            fix.clicked.connect(lambda _checked=False, f=finding: self.apply([f]))
            buttons.append(fix)
        if row.unresolved and finding.rule in OVERRIDABLE_RULES:
            why = QPushButton(tr("说明理由…"))
            why.clicked.connect(lambda _checked=False, f=finding: self.ask_reason(f))
            buttons.append(why)
        return buttons

    def _show_in_text(self, finding: Finding) -> None:
        if finding.field == "body":
            highlight.show_span(self.body_edit, finding)

    def _bring_into_view(self) -> None:
        tabs = self.editor.ui.tabs
        if tabs.indexOf(self) >= 0:
            tabs.setCurrentWidget(self)
            return
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(self)

    # fixing -----------------------------------------------------------------------------------
    def _maskable(self, finding: Finding) -> bool:
        return is_masking(finding) and can_apply(finding)

    def apply_all_masking(self) -> None:
        self.apply([f for f in self.findings if self._maskable(f)])

    def apply(self, findings: list[Finding]) -> None:
        """Put each finding's suggestion in place of its text, as an edit the user can undo."""
        if self.read_only:
            return
        ui = self.editor.ui
        by_field: dict[str, list] = {}
        for f in findings:
            by_field.setdefault(f.field, []).append((f.start, f.end, f.excerpt, f.suggestion))
        if "body" in by_field:
            highlight.replace_in_document(self.body_edit, by_field["body"])
        if "meta.summary" in by_field:
            highlight.replace_in_document(ui.summary_edit, by_field["meta.summary"])
        for start, end, excerpt, suggestion in sorted(by_field.get("title", []), reverse=True):
            highlight.replace_in_line(ui.title_edit, start, end, excerpt, suggestion)
        for _start, _end, excerpt, suggestion in by_field.get("meta.doc_no", []):
            if ui.doc_no_edit.text().strip() == excerpt:
                highlight.replace_in_line(ui.doc_no_edit, -1, -1, ui.doc_no_edit.text(), suggestion)
        self.recheck()

    def ask_reason(self, finding: Finding) -> None:
        item_id = self.item_id
        if not item_id:
            self.summary.setText(tr("请先保存草稿，再说明例外理由"))
            return
        user = self.ctx.user

        def record(reason: str):
            from db.checks import service
            from db.models import Item
            return service.override(user, Item.get_by_id(item_id), finding, reason)
        dialog = OverrideDialog(self.ctx, finding, record, self)
        dialog.accepted.connect(self.fetch)
        dialog.open()

    def _elsewhere_changed(self, changes) -> None:
        if changes.directory or changes.sync or changes.items:
            self.fetch()


def _at(finding: Finding, location: str | None) -> Finding:
    from dataclasses import replace
    return replace(finding, location=location) if location else finding


def _row_order(row: CheckedFinding) -> tuple:
    f = row.finding
    group = 0 if row.unresolved else (1 if not f.blocking else 2)
    field = FIELD_ORDER.index(f.field) if f.field in FIELD_ORDER else len(FIELD_ORDER)
    return (bool(f.source), group, field, f.start)
