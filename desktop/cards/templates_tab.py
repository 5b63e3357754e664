"""卡片模板: the 管理 page's tab where the administrator edits the guide card templates.

Left, the templates and which layout prints with each; right, the chosen template's
elements (tick, order, heading) with a live preview of a real guide in the chosen
layout, rendered on the cards thread a moment after each change. The template's rules
(db.cards.rules, the renderer's own) are checked as it is edited; 保存 runs
db.cards.templates on the write worker (admin only, audited, sent to the other
workstations).
"""
from __future__ import annotations

import json

from PyQt6.QtCore import QCoreApplication, Qt, QTimer
from PyQt6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from db.cards import rules, templates
from desktop.cards.jobs import CardJob
from desktop.cards.preview import CardPreview
from desktop.cards.template_editor import ElementsEditor
from desktop.context import Changes
from desktop.operations import Op, Query, error_text

ID_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_DELAY_MS = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("CardTemplates", text)


def layout_name(layout: str, english: bool) -> str:
    zh, en = rules.LAYOUT_LABELS[layout]
    return en if english else zh


class CardTemplatesTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.stored: dict[str, templates.StoredTemplate] = {}
        self.current_id: str | None = None          # None: a new template not saved yet
        self._loading = False
        self._build()
        self.reload()

    # building ----------------------------------------------------------------------------------
    def _build(self) -> None:
        english = self.ctx.english()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.new_button, self.copy_button = QPushButton(tr("新建")), QPushButton(tr("复制"))
        self.remove_button = QPushButton(tr("删除…"))
        self.layout_combos = {layout: QComboBox() for layout in rules.LAYOUTS}
        choices = QFormLayout()
        for layout, combo in self.layout_combos.items():
            choices.addRow(layout_name(layout, english), combo)
            combo.activated.connect(lambda _index, layout=layout: self.choose_for_layout(layout))
        layouts_box = QGroupBox(tr("各版式使用的模板"))
        layouts_box.setLayout(choices)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.remove_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(layouts_box)
        self.name = QLineEdit()
        self.elements = ElementsEditor()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.save_button = QPushButton(tr("保存模板"))
        self.preview_layout = QComboBox()
        for layout in rules.LAYOUTS:
            self.preview_layout.addItem(layout_name(layout, english), layout)
        self.preview = CardPreview(self, english)
        self.preview.setMinimumWidth(120)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(tr("模板名称")))
        name_row.addWidget(self.name, 1)
        editor_layout.addLayout(name_row)
        editor_layout.addWidget(self.elements, 1)
        editor_layout.addWidget(self.problem)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        editor_layout.addLayout(save_row)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("预览版式")))
        top.addWidget(self.preview_layout, 1)
        preview_layout.addLayout(top)
        preview_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        for widget in (left, editor, preview_box):
            splitter.addWidget(widget)
        splitter.setSizes([220, 460, 360])
        layout = QVBoxLayout(self)
        about = QLabel(tr("办事须知卡印出哪些要素、按什么顺序、用什么标题，由模板决定；事项名称总是卡片的标题。"
                          "修改保存后立即用于打印，并同步到其他工作站。"))
        about.setWordWrap(True)
        layout.addWidget(about)
        layout.addWidget(splitter, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.render_preview)
        self.list.currentItemChanged.connect(lambda item, _old: self.show_template(item.data(ID_ROLE) if item else None))
        self.name.textEdited.connect(lambda _text: self.edited())
        self.elements.changed.connect(self.edited)
        self.preview_layout.currentIndexChanged.connect(lambda _i: self.timer.start())
        self.new_button.clicked.connect(self.start_new)
        self.copy_button.clicked.connect(self.copy_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.save_button.clicked.connect(self.save)

    # loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.current_id
        self.stored = {t.id: t for t in templates.all_templates()}
        self.list.blockSignals(True)
        self.list.clear()
        for stored in self.stored.values():
            used = "、".join(layout_name(layout, self.ctx.english()) for layout in stored.layouts)
            text = stored.name + ("\n" + tr("用于：{layouts}").format(layouts=used) if used else "")
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, stored.id)
            item.setToolTip(text)
        self.list.blockSignals(False)
        for layout, combo in self.layout_combos.items():
            combo.clear()
            for stored in self.stored.values():
                combo.addItem(stored.name, stored.id)
            chosen = next((t.id for t in self.stored.values() if layout in t.layouts), None)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        ids = list(self.stored)
        row = ids.index(keep) if keep in ids else 0
        if ids:
            self.list.setCurrentRow(row)
            self.show_template(ids[row])

    def show_template(self, template_id: str | None) -> None:
        stored = self.stored.get(template_id) if template_id else None
        if stored is None:
            return
        self.current_id = stored.id
        self._show(stored.name, stored.elements)

    def _show(self, name: str, elements: rules.Elements) -> None:
        self._loading = True
        self.name.setText(name)
        self.elements.set_elements(elements)
        self._loading = False
        self.edited(changed=False)

    def start_new(self) -> None:
        self.current_id = None
        self.list.clearSelection()
        self._show(tr("新模板"), tuple(rules.ELEMENT_HEADINGS.items())[:8])
        self.name.setFocus()
        self.name.selectAll()

    def copy_current(self) -> None:
        name, elements = self.name.text().strip(), self.elements.elements()
        self.current_id = None
        self.list.clearSelection()
        self._show(tr("{name}（副本）").format(name=name), elements)

    # editing ------------------------------------------------------------------------------------
    def edited(self, changed: bool = True) -> None:
        if self._loading:
            return
        problems = rules.template_problems(self.name.text().strip(), self.elements.elements())
        name_problem = rules.name_problem(self.name.text())
        shown = ([name_problem] if name_problem else []) + problems
        english = self.ctx.english()
        self.problem.setText("\n".join(en if english else zh for zh, en in shown))
        self.problem.setVisible(bool(shown))
        self.save_button.setEnabled(not shown)
        self.timer.start()

    def save(self) -> None:
        admin, template_id = self.ctx.user, self.current_id
        name, elements = self.name.text(), self.elements.elements()
        (Op(self, self.ctx, lambda: templates.save_template(admin, template_id, name, elements), Changes(directory=True))
         .success(self._saved).failure(self._refused).run_in_background())

    def _saved(self, stored) -> None:
        self.current_id = stored.id
        self.problem.setStyleSheet("color: #2e7d32")
        self.problem.setText(tr("已保存：{name}").format(name=stored.name))
        self.problem.show()
        self.reload()
        self.problem.setStyleSheet("color: #c62828")

    def _refused(self, error: BaseException) -> None:
        self.problem.setText(error_text(self.ctx, error))
        self.problem.show()

    def choose_for_layout(self, layout: str) -> None:
        admin, template_id = self.ctx.user, self.layout_combos[layout].currentData()
        Op(self, self.ctx, lambda: templates.set_layout_template(admin, layout, template_id), Changes(directory=True)) \
            .success(lambda _r: self.reload()).failure(self._refused).run_in_background()

    def remove_current(self) -> None:
        stored = self.stored.get(self.current_id or "")
        if stored is None:
            return
        answer = QMessageBox.question(self, tr("删除模板"), tr("删除模板“{name}”？").format(name=stored.name))
        if answer == QMessageBox.StandardButton.Yes:
            admin = self.ctx.user
            Op(self, self.ctx, lambda: templates.remove_template(admin, stored.id), Changes(directory=True)) \
                .success(lambda _r: self._removed()).failure(self._refused).run_in_background()

    def _removed(self) -> None:
        self.current_id = None
        self.reload()

    # preview ------------------------------------------------------------------------------------
    def render_preview(self) -> None:
        elements = self.elements.elements()
        if rules.template_problems("preview", elements):
            self.preview.show_message(tr("模板有误，改正后显示预览"))
            return
        layout, name = self.preview_layout.currentData(), self.name.text().strip() or "preview"
        CardJob(self, self.ctx, lambda job: sample_pdf(name, elements, layout), key=f"templates.preview.{id(self)}") \
            .success(lambda result: self.preview.show_pdf(result.pdf, result.warnings)) \
            .failure(lambda error: self.preview.show_message(error_text(self.ctx, error))).run_in_background()


def sample_pdf(name: str, elements: rules.Elements, layout: str):
    """A card of a real guide (the first that may print; else the first demo guide)."""
    from db.cards import printing
    from db.models import Column, Item
    from desktop.cards.printing import card_of
    from forms.cards import CardData, CardTemplate, render_cards
    guides = Item.select().join(Column).where(Column.kind == "guide").order_by(Item.title).limit(50)
    printable = next((item for item in guides if printing.printable_version(item)[0] is not None), None)
    if printable is not None:
        card = card_of(printing.printable_guide(None, printable.id))
    else:
        from db.demo import GUIDES_FILE
        entry = json.loads(GUIDES_FILE.read_text(encoding="utf-8"))["guides"][0]
        card = CardData(entry["guide"], "", entry["section"], 1, "", "")
    return render_cards([card], CardTemplate(name, elements), layout)
