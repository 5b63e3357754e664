"""The item's fields and the widgets that edit them: one table, symmetric load and save.

Each Field names the attribute of db.models.Item it holds (the key save_item takes), its
label, the objectName of its widget in forms/ui/item_editor.ui, and a Binding that says
how that kind of widget gives and takes a plain-text value. The editor and the leader's
review view share this table; the review view uses `display_rows()` or loads the same
form and calls `set_read_only(ui, True)`.

    values = values_of(item)      # Item row → {name: text}
    load(ui, values)              # text → widgets (no change signals while loading)
    save(ui)                      # widgets → {name: text} for db.items.save_item
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtGui import QPalette
from PyQt6.QtWidgets import QComboBox, QPushButton, QWidget

from db.models import DISCLOSURE, SECRECY, VALIDITY, Organisation, Topic
from desktop.editor.widgets import READ_ONLY_CHOICE

READ_ONLY_CHOICE_COMBO = READ_ONLY_CHOICE.format(cls="QComboBox")


def tr(text: str) -> str:
    return QCoreApplication.translate("EditorFields", text)


@dataclass(frozen=True)
class Binding:
    """How one kind of widget gives and takes a field's text."""
    get: Callable[[QWidget], str]
    set: Callable[[QWidget, str], None]
    changed: Callable[[QWidget], object]            # the widget's "user changed it" signal
    read_only: Callable[[QWidget, bool], None]
    left: Callable[[QWidget], object] | None = None  # signal when the user leaves the widget


# The stored values of the fixed choices are Chinese; the English interface shows these labels.
CHOICE_LABELS = (
    QT_TRANSLATE_NOOP("EditorFields", "有效"), QT_TRANSLATE_NOOP("EditorFields", "失效"),
    QT_TRANSLATE_NOOP("EditorFields", "废止"), QT_TRANSLATE_NOOP("EditorFields", "主动公开"),
    QT_TRANSLATE_NOOP("EditorFields", "依申请公开"), QT_TRANSLATE_NOOP("EditorFields", "不予公开"),
    QT_TRANSLATE_NOOP("EditorFields", "非涉密"), QT_TRANSLATE_NOOP("EditorFields", "涉密"),
)


def choice_label(value: str) -> str:
    """有效 / Valid: a fixed choice's stored (Chinese) value in the interface language."""
    return tr(value) if value in CHOICE_LABELS else value


def _combo_value(combo: QComboBox) -> str:
    """The stored value of the chosen entry: its data (the label may be translated)."""
    value = combo.currentData()
    return value if isinstance(value, str) else combo.currentText()


def _set_combo(combo: QComboBox, text: str) -> None:
    """Select the entry whose value is `text`; a value no longer on the list is added so the
    user still sees it."""
    if not text:
        combo.setCurrentIndex(-1)
        return
    index = combo.findData(text)
    if index < 0:
        combo.addItem(choice_label(text), text)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def look_read_only(widget: QWidget, read_only: bool) -> None:
    """Every read-only field looks alike, as the 索引号 always has: the window's grey where one
    types into white, and text as dark as ever. Choices (combos, the topic picker) are
    disabled and, while they are, drawn as such a field by a style sheet, without an arrow."""
    if isinstance(widget, QComboBox):
        widget.setStyleSheet(READ_ONLY_CHOICE_COMBO if read_only else "")
        return
    if isinstance(widget, QPushButton):
        return                                  # TopicPicker carries the style itself
    if not read_only:
        widget.setPalette(QPalette())           # back to the inherited palette
        return
    palette = widget.parentWidget().palette() if widget.parentWidget() else widget.palette()
    grey = palette.color(QPalette.ColorRole.Window)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, grey)
    widget.setPalette(palette)


def _read_only_target(widget: QWidget) -> QWidget:
    """The body editor is read only in its text, not its toolbar (which stays greyed out)."""
    return getattr(widget, "edit", widget)


LINE = Binding(get=lambda w: w.text().strip(), set=lambda w, v: w.setText(v),
               changed=lambda w: w.textEdited, read_only=lambda w, ro: w.setReadOnly(ro),
               left=lambda w: w.editingFinished)
PLAIN = Binding(get=lambda w: w.toPlainText().strip(), set=lambda w, v: w.setPlainText(v),
                changed=lambda w: w.textChanged, read_only=lambda w, ro: w.setReadOnly(ro))
COMBO = Binding(get=_combo_value, set=_set_combo,
                changed=lambda w: w.currentTextChanged, read_only=lambda w, ro: w.setEnabled(not ro))
VALUE = Binding(get=lambda w: w.value(), set=lambda w, v: w.setValue(v),   # TopicPicker, dates, body
                changed=lambda w: w.valueChanged, read_only=lambda w, ro: w.setReadOnly(ro))


@dataclass(frozen=True)
class Field:
    name: str                      # Item attribute and save_item key
    label: str                     # Chinese source text, translated in context "EditorFields"
    widget: str                    # objectName in item_editor.ui; its message label is <name>_error
    binding: Binding
    editable: bool = True          # False: shown, never saved (索引号 is assigned by the system)
    live: bool = True              # check while typing; False: when the user leaves the field
    problem_key: str = ""          # key of this field in db problems, when not `name`
    display: Callable[[str], str] = field(default=lambda value: value)

    @property
    def problem(self) -> str:
        return self.problem_key or self.name


def topic_display(code: str) -> str:
    topic = Topic.get_or_none(Topic.code == code) if code else None
    return topic.name if topic else code


FIELD_MAP: tuple[Field, ...] = (
    Field("title", QT_TRANSLATE_NOOP("EditorFields", "标题"), "title_edit", LINE),
    Field("body_html", QT_TRANSLATE_NOOP("EditorFields", "正文"), "body_editor", VALUE, problem_key="body"),
    Field("index_no", QT_TRANSLATE_NOOP("EditorFields", "索引号"), "index_no_edit", LINE, editable=False),
    Field("publisher", QT_TRANSLATE_NOOP("EditorFields", "发布机构"), "publisher_combo", COMBO),
    Field("doc_no", QT_TRANSLATE_NOOP("EditorFields", "文号"), "doc_no_edit", LINE, live=False),
    Field("topic", QT_TRANSLATE_NOOP("EditorFields", "主题分类"), "topic_picker", VALUE, display=topic_display),
    Field("written_on", QT_TRANSLATE_NOOP("EditorFields", "成文日期"), "written_on_edit", VALUE),
    Field("validity", QT_TRANSLATE_NOOP("EditorFields", "有效性"), "validity_combo", COMBO, display=choice_label),
    Field("disclosure", QT_TRANSLATE_NOOP("EditorFields", "公开属性"), "disclosure_combo", COMBO,
          display=choice_label),
    Field("secrecy", QT_TRANSLATE_NOOP("EditorFields", "涉密状态"), "secrecy_combo", COMBO, display=choice_label),
    Field("summary", QT_TRANSLATE_NOOP("EditorFields", "内容概述"), "summary_edit", PLAIN),
)
BY_NAME = {f.name: f for f in FIELD_MAP}
CATALOGUE = tuple(f for f in FIELD_MAP if f.name not in ("title", "body_html"))


def widget_of(ui, spec: Field) -> QWidget:
    return getattr(ui, spec.widget)


def error_label_of(ui, spec: Field):
    return getattr(ui, f"{spec.name}_error", None)


def values_of(item) -> dict[str, str]:
    """The field texts of an Item row (or of an unsaved Item carrying restored content)."""
    return {spec.name: getattr(item, spec.name) or "" for spec in FIELD_MAP}


def load(ui, values: dict[str, str]) -> None:
    """Show `values` in the widgets without emitting their change signals."""
    for spec in FIELD_MAP:
        if spec.name in values:
            widget = widget_of(ui, spec)
            blocked = widget.blockSignals(True)
            try:
                spec.binding.set(widget, values[spec.name] or "")
            finally:
                widget.blockSignals(blocked)


def save(ui) -> dict[str, str]:
    """The editable fields as save_item takes them."""
    return {spec.name: spec.binding.get(widget_of(ui, spec)) for spec in FIELD_MAP if spec.editable}


def set_read_only(ui, read_only: bool) -> None:
    for spec in FIELD_MAP:
        widget = widget_of(ui, spec)
        fixed = read_only or not spec.editable
        spec.binding.read_only(widget, fixed)
        look_read_only(_read_only_target(widget), fixed)


def connect_changes(ui, on_change: Callable[[str], None], on_leave: Callable[[str], None]) -> None:
    """Call on_change(name) when the user edits a field and on_leave(name) when they leave one."""
    for spec in FIELD_MAP:
        if not spec.editable:
            continue
        widget = widget_of(ui, spec)
        spec.binding.changed(widget).connect(lambda *_args, name=spec.name: on_change(name))
        if spec.binding.left is not None:
            spec.binding.left(widget).connect(lambda name=spec.name: on_leave(name))


def fill_choices(ui) -> None:
    """The fixed option lists and the organisation list (full names of active publishers)."""
    for name, options in (("validity", VALIDITY), ("disclosure", DISCLOSURE), ("secrecy", SECRECY)):
        combo = widget_of(ui, BY_NAME[name])
        combo.clear()
        for value in options:
            combo.addItem(choice_label(value), value)
    publishers = widget_of(ui, BY_NAME["publisher"])
    publishers.clear()
    for organisation in (Organisation.select().where(Organisation.active)
                         .order_by(Organisation.sort_order, Organisation.name)):
        publishers.addItem(organisation.name, organisation.name)
    topics = [(t.code, t.name, t.parent_id) for t in Topic.select().order_by(Topic.sort_order, Topic.code)]
    widget_of(ui, BY_NAME["topic"]).set_topics(_tree_order(topics))


def _tree_order(rows: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    children: dict[str | None, list] = {}
    for row in rows:
        children.setdefault(row[2], []).append(row)
    ordered: list = []

    def walk(parent):
        for row in children.get(parent, []):
            ordered.append(row)
            walk(row[0])
    walk(None)
    return ordered


def display_rows(values: dict[str, str], include=CATALOGUE) -> list[tuple[str, str]]:
    """(translated label, display text) of the catalogue fields, for read-only views."""
    return [(tr(spec.label), spec.display(values.get(spec.name) or "")) for spec in include]
