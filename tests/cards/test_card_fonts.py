"""Fonts: an embedded CJK TrueType font when one exists, a loud fallback when not."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from forms.cards import CardTemplate, render_cards
from forms.fonts import (FALLBACK_WARNING, FONT_ENV, FontSet, has_truetype_outlines)
from tests.cards.card_helpers import ROOT, demo_cards, pdf_fonts, pdf_lines

WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
TEMPLATE = CardTemplate.default()
CARD = demo_cards()[2]


def system_fonts() -> FontSet:
    fonts = FontSet.discover()
    if not fonts.embedded:
        pytest.skip("no embeddable CJK TrueType font on this machine")
    return fonts


def test_system_font_is_embedded_as_a_truetype_subset():
    fonts = system_fonts()
    result = render_cards([CARD], TEMPLATE, "a6", fonts)
    assert FALLBACK_WARNING not in result.warnings
    from reportlab.pdfbase import pdfmetrics
    face = pdfmetrics.getFont(fonts.body).face.name.decode()
    embedded = [f for f in pdf_fonts(result.pdf) if "/FontDescriptor" in f]
    assert embedded, "no font descriptors in the PDF"
    for font in embedded:
        name = str(font["/BaseFont"]).lstrip("/")
        assert name.split("+")[-1].startswith(face), name
        assert len(name.split("+")[0]) == 6, f"{name} is not a subset name"
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"


@pytest.mark.skipif(not os.path.exists(WQY), reason="needs Debian's fonts-wqy-zenhei")
def test_configured_ttc_sub_font_is_used():
    fonts = FontSet.discover(configured=f"{WQY}#1", search_paths=[])
    assert fonts.embedded and fonts.warnings == ()
    result = render_cards([CARD], TEMPLATE, "a6", fonts)
    names = {str(f["/BaseFont"]).split("+")[-1] for f in pdf_fonts(result.pdf)}
    assert names and all(n.startswith("WenQuanYiZenHeiMono") for n in names), names


def test_without_a_truetype_font_the_unembedded_fallback_is_used_with_a_warning():
    fonts = FontSet.discover(search_paths=[])
    assert not fonts.embedded
    result = render_cards([CARD], TEMPLATE, "a6", fonts)
    assert FALLBACK_WARNING in result.warnings
    warning = result.warnings[result.warnings.index(FALLBACK_WARNING)]
    assert "STSong-Light" in warning and "STSong-Light" in warning.english
    fonts_used = pdf_fonts(result.pdf)
    assert {str(f["/BaseFont"]) for f in fonts_used} == {"/STSong-Light"}
    assert not any("/FontFile2" in f.get("/FontDescriptor", {}) for f in fonts_used)
    assert any(CARD.card_title in ln.text for ln in pdf_lines(result.pdf))


def test_environment_variable_forces_the_fallback(monkeypatch):
    monkeypatch.setenv(FONT_ENV, "fallback")
    assert not FontSet.discover().embedded


def test_a_configured_font_that_is_missing_is_reported_and_discovery_continues():
    fonts = FontSet.discover(configured="/nonexistent/simsun.ttc", search_paths=[])
    assert not fonts.embedded
    assert any("/nonexistent/simsun.ttc" in w for w in fonts.warnings)
    assert FALLBACK_WARNING in fonts.warnings


def test_cff_outlined_fonts_are_recognised_and_skipped(tmp_path):
    otf = tmp_path / "NotoSansCJKsc-Regular.otf"
    otf.write_bytes(b"OTTO" + bytes(60))
    ttc = tmp_path / "NotoSansCJK-Regular.ttc"      # a collection of CFF faces
    ttc.write_bytes(b"ttcf" + b"\x00\x01\x00\x00" + (1).to_bytes(4, "big")
                    + (16).to_bytes(4, "big") + b"OTTO" + bytes(60))
    assert not has_truetype_outlines(str(otf))
    assert not has_truetype_outlines(str(ttc), 0)
    assert not has_truetype_outlines(str(ttc), 1)           # no such sub-font
    fonts = FontSet.discover(search_paths=[str(tmp_path)])
    assert not fonts.embedded, "a CFF font must not be registered"
    fonts = FontSet.discover(configured=str(otf), search_paths=[])
    assert any("CFF" in w for w in fonts.warnings)


@pytest.mark.skipif(not os.path.exists(WQY), reason="needs Debian's fonts-wqy-zenhei")
def test_truetype_collection_is_recognised():
    assert has_truetype_outlines(WQY, 0) and has_truetype_outlines(WQY, 2)


def test_characters_missing_from_the_font_are_reported():
    fonts = system_fonts()
    from reportlab.pdfbase import pdfmetrics
    glyphs = pdfmetrics.getFont(fonts.body).face.charToGlyph
    rare = next((c for c in "𠀀𪚥𫝀𬺓" if ord(c) not in glyphs), None)
    if rare is None:
        pytest.skip("the system font covers every rare test character")
    card = demo_cards()[0]
    card.guide["conditions"] += f"（含生僻字{rare}）"
    result = render_cards([card], TEMPLATE, "a6", fonts)
    assert any(rare in w and rare in w.english for w in result.warnings)


def test_importing_forms_loads_neither_qt_nor_reportlab():
    code = ("import sys, forms.cards, forms.fonts, forms.cards.model\n"
            "print(sorted({n.split('.')[0] for n in sys.modules} & {'PyQt6', 'reportlab'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_rendering_loads_no_qt():
    code = ("import sys\nfrom tests.cards.card_helpers import demo_cards\n"
            "from forms.cards import CardTemplate, render_cards\n"
            "render_cards(demo_cards()[:1], CardTemplate.default(), 'a6')\n"
            "print([n for n in sys.modules if n.startswith('PyQt6')])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"
