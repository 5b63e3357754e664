"""Designer forms (.ui files in this folder), compiled at run time by PyQt6.uic.

Windows compose a form rather than inherit it (Picard's pattern):

    self.ui = load_form("item_editor")()
    self.ui.setupUi(self)

Strings in a form are translated in the context named by the form's top-level class.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from PyQt6 import uic

UI_DIR = Path(__file__).resolve().parent


@cache
def load_form(name: str) -> type:
    """The generated form class of `<name>.ui`, compiled once per process."""
    form_class, _base_class = uic.loadUiType(str(UI_DIR / f"{name}.ui"))
    return form_class
