"""Interface language. Source strings are Simplified Chinese; English comes from .ts files.

The English catalogue is resources/i18n/gongkai_en.ts plus every resources/i18n/parts/*.ts
(one per area, so engineers add their strings without editing a shared file). The .ts
files (Qt Linguist's XML) are read directly at start-up by a small QTranslator subclass,
so no compiled .qm file has to be built or committed. Qt's own qtbase_zh_CN.qm translates
stock buttons in the Chinese interface.

The language is a per-workstation preference kept in QSettings under "language".
"""
from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
MAIN_CATALOGUE = I18N_DIR / "gongkai_en.ts"
PARTS_DIR = I18N_DIR / "parts"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "language"


class TsTranslator(QTranslator):
    """Looks messages up in a dict built from .ts files; unknown ones fall back to the source."""

    def __init__(self, messages: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self.messages = messages

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.messages.get((context, source_text)) or None

    def isEmpty(self) -> bool:
        return not self.messages


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation for every finished message of one .ts file."""
    import xml.etree.ElementTree as ET     # only the English interface reads .ts files
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


def catalogue_files() -> list[Path]:
    files = [MAIN_CATALOGUE] if MAIN_CATALOGUE.exists() else []
    return files + sorted(PARTS_DIR.glob("*.ts"))


def english_messages() -> dict[tuple[str, str], str]:
    """The whole English catalogue: the main file, then the parts (a part wins on a clash)."""
    messages: dict[tuple[str, str], str] = {}
    for path in catalogue_files():
        messages.update(read_ts(path))
    return messages


def saved_language(settings) -> str:
    value = str(settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(settings, language: str) -> None:
    settings.setValue(SETTINGS_KEY, language)


def install(app, language: str) -> list[QTranslator]:
    """Install the translators for `language`; keep the returned list alive with the app."""
    installed: list[QTranslator] = []
    if language.startswith("en"):
        QLocale.setDefault(QLocale("en_US"))     # by name: building QLocale's big enums costs ~40 ms
        installed.append(TsTranslator(english_messages(), app))
    else:
        QLocale.setDefault(QLocale("zh_CN"))
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def uninstall(app, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
