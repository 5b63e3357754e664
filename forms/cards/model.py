"""Plain data in and out of card rendering: card data, templates, results."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from db.cards import rules

LAYOUT_NAMES = rules.LAYOUTS
PREVIEW_STAMP = "预览 · 尚未审定，不得对外发放"
DEFAULT_TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "resources" / "cards" / "default.json"


@dataclass(frozen=True)
class CardData:
    """One approved guide version, ready to print."""

    guide: dict                 # db.guides format
    title: str                  # the card title; the guide's 事项名称 when blank
    section: str                # section (科室/窗口) printed in the header
    version_no: int
    approved_on: str            # 'YYYY-MM-DD'; blank for a preview of a draft
    url: str                    # the online guide; encoded in the QR code

    @property
    def card_title(self) -> str:
        return (self.title or str(self.guide.get("name") or "")).strip()

    @property
    def stamp(self) -> str:
        if not self.approved_on:            # a drafter's preview of a working copy
            return PREVIEW_STAMP
        return f"第{self.version_no}版 · {self.approved_on}审定"


class Cancelled(Exception):
    """Rendering was stopped because its progress callback said so."""


class TemplateError(ValueError):
    """A card template the renderer cannot use; Chinese message, English twin."""

    def __init__(self, message: str, english: str):
        super().__init__(message)
        self.english = english


@dataclass(frozen=True)
class CardTemplate:
    """Which elements a card shows, in order, under which headings."""

    name: str
    elements: tuple[tuple[str, str], ...]   # (element key, heading)

    def __post_init__(self) -> None:
        object.__setattr__(self, "elements", tuple((k, h) for k, h in self.elements))
        self.validate()

    def validate(self) -> None:
        """The rules of db.cards.rules, which the admin's stored templates follow too."""
        problems = rules.template_problems(self.name, self.elements)
        if problems:
            raise TemplateError(*problems[0])

    @classmethod
    def from_dict(cls, data: dict) -> "CardTemplate":
        try:
            name, elements = rules.elements_of(data)
        except rules.TemplateInvalid as error:
            raise TemplateError(str(error), error.english) from error
        return cls(name, elements)

    @classmethod
    def from_json(cls, text: str) -> "CardTemplate":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise TemplateError(f"卡片模板不是有效的 JSON：{error}",
                                f"The card template is not valid JSON: {error}") from error
        return cls.from_dict(data)

    def to_json(self) -> str:
        data = {"name": self.name,
                "elements": [{"key": key, "heading": heading} for key, heading in self.elements]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def default(cls) -> "CardTemplate":
        """The "八公开" template shipped in resources/cards/default.json."""
        return cls.from_json(DEFAULT_TEMPLATE_PATH.read_text(encoding="utf-8"))


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)   # Chinese; PrintWarning has .english
    continued: list[str] = field(default_factory=list)  # titles that needed a 续 card
