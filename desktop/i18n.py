"""Interface language. Source strings are Simplified Chinese; English comes from a .ts file.

The .ts catalogue (Qt Linguist's XML, maintained with pylupdate6) is read directly at
start-up by a small QTranslator subclass, so no compiled .qm file has to be built or
committed. Qt's own qtbase_zh_CN.qm translates stock buttons in the Chinese interface.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PyQt6.QtCore import QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


class TsTranslator(QTranslator):
    """Looks messages up in a dict built from a .ts file; unknown ones fall back to the source."""

    def __init__(self, messages: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self.messages = messages

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.messages.get((context, source_text)) or None

    def isEmpty(self) -> bool:
        return not self.messages


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                messages[(name, message.findtext("source") or "")] = translation.text
    return messages


def install(app, language: str) -> list[QTranslator]:
    """Install the translators for `language`; keep the returned list alive with the app."""
    installed: list[QTranslator] = []
    if language.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        catalogue = I18N_DIR / "gongkai_en.ts"
        if catalogue.exists():
            installed.append(TsTranslator(read_ts(catalogue), app))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed
