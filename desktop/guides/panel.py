"""The 办事指南 tab of the item editor: every element of a structured service guide.

Registered in desktop.editor.panels.EDITOR_PANELS for columns of kind "guide". The panel
follows the editor's panel protocol: `load(item)` shows the item's guide (guide_json),
`values()` gives {"guide": {...}} to save, `changed` feeds autosave, and
`show_problems` shows the submission's "guide.<element>" problems beside the elements.

While the drafter types, db.guides' rules are checked on the guide as typed: an element
shows its problem once it has been touched (or after a refused submission), so a
承诺时限 beyond the 法定时限, or a 收费标准 left blank, says so at once. 预览卡片 renders
the working copy as a card (marked as a preview, not approved) on the cards thread.
"""
from __future__ import annotations

import json

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, pyqtSignal
from PyQt6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from db import guides
from desktop.guides.rows import DaysBox, RowField, RowsEditor

LABELS = {
    "name": QT_TRANSLATE_NOOP("GuidePanel", "事项名称"),
    "basis": QT_TRANSLATE_NOOP("GuidePanel", "设定依据"),
    "conditions": QT_TRANSLATE_NOOP("GuidePanel", "申请条件"),
    "materials": QT_TRANSLATE_NOOP("GuidePanel", "办理材料"),
    "location": QT_TRANSLATE_NOOP("GuidePanel", "办理地点"),
    "window": QT_TRANSLATE_NOOP("GuidePanel", "办理窗口"),
    "hours": QT_TRANSLATE_NOOP("GuidePanel", "办理时间"),
    "phone": QT_TRANSLATE_NOOP("GuidePanel", "咨询电话"),
    "complaint_phone": QT_TRANSLATE_NOOP("GuidePanel", "监督投诉电话"),
    "steps": QT_TRANSLATE_NOOP("GuidePanel", "办理流程"),
    "legal_limit_days": QT_TRANSLATE_NOOP("GuidePanel", "法定时限"),
    "promised_limit_days": QT_TRANSLATE_NOOP("GuidePanel", "承诺时限"),
    "fee": QT_TRANSLATE_NOOP("GuidePanel", "收费标准"),
    "fee_basis": QT_TRANSLATE_NOOP("GuidePanel", "收费依据"),
    "result": QT_TRANSLATE_NOOP("GuidePanel", "办理结果"),
}
BASIS_FIELDS = [RowField("law", QT_TRANSLATE_NOOP("GuidePanel", "法律法规名称")),
                RowField("issuer", QT_TRANSLATE_NOOP("GuidePanel", "制定机关")),
                RowField("doc_no", QT_TRANSLATE_NOOP("GuidePanel", "文号")),
                RowField("article", QT_TRANSLATE_NOOP("GuidePanel", "条款"), stretch=False)]
MATERIAL_FIELDS = [RowField("name", QT_TRANSLATE_NOOP("GuidePanel", "材料名称")),
                   RowField("copies", QT_TRANSLATE_NOOP("GuidePanel", "份数"), "count", stretch=False),
                   RowField("form", QT_TRANSLATE_NOOP("GuidePanel", "原件/复印件"), "choice", guides.MATERIAL_FORMS,
                            stretch=False),
                   RowField("remarks", QT_TRANSLATE_NOOP("GuidePanel", "备注"))]
STEP_FIELDS = [RowField("step", QT_TRANSLATE_NOOP("GuidePanel", "步骤"))]
LINE_FIELDS = ("name", "location", "window", "hours", "phone", "complaint_phone", "fee", "fee_basis", "result")
# Problems shown under the element they belong to (fee_basis problems go under 收费标准).
SHOWN_UNDER = {key: key for key in LABELS} | {"fee_basis": "fee"}


def tr(text: str) -> str:
    return QCoreApplication.translate("GuidePanel", text)


class Panel(QWidget):
    changed = pyqtSignal()

    def __init__(self, ctx, editor):
        super().__init__()
        self.ctx, self.editor = ctx, editor
        self.touched: set[str] = set()
        self._loading = False
        self.preview_dialog = None
        self._build()
        self._connect()

    # building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.lines = {key: QLineEdit() for key in LINE_FIELDS}
        self.lines["fee"].setPlaceholderText(tr("如：每件50元；不收费请写“不收费”"))
        self.lines["hours"].setPlaceholderText(tr("如：法定工作日 上午8:30—12:00，下午14:30—17:30"))
        self.no_fee = QPushButton(tr("不收费"))
        self.no_fee.setToolTip(tr("填入“不收费”（收费标准不能空着）"))
        self.conditions = QPlainTextEdit()
        self.conditions.setPlaceholderText(tr("每条一行，如：（一）申请人为依法设立的企业；"))
        self.conditions.setMinimumHeight(90)
        self.basis = RowsEditor(BASIS_FIELDS, tr("添加依据"))
        self.materials = RowsEditor(MATERIAL_FIELDS, tr("添加材料"))
        self.materials.table.setMinimumHeight(170)
        self.steps = RowsEditor(STEP_FIELDS, tr("添加步骤"))
        self.legal, self.promised = DaysBox(), DaysBox()
        self.preview_button = QPushButton(tr("预览卡片"))
        self.preview_button.setToolTip(tr("按当前内容预览办事须知卡（A6；未经审定的预览）"))
        self.messages = {key: self._message_label() for key in LABELS if key != "fee_basis"}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, "name", self.lines["name"])
        self._row(form, "basis", self.basis)
        self._row(form, "conditions", self.conditions)
        self._row(form, "materials", self.materials)
        for key in ("location", "window", "hours", "phone", "complaint_phone"):
            self._row(form, key, self.lines[key])
        self._row(form, "steps", self.steps)
        self._row(form, "legal_limit_days", self._days_row(self.legal))
        self._row(form, "promised_limit_days", self._days_row(self.promised))
        fee = QHBoxLayout()
        fee.addWidget(self.lines["fee"], 1)
        fee.addWidget(self.no_fee)
        self._row(form, "fee", fee)
        form.addRow(tr(LABELS["fee_basis"]), self.lines["fee_basis"])
        self._row(form, "result", self.lines["result"])
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.scroll = scroll
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("办事指南各要素（“八公开”卡片由此生成）")), 1)
        top.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    @staticmethod
    def _message_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828")
        label.hide()
        return label

    def _row(self, form: QFormLayout, key: str, field) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(field, QWidget):
            box.addWidget(field)
        else:
            box.addLayout(field)
        box.addWidget(self.messages[key])
        form.addRow(tr(LABELS[key]), box)

    @staticmethod
    def _days_row(box: DaysBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(box)
        row.addWidget(QLabel(tr("个工作日（0 为即办）")))
        row.addStretch(1)
        return row

    def _connect(self) -> None:
        for key, line in self.lines.items():
            line.textChanged.connect(lambda _text, key=key: self._edited(key))
        self.conditions.textChanged.connect(lambda: self._edited("conditions"))
        self.basis.changed.connect(lambda: self._edited("basis"))
        self.materials.changed.connect(lambda: self._edited("materials"))
        self.steps.changed.connect(lambda: self._edited("steps"))
        self.legal.valueChanged.connect(lambda _v: self._edited("legal_limit_days"))
        self.promised.valueChanged.connect(lambda _v: self._edited("promised_limit_days"))
        self.no_fee.clicked.connect(lambda: self.lines["fee"].setText(guides.NO_FEE))
        self.preview_button.clicked.connect(self.preview)

    # the panel protocol ---------------------------------------------------------------------------
    def load(self, item) -> None:
        guide = guides.normalise(json.loads(item.guide_json) if item.guide_json else guides.empty_guide())
        self._loading = True
        try:
            for key, line in self.lines.items():
                line.setText(guide[key])
            self.conditions.setPlainText(guide["conditions"])
            self.basis.set_rows(guide["basis"])
            self.materials.set_rows(guide["materials"])
            self.steps.set_rows([{"step": step} for step in guide["steps"]])
            self.legal.set_days(guide["legal_limit_days"])
            self.promised.set_days(guide["promised_limit_days"])
        finally:
            self._loading = False
        self.touched.clear()
        self.check()

    def values(self) -> dict:
        return {"guide": self.guide()}

    def guide(self) -> dict:
        """The guide as typed, in db.guides' shape (normalised when saved)."""
        guide = {key: line.text() for key, line in self.lines.items()}
        guide.update(conditions=self.conditions.toPlainText(), basis=self.basis.rows(),
                     materials=self.materials.rows(), steps=[r["step"] for r in self.steps.rows()],
                     legal_limit_days=self.legal.days(), promised_limit_days=self.promised.days())
        return guide

    def set_read_only(self, read_only: bool) -> None:
        for line in self.lines.values():
            line.setReadOnly(read_only)
        self.conditions.setReadOnly(read_only)
        for rows in (self.basis, self.materials, self.steps):
            rows.set_read_only(read_only)
        for widget in (self.legal, self.promised, self.no_fee):
            widget.setEnabled(not read_only)

    def show_problems(self, problems: dict[str, tuple[str, str]]) -> None:
        """A refused submission: every element's problem shows, whether touched or not."""
        self.touched.update(key.split(".", 1)[1] for key in problems if key.startswith("guide."))
        self.check()

    # checking as the drafter types ------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.touched.add(key)
        self.check()
        self.changed.emit()

    def check(self) -> dict[str, list[str]]:
        """Show db.guides' problems of the touched elements; returns what is shown."""
        problems = guides.problems_by_element(self.guide())
        english = self.ctx.english()
        shown: dict[str, list[str]] = {}
        for element, messages in problems.items():
            under = SHOWN_UNDER.get(element, element)
            limits = {"legal_limit_days", "promised_limit_days"}
            if element in self.touched or under in self.touched or (element in limits and self.touched & limits):
                shown.setdefault(under, []).extend(en if english else zh for zh, en in messages)
        for key, label in self.messages.items():
            label.setText("\n".join(shown.get(key, [])))
            label.setVisible(key in shown)
        return shown

    # preview -------------------------------------------------------------------------------------
    def preview(self) -> None:
        from desktop.cards.jobs import CardJob
        from desktop.cards.preview import PreviewDialog
        guide = guides.normalise(self.guide())
        title = guide["name"] or tr("（未填写事项名称）")
        if self.preview_dialog is None:
            self.preview_dialog = PreviewDialog(self, tr("卡片预览"), self.ctx.english())
        self.preview_dialog.setWindowTitle(tr("卡片预览：{name}").format(name=title))
        self.preview_dialog.preview.show_message(tr("正在生成预览……"))
        self.preview_dialog.show()
        item_id = self.editor.item_id
        section_id = self.editor.item.section_id if self.editor.item is not None else self.ctx.user.section_id
        CardJob(self, self.ctx, lambda job: draft_card_pdf(guide, title, section_id, item_id),
                key=f"guide.preview.{id(self)}") \
            .success(lambda result: self.preview_dialog.preview.show_pdf(result.pdf, result.warnings)) \
            .failure(self._preview_failed).run_in_background()

    def _preview_failed(self, error: BaseException) -> None:
        from desktop.operations import error_text
        self.preview_dialog.preview.show_message(error_text(self.ctx, error))


def draft_card_pdf(guide: dict, title: str, section_id: str | None, item_id: str | None):
    """An A6 card of a working copy, stamped as a preview (on the cards thread)."""
    from db import settings
    from db.models import Section
    from desktop.cards.printing import template_for
    from forms.cards import CardData, render_cards
    section = Section.get_or_none(Section.id == section_id)
    pattern = str(settings.get("guide_url_pattern") or "")
    try:
        url = pattern.format(item_id=item_id or "preview", index_no="", version_no="")
    except (KeyError, IndexError, ValueError):
        url = ""
    card = CardData(guide, title, section.name if section else "", 0, "", url)
    return render_cards([card], template_for("a6"), "a6")
