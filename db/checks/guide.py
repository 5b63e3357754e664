"""Service guide (办事指南) elements, as db.guides validates them."""
from __future__ import annotations

from db import guides
from db.checks.findings import BLOCKING, Finding


def check_guide(content: dict) -> list[Finding]:
    guide = content.get("guide")
    if not guide:
        if content.get("kind") != "guide":
            return []
        return [Finding("guide", BLOCKING, "办事指南缺少要素内容", "guide",
                        english="The service guide has no elements")]
    try:
        problems = guides.validate(guides.normalise(guide))
    except (AttributeError, TypeError, ValueError):
        return [Finding("guide", BLOCKING, "办事指南要素数据无法读取", "guide",
                        english="The service guide's elements cannot be read")]
    return [Finding("guide", BLOCKING, p.message, f"guide.{p.element}", english=p.english)
            for p in problems]


def guide_texts(guide: dict | None) -> list[tuple[str, str | None, str]]:
    """(field, location, text) of every piece of free text in the guide, for the text
    rules: plain strings, and the strings in lists (steps, materials, basis), whose
    location names the entry (第2项) so that spans stay unambiguous."""
    texts: list[tuple[str, str | None, str]] = []
    for key, value in (guide or {}).items():
        if isinstance(value, (list, tuple)):
            for number, item in enumerate(value, start=1):
                texts += [(f"guide.{key}", f"第{number}项", t) for t in _strings(item)]
        else:
            texts += [(f"guide.{key}", None, t) for t in _strings(value)]
    return [(field, location, text) for field, location, text in texts if text.strip()]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return []
