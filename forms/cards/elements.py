"""Card elements: which guide fields a card element shows, and how they read in print.

A card element is one heading on the card. Most map to one guide field; a few combine
fields the way a window clerk would group them (法定/承诺 time limits together, the
place with the window and hours, the two phone numbers). Each element turns a guide
dict (db.guides format) into paragraphs; a numbered list item carries its number as
a `label` so the text can hang beside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from db.cards.rules import ELEMENT_HEADINGS
from db.guides import fee_text, limit_text


@dataclass(frozen=True)
class Para:
    text: str
    label: str = ""        # "1." for list items; drawn in a hanging column


Formatter = Callable[[dict], list[Para]]


def _lines(text: str) -> list[Para]:
    return [Para(line.strip()) for line in str(text or "").splitlines() if line.strip()]


def _numbered(texts: list[str]) -> list[Para]:
    texts = [t for t in texts if t]
    if len(texts) == 1:
        return [Para(texts[0])]
    return [Para(text, f"{number}.") for number, text in enumerate(texts, start=1)]


def basis_text(basis: dict) -> str:
    """《law》（issuer，doc_no）article — brackets added only where missing."""
    law = str(basis.get("law") or "").strip()
    if law and not law.startswith("《"):
        law = f"《{law}》"
    source = "，".join(v for v in (str(basis.get("issuer") or "").strip(),
                                   str(basis.get("doc_no") or "").strip()) if v)
    article = str(basis.get("article") or "").strip()
    return law + (f"（{source}）" if source else "") + article


def material_text(material: dict) -> str:
    form = str(material.get("form") or "").strip()
    copies = int(material.get("copies") or 1)
    amount = f"{form}，{copies}份" if form else f"{copies}份"
    remarks = str(material.get("remarks") or "").strip()
    name = str(material.get("name") or "").strip()
    return f"{name}（{amount}）" + (f"：{remarks}" if remarks else "")


def _basis(guide: dict) -> list[Para]:
    return _numbered([basis_text(b) for b in guide.get("basis") or []])


def _materials(guide: dict) -> list[Para]:
    return _numbered([material_text(m) for m in guide.get("materials") or []])


SHORT_STEP = 12      # characters; steps all this short print as one flow line


def _steps(guide: dict) -> list[Para]:
    steps = [str(s).strip() for s in guide.get("steps") or [] if str(s).strip()]
    if len(steps) > 1 and all(len(s) <= SHORT_STEP for s in steps):
        return [Para(" → ".join(f"{n}.{s}" for n, s in enumerate(steps, start=1)))]
    return _numbered(steps)


def _labelled(pairs: list[tuple[str, object]]) -> list[Para]:
    return [Para(f"{label}：{value}") for label, value in pairs if value]


def _time_limits(guide: dict) -> list[Para]:
    legal = limit_text(guide.get("legal_limit_days"))
    promised = limit_text(guide.get("promised_limit_days"))
    parts = [f"法定时限：{legal}" if legal else "", f"承诺时限：{promised}" if promised else ""]
    text = "；".join(p for p in parts if p)
    return [Para(text)] if text else []


def _place_and_hours(guide: dict) -> list[Para]:
    return _labelled([("地点", str(guide.get("location") or "").strip()),
                      ("窗口", str(guide.get("window") or "").strip()),
                      ("时间", str(guide.get("hours") or "").strip())])


def _phones(guide: dict) -> list[Para]:
    return _labelled([("咨询电话", str(guide.get("phone") or "").strip()),
                      ("监督投诉电话", str(guide.get("complaint_phone") or "").strip())])


def _field(key: str) -> Formatter:
    return lambda guide: _lines(guide.get(key))


def _limit(key: str) -> Formatter:
    return lambda guide: [Para(limit_text(guide.get(key)))] if guide.get(key) is not None else []


# key -> formatter; the keys and their default headings are db.cards.rules' (one set of
# rules for the renderer and the templates kept in the profile).
FORMATTERS: dict[str, Formatter] = {
    "basis": _basis,
    "conditions": _field("conditions"),
    "materials": _materials,
    "steps": _steps,
    "time_limits": _time_limits,
    "fee": lambda guide: _lines(fee_text(guide)),
    "place_and_hours": _place_and_hours,
    "phones": _phones,
    "result": _field("result"),
    "location": _field("location"),
    "window": _field("window"),
    "hours": _field("hours"),
    "phone": _field("phone"),
    "complaint_phone": _field("complaint_phone"),
    "legal_limit_days": _limit("legal_limit_days"),
    "promised_limit_days": _limit("promised_limit_days"),
}
# key -> (default heading, formatter), in the order an editor offers them.
CARD_ELEMENTS: dict[str, tuple[str, Formatter]] = {
    key: (heading, FORMATTERS[key]) for key, heading in ELEMENT_HEADINGS.items()}


def element_paragraphs(key: str, guide: dict) -> list[Para]:
    return CARD_ELEMENTS[key][1](guide)
