"""Helpers for the card tests: demo guides as CardData, and reading text back from PDFs."""
from __future__ import annotations

import copy
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pypdf

from db.guides import limit_text
from forms.cards import CardData
from forms.cards.elements import CARD_ELEMENTS

ROOT = Path(__file__).resolve().parents[2]
DEMO_GUIDES = ROOT / "resources" / "demo" / "guides.json"
URL_PATTERN = "https://zwfw.xinyang.gov.cn/bszn/{key}"


def demo_entries() -> list[dict]:
    return json.loads(DEMO_GUIDES.read_text(encoding="utf-8"))["guides"]


def card_for(entry: dict, version_no: int = 3, approved_on: str = "2026-11-30") -> CardData:
    return CardData(copy.deepcopy(entry["guide"]), entry["guide"]["name"], entry["section"],
                    version_no, approved_on, URL_PATTERN.format(key=entry["key"]))


def demo_cards() -> list[CardData]:
    return [card_for(entry) for entry in demo_entries()]


def long_guide_card(materials: int = 40, condition_chars: int = 2000) -> CardData:
    """A guide far too long for one card: many materials and a very long 申请条件."""
    entry = copy.deepcopy(demo_entries()[0])
    guide = entry["guide"]
    guide["name"] = "超长办事指南测试事项（建设项目联合审批综合受理）"
    base = [m for m in guide["materials"]]
    guide["materials"] = [dict(base[i % len(base)], copies=1 + i % 3,
                               name=f"{base[i % len(base)]['name']}（第{i + 1}项）")
                          for i in range(materials)]
    clause = ("申请人应当具备与申请事项相适应的场所、设备和专业技术人员，"
              "已依法取得规划、用地、环评等前置批准文件，并对所提交材料的真实性负责；")
    text = ""
    number = 1
    while len(text) < condition_chars:
        text += f"（{number}）{clause}\n"
        number += 1
    guide["conditions"] = text[:condition_chars].rstrip()
    return CardData(guide, guide["name"], entry["section"], 12, "2026-11-30",
                    URL_PATTERN.format(key="long-guide"))


# -- what a user must find on the card ---------------------------------------------

def expected_strings(guide: dict, keys: list[str]) -> list[str]:
    """The guide's own values for the given card elements, in print order."""
    out: list[str] = []
    for key in keys:
        out.extend(_element_strings(key, guide))
    return [s for s in (normalise(v) for v in out) if s]


def _element_strings(key: str, guide: dict) -> list[str]:
    if key == "basis":
        return [v for b in guide["basis"] for v in
                (b["law"].strip("《》"), b["issuer"], b["doc_no"], b["article"])]
    if key == "materials":
        return [v for m in guide["materials"] for v in
                (m["name"], m["form"], f"{m['copies']}份", m["remarks"])]
    if key == "conditions":
        return guide["conditions"].splitlines()
    if key == "steps":
        return list(guide["steps"])
    if key == "time_limits":
        return [limit_text(guide["legal_limit_days"]), limit_text(guide["promised_limit_days"])]
    if key == "fee":
        return [guide["fee"], guide.get("fee_basis", "")]
    if key == "place_and_hours":
        return [guide["location"], guide["window"], guide["hours"]]
    if key == "phones":
        return [guide["phone"], guide["complaint_phone"]]
    assert key in CARD_ELEMENTS
    value = guide[key]
    return [limit_text(value)] if key.endswith("_days") else [str(value)]


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def missing_in_order(haystack: str, needles: list[str]) -> list[str]:
    """Needles not found in `haystack` in the given order (each after the previous)."""
    missing, position = [], 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(needle)
    return missing


# -- reading a PDF back --------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x: float
    y: float
    size: float


def pdf_lines(pdf: bytes) -> list[Line]:
    """Text lines in content-stream order, with their start on the page and font size."""
    lines: list[Line] = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages):
        pieces: list[list] = []

        def visit(text, cm, tm, _font, size, pieces=pieces):
            if not text.strip():
                return
            # Cards are placed by translation only: page = card origin + text position.
            x, y = cm[4] + tm[4], round(cm[5] + tm[5], 1)
            if pieces and pieces[-1][2] == y and pieces[-1][3] == size:
                pieces[-1][0] += text
            else:
                pieces.append([text, x, y, size])

        page.extract_text(visitor_text=visit)
        lines.extend(Line(number, text.strip(), x, y, size) for text, x, y, size in pieces)
    return lines


def body_text(pdf: bytes, style, headings: list[str]) -> str:
    """The cards' body, read in order: no header note, title, footer or element headings
    (a heading repeated on a 续 card included)."""
    skip = set(headings) | {h + "（续）" for h in headings}
    kept = [ln.text for ln in pdf_lines(pdf)
            if style.small < ln.size < min(style.title_sizes) and normalise(ln.text) not in skip]
    return normalise("".join(kept))


def pdf_fonts(pdf: bytes) -> list[dict]:
    """Every font dictionary the pages use (descendant fonts resolved)."""
    fonts = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.append(font)
            for descendant in font.get("/DescendantFonts", []):
                fonts.append(descendant.get_object())
    return fonts
