"""A policy document (政策文件) and its interpretation (政策解读) travel together."""
from __future__ import annotations

from db.checks.findings import BLOCKING, WARNING, Finding

POLICY_MESSAGE = "政策文件须与政策解读同步起草、同步审签、同步发布"


def check_policy_bundle(content: dict) -> list[Finding]:
    kind, related = content.get("kind"), str(content.get("related") or "").strip()
    if related:
        return []
    if kind == "policy":
        return [Finding("policy_interpretation", BLOCKING, POLICY_MESSAGE, "related",
                        english="A policy document must be drafted, approved and published "
                                "together with its interpretation")]
    if kind == "interpretation":
        return [Finding("policy_interpretation", WARNING, "政策解读应关联其所解读的政策文件", "related",
                        english="An interpretation should be linked to the policy it explains")]
    return []
