"""Plain data in and out of card rendering: card data, templates, results."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from forms.cards.elements import CARD_ELEMENTS

LAYOUT_NAMES = ("a6", "a4x4", "placard")
DEFAULT_TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "resources" / "cards" / "default.json"


@dataclass(frozen=True)
class CardData:
    """One approved guide version, ready to print."""

    guide: dict                 # db.guides format
    title: str                  # the card title; the guide's 事项名称 when blank
    section: str                # section (科室/窗口) printed in the header
    version_no: int
    approved_on: str            # 'YYYY-MM-DD'
    url: str                    # the online guide; encoded in the QR code

    @property
    def card_title(self) -> str:
        return (self.title or str(self.guide.get("name") or "")).strip()

    @property
    def stamp(self) -> str:
        return f"第{self.version_no}版 · {self.approved_on}审定"


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
        keys = [key for key, _ in self.elements]
        unknown = [key for key in keys if key not in CARD_ELEMENTS]
        if unknown:
            known = "、".join(CARD_ELEMENTS)
            raise TemplateError(f"卡片模板“{self.name}”含未知要素：{'、'.join(unknown)}（可用：{known}）",
                                f"Card template {self.name!r} has unknown elements {unknown}; "
                                f"known: {list(CARD_ELEMENTS)}")
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise TemplateError(f"卡片模板“{self.name}”重复列出要素：{'、'.join(repeated)}",
                                f"Card template {self.name!r} lists elements twice: {repeated}")
        if not keys:
            raise TemplateError(f"卡片模板“{self.name}”没有任何要素",
                                f"Card template {self.name!r} has no elements")
        blank = [key for key, heading in self.elements if not str(heading).strip()]
        if blank:
            raise TemplateError(f"卡片模板“{self.name}”的要素缺少标题：{'、'.join(blank)}",
                                f"Card template {self.name!r} has elements without a heading: "
                                f"{blank}")

    @classmethod
    def from_dict(cls, data: dict) -> "CardTemplate":
        if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
            raise TemplateError("卡片模板应为含“elements”列表的 JSON 对象",
                                "A card template is a JSON object with an 'elements' list")
        elements = []
        for entry in data["elements"]:
            key = entry.get("key") if isinstance(entry, dict) else entry
            default = CARD_ELEMENTS.get(key, ("",))[0]
            heading = entry.get("heading", default) if isinstance(entry, dict) else default
            elements.append((str(key), str(heading)))
        return cls(str(data.get("name") or "未命名模板"), tuple(elements))

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
