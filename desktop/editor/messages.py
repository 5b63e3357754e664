"""The messages under the editor's fields: format checks while typing, submission problems.

The rules are db.metadata's (field_problems); this module only decides where and when
their messages show, in the interface language.
"""
from __future__ import annotations

from typing import Callable

from db import metadata
from desktop.editor import fields as field_map

ERROR_STYLE = "color: #b3261e"
OVER_LIMIT_STYLE = "color: #b3261e; font-weight: bold"

Problem = tuple[str, str]   # (Chinese, English)


class FieldMessages:
    def __init__(self, ui, english: Callable[[], bool]):
        self.ui, self.english = ui, english
        for spec in field_map.FIELD_MAP:
            label = field_map.error_label_of(ui, spec)
            if label is not None:
                label.setStyleSheet(ERROR_STYLE)
                label.hide()

    def say(self, problem: Problem) -> str:
        return problem[1] if self.english() else problem[0]

    def check(self, name: str) -> None:
        """Show the format problem of one field as it stands now (or clear its message)."""
        spec = field_map.BY_NAME[name]
        value = spec.binding.get(field_map.widget_of(self.ui, spec))
        self.show(spec, metadata.field_problems({name: value}).get(name))

    def check_all(self) -> None:
        for spec in field_map.FIELD_MAP:
            if spec.editable:
                self.check(spec.name)

    def show(self, spec: field_map.Field, problem: Problem | None) -> None:
        label = field_map.error_label_of(self.ui, spec)
        if label is None:
            return
        label.setText(self.say(problem) if problem else "")
        label.setVisible(bool(problem))

    def showing(self, spec: field_map.Field) -> bool:
        label = field_map.error_label_of(self.ui, spec)
        return label is not None and not label.isHidden()

    def show_submission(self, problems: dict[str, Problem]) -> tuple[field_map.Field | None, list[str]]:
        """Each field's problem under it. Returns the first field in form order that has one,
        and the messages of problems that belong to no field (e.g. a panel's)."""
        first = None
        for spec in field_map.FIELD_MAP:
            problem = problems.get(spec.problem)
            self.show(spec, problem)
            if problem and first is None:
                first = spec
        own = {spec.problem for spec in field_map.FIELD_MAP}
        return first, [self.say(p) for key, p in problems.items() if key not in own]

    def count_summary(self) -> None:
        """The live "n/100" under 内容概述, red when over."""
        length = len(self.ui.summary_edit.toPlainText().strip())
        self.ui.summary_counter.setText(f"{length}/{metadata.SUMMARY_MAX}")
        self.ui.summary_counter.setStyleSheet(OVER_LIMIT_STYLE if length > metadata.SUMMARY_MAX else "")
