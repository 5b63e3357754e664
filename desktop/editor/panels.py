"""Extension panels of the item editor, registered like the main window's pages.

Another area adds a panel by appending one PanelSpec to EDITOR_PANELS; the editor shows
it when the predicate accepts the item's column (it is asked again when the column of a
new item changes). A panel module defines `Panel(ctx, editor)`, a QWidget with:

    changed                 a pyqtSignal() the panel emits when the user changes something;
                            it feeds autosave like any field
    load(item)              show an Item. For a new item, or a revision being restored,
                            it is an unsaved Item carrying the content: read its fields
                            (title, guide_json, column …), not its id
    values() -> dict        what to save, merged into the fields given to
                            db.items.save_item, e.g. {"guide": {...}}; {} for a view

and optionally:

    set_read_only(bool)     the editor is read-only (item in review, or not yours)
    show_problems(dict)     submission problems, {key: (zh, en)}; e.g. the keys
                            "guide.<element>" of db.items.submission_problems

The editor gives panels `editor.body_edit` (the body QTextEdit: highlight with extra
selections or a QSyntaxHighlighter, never by editing the document, which would count
as a user's change), `editor.current_fields()` (the values as they would be saved),
`editor.content_changed` (a signal on every change) and `editor.item_id`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from db.models import Column


@dataclass(frozen=True)
class PanelSpec:
    key: str
    title: str                           # Chinese source string, translated in context "EditorPanels"
    module: str                          # module defining Panel(ctx, editor)
    predicate: Callable[[Column], bool]  # shown for items of this column?
    area: str = "tab"                    # "tab": a tab beside 正文; "side": under the catalogue fields


EDITOR_PANELS: list[PanelSpec] = []
EDITOR_PANELS.append(PanelSpec("bundle", "配套信息", "desktop.editor.bundle_panel",
                               lambda column: column.kind in ("policy", "interpretation"), "side"))
EDITOR_PANELS.append(PanelSpec("checks", "发布前检查", "desktop.checks.findings_panel", lambda column: True, "side"))
EDITOR_PANELS.append(PanelSpec("guide", "办事指南", "desktop.guides.panel", lambda column: column.kind == "guide"))


def panels_for(column: Column | None) -> list[PanelSpec]:
    if column is None:
        return []
    return [spec for spec in EDITOR_PANELS if spec.predicate(column)]
