"""Chinese fonts for printed forms (guide cards, approval slips).

reportlab can embed TrueType outlines only, so discovery looks for CJK TrueType files
(.ttf, or a sub-font of a .ttc) and skips CFF-outlined OpenType files. When none is
found it falls back to reportlab's built-in STSong-Light CID font, which is *not*
embedded: the PDF then depends on the reader having a Chinese font, so the FontSet
carries a warning for the application to show.

Nothing here imports reportlab at module import time; registering a TTC costs ~80 ms
and happens once per process, on first use.
"""
from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

FONT_ENV = "GONGKAI_CARD_FONT"      # "path", "path#subfont-index" or "fallback"
FALLBACK_CID_FONT = "STSong-Light"
_PROBE_CHAR = ord("中")             # a font without it is no Chinese font
_discovery_lock = threading.Lock()


class PrintWarning(str):
    """A warning about a printed form: Chinese (the string itself), English in `.english`."""

    english: str

    def __new__(cls, chinese: str, english: str) -> "PrintWarning":
        warning = super().__new__(cls, chinese)
        warning.english = english
        return warning


FALLBACK_WARNING = PrintWarning(
    "未找到可嵌入的中文 TrueType 字体，已使用不嵌入的 STSong-Light，其他电脑上可能无法正确显示",
    "No embeddable Chinese TrueType font was found; the unembedded STSong-Light font was "
    "used, so the PDF may not display correctly on other computers")


@dataclass(frozen=True)
class FontFile:
    path: str
    subfont: int = 0


# Known files, best first. Song (宋体) faces read best for body text, Hei (黑体) for
# headings; a Hei face is still a good body font when no Song face exists.
SONG_FILES = ("simsun.ttc", "simsun.ttf", "songti.ttc", "stsong.ttf", "uming.ttc",
              "ukai.ttc", "notoserifcjk-regular.ttc", "notoserifcjksc-regular.otf")
HEI_FILES = ("simhei.ttf", "msyh.ttc", "msyh.ttf", "stheiti medium.ttc",
             "stheiti light.ttc", "wqy-zenhei.ttc", "wqy-microhei.ttc",
             "notosanscjk-regular.ttc", "notosanscjksc-regular.otf",
             "droidsansfallbackfull.ttf")


@dataclass(frozen=True)
class FontSet:
    """The reportlab font names a printed form uses, and how they were found."""

    body: str
    heading: str
    embedded: bool
    sources: tuple[str, ...] = ()
    warnings: tuple[PrintWarning, ...] = field(default=())

    @property
    def fake_bold_headings(self) -> bool:
        """Headings need simulated bold when they share the body's face."""
        return self.heading == self.body

    @classmethod
    def discover(cls, configured: str | None = None,
                 search_paths: Sequence[str] | None = None) -> "FontSet":
        """Find and register fonts; cached per process for equal arguments.

        `configured` is a path (optionally "path#index" for a .ttc sub-font) or
        "fallback"; when None the GONGKAI_CARD_FONT environment variable is used.
        `search_paths=[]` searches nowhere, which forces the fallback unless a
        font is configured.
        """
        if configured is None:
            configured = os.environ.get(FONT_ENV) or None
        paths = None if search_paths is None else tuple(str(p) for p in search_paths)
        with _discovery_lock:           # renders may start on several worker threads
            return _discover_cached(configured, paths)

    @classmethod
    def fallback(cls, warnings: tuple[PrintWarning, ...] = ()) -> "FontSet":
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
        return cls(FALLBACK_CID_FONT, FALLBACK_CID_FONT, embedded=False,
                   sources=(FALLBACK_CID_FONT,), warnings=warnings + (FALLBACK_WARNING,))

    def missing_characters(self, chars: Iterable[str]) -> list[str]:
        """Characters of `chars` that the body or heading face has no glyph for: they
        would print as empty boxes (tofu)."""
        if not self.embedded:
            return []
        from reportlab.pdfbase import pdfmetrics

        faces = [pdfmetrics.getFont(name).face.charToGlyph for name in {self.body, self.heading}]
        return sorted({c for c in chars if not c.isspace()
                       and any(ord(c) not in glyphs for glyphs in faces)})


@lru_cache(maxsize=8)
def _discover_cached(configured: str | None, search_paths: tuple[str, ...] | None) -> FontSet:
    notes: list[PrintWarning] = []
    if configured and configured.strip().lower() != "fallback":
        name = _register_configured(configured, notes)
        if name:
            return FontSet(name, name, embedded=True, sources=(configured,),
                           warnings=tuple(notes))
    if configured and configured.strip().lower() == "fallback":
        return FontSet.fallback()
    if search_paths is None:
        search_paths = tuple(default_search_paths())
    index = _index_font_files(search_paths)
    body = _first_registered(index, SONG_FILES + HEI_FILES, notes)
    if body is None:
        return FontSet.fallback(tuple(notes))
    heading = _first_registered(index, HEI_FILES, notes) or body
    return FontSet(body[0], heading[0], embedded=True,
                   sources=tuple(dict.fromkeys((body[1], heading[1]))), warnings=tuple(notes))


def default_search_paths() -> list[str]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local"))
        return [os.path.join(windir, "Fonts"),
                os.path.join(local, "Microsoft", "Windows", "Fonts")]
    if sys.platform == "darwin":
        return ["/System/Library/Fonts", "/System/Library/Fonts/Supplemental",
                "/Library/Fonts", str(home / "Library" / "Fonts")]
    return ["/usr/share/fonts", "/usr/local/share/fonts",
            str(home / ".local" / "share" / "fonts"), str(home / ".fonts")]


def _index_font_files(search_paths: Iterable[str]) -> dict[str, str]:
    """Lower-case file name -> first path found, over all search paths (recursive)."""
    index: dict[str, str] = {}
    for root in search_paths:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                index.setdefault(name.lower(), os.path.join(folder, name))
    return index


def _first_registered(index: dict[str, str], names: Sequence[str],
                      notes: list[PrintWarning]) -> tuple[str, str] | None:
    for file_name in names:
        path = index.get(file_name)
        if path and has_truetype_outlines(path, 0):
            font_name = register_truetype(FontFile(path, 0), notes)
            if font_name:
                return font_name, path
    return None


def _register_configured(configured: str, notes: list[PrintWarning]) -> str | None:
    path, _, index_text = configured.strip().partition("#")
    subfont = int(index_text) if index_text.strip().isdigit() else 0
    if not os.path.isfile(path):
        notes.append(PrintWarning(f"配置的字体文件不存在：{path}",
                                  f"The configured font file does not exist: {path}"))
        return None
    if not has_truetype_outlines(path, subfont):
        notes.append(PrintWarning(
            f"配置的字体不是 TrueType 轮廓（CFF/OTF 无法嵌入）：{configured}",
            f"The configured font has no TrueType outlines (CFF/OTF cannot be embedded): "
            f"{configured}"))
        return None
    return register_truetype(FontFile(path, subfont), notes)


def has_truetype_outlines(path: str, subfont: int = 0) -> bool:
    """True for a TrueType-outlined .ttf or .ttc sub-font; False for CFF ('OTTO')."""
    try:
        with open(path, "rb") as handle:
            tag = handle.read(4)
            if tag == b"ttcf":
                handle.seek(8)
                count = int.from_bytes(handle.read(4), "big")
                if not 0 <= subfont < count:
                    return False
                handle.seek(12 + 4 * subfont)
                handle.seek(int.from_bytes(handle.read(4), "big"))
                tag = handle.read(4)
    except OSError:
        return False
    return tag in (b"\x00\x01\x00\x00", b"true")


_registered: dict[FontFile, str] = {}


def register_truetype(font_file: FontFile, notes: list[PrintWarning]) -> str | None:
    """Register a CJK TrueType font with reportlab once per process; its name or None."""
    if font_file in _registered:
        return _registered[font_file]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"GK{len(_registered) + 1}-{Path(font_file.path).stem}-{font_file.subfont}"
    try:
        font = TTFont(name, font_file.path, subfontIndex=font_file.subfont)
    except (TTFError, OSError, ValueError) as error:
        notes.append(PrintWarning(f"无法使用字体 {font_file.path}：{error}",
                                  f"Cannot use font {font_file.path}: {error}"))
        return None
    if _PROBE_CHAR not in font.face.charToGlyph:
        notes.append(PrintWarning(f"字体 {font_file.path} 不含中文字形，已跳过",
                                  f"Font {font_file.path} has no Chinese glyphs; skipped"))
        return None
    pdfmetrics.registerFont(font)
    _registered[font_file] = name
    return name
