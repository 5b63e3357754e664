"""What a card template may say: its elements, their headings, the layouts.

A template is the ordered list of guide elements a card shows, each under a heading.
The same rules serve the renderer (forms.cards.CardTemplate) and the templates the
administrator keeps in the profile (db.cards.templates), so a template the admin screen
accepts always prints.
"""
from __future__ import annotations

from db.errors import DomainError
from db.guides import LABELS

LAYOUTS = ("a6", "a4x4", "placard")
LAYOUT_LABELS = {
    "a6": ("A6 单张", "A6 card"),
    "a4x4": ("A4 四联", "A4 four-up"),
    "placard": ("窗口台卡", "Window placard"),
}

# Element key -> default heading, in the order an editor offers them. Most are one guide
# field; a few group fields the way a window clerk reads them.
ELEMENT_HEADINGS: dict[str, str] = {
    "basis": LABELS["basis"],
    "conditions": LABELS["conditions"],
    "materials": LABELS["materials"],
    "steps": LABELS["steps"],
    "time_limits": "办理时限",
    "fee": LABELS["fee"],
    "place_and_hours": "办理地点及时间",
    "phones": "咨询及监督投诉电话",
    "result": LABELS["result"],
    "location": LABELS["location"],
    "window": LABELS["window"],
    "hours": LABELS["hours"],
    "phone": LABELS["phone"],
    "complaint_phone": LABELS["complaint_phone"],
    "legal_limit_days": LABELS["legal_limit_days"],
    "promised_limit_days": LABELS["promised_limit_days"],
}
NAME_MAX = 40
HEADING_MAX = 20

Elements = tuple[tuple[str, str], ...]
Problem = tuple[str, str]          # (Chinese, English)


class TemplateInvalid(DomainError):
    """A card template that cannot print; the message says why."""


def template_problems(name: str, elements: Elements) -> list[Problem]:
    """Everything wrong with a template, most basic first; empty when it can print."""
    keys = [key for key, _ in elements]
    problems: list[Problem] = []
    unknown = [key for key in keys if key not in ELEMENT_HEADINGS]
    if unknown:
        known = "、".join(ELEMENT_HEADINGS)
        problems.append((f"卡片模板“{name}”含未知要素：{'、'.join(unknown)}（可用：{known}）",
                         f"Card template {name!r} has unknown elements {unknown}; "
                         f"known: {list(ELEMENT_HEADINGS)}"))
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        problems.append((f"卡片模板“{name}”重复列出要素：{'、'.join(map(_label, repeated))}",
                         f"Card template {name!r} lists elements twice: {repeated}"))
    if not keys:
        problems.append((f"卡片模板“{name}”没有任何要素", f"Card template {name!r} has no elements"))
    blank = [key for key, heading in elements if not str(heading).strip()]
    if blank:
        problems.append((f"卡片模板“{name}”的要素缺少标题：{'、'.join(map(_label, blank))}",
                         f"Card template {name!r} has elements without a heading: {blank}"))
    long_headings = [heading for _, heading in elements if len(str(heading).strip()) > HEADING_MAX]
    if long_headings:
        problems.append((f"要素标题不能超过{HEADING_MAX}字：{'、'.join(long_headings)}",
                         f"Element headings may have at most {HEADING_MAX} characters"))
    return problems


def _label(key: str) -> str:
    """An element as people know it: its default heading."""
    return ELEMENT_HEADINGS.get(key, key)


def name_problem(name: str) -> Problem | None:
    name = name.strip()
    if not name:
        return ("请填写模板名称", "The template needs a name")
    if len(name) > NAME_MAX:
        return (f"模板名称不能超过{NAME_MAX}字", f"A template name may have at most {NAME_MAX} characters")
    return None


def elements_of(data: dict) -> tuple[str, Elements]:
    """(name, elements) of a template given as plain data: {"name", "elements": [...]},
    each element {"key", "heading"} or a bare key (the heading then defaults)."""
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise TemplateInvalid("卡片模板应为含“elements”列表的 JSON 对象",
                              "A card template is a JSON object with an 'elements' list")
    elements = []
    for entry in data["elements"]:
        key = entry.get("key") if isinstance(entry, dict) else entry
        default = ELEMENT_HEADINGS.get(str(key), "")
        heading = entry.get("heading", default) if isinstance(entry, dict) else default
        elements.append((str(key), str(heading).strip()))
    return str(data.get("name") or "未命名模板").strip(), tuple(elements)


def check(name: str, elements: Elements) -> None:
    """Raise TemplateInvalid with the first problem, if any."""
    problems = template_problems(name, elements)
    if problems:
        raise TemplateInvalid(*problems[0])


def to_data(name: str, elements: Elements) -> dict:
    return {"name": name, "elements": [{"key": key, "heading": heading} for key, heading in elements]}
