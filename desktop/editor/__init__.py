"""The item editor: one window per item, opened from the item list (or anywhere else).

    from desktop.editor import open_editor
    open_editor(ctx, parent, item_id="…")          # an existing item
    open_editor(ctx, parent, column_id="…")        # a new item in that column

Opening an item that already has a window raises that window instead of a second one.
After saves and submissions the editor calls ctx.notify(Changes(items=True)).
"""
from __future__ import annotations

from desktop.editor.window import ItemEditor


def open_editors(ctx) -> list[ItemEditor]:
    """The editor windows open in this application context."""
    return vars(ctx).setdefault("open_editors", [])


def open_editor(ctx, parent=None, item_id: str | None = None, column_id: str | None = None) -> ItemEditor:
    for editor in open_editors(ctx):
        if item_id and editor.session.item_id == item_id and not editor.closing:
            editor.showNormal()
            editor.raise_()
            editor.activateWindow()
            return editor
    editor = ItemEditor(ctx, parent, item_id, column_id)
    open_editors(ctx).append(editor)
    editor.destroyed.connect(lambda _obj=None, e=editor: _forget(ctx, e))
    editor.show()
    return editor


def _forget(ctx, editor: ItemEditor) -> None:
    editors = open_editors(ctx)
    if editor in editors:
        editors.remove(editor)


def close_all(ctx, ask: bool = True) -> bool:
    """Close every editor window; False if one stays open.

    With `ask`, each asks about its unsaved changes. Without, they close at once and write
    nothing more: for when the profile is about to be replaced (restore) or closed.
    """
    editors = [e for e in open_editors(ctx) if not e.closing]
    if not ask:
        for editor in editors:
            editor.close_without_asking()
        return True
    return all(editor.close() for editor in editors)
