"""Structured service guides (办事指南): the elements, their normal form and validation.

A guide is plain data (a dict) so the same value travels through versions, checks,
cards and the central publication rows. Time limits are whole working days; 0 means
the service is settled on the spot (即办件).
"""
from __future__ import annotations

from dataclasses import dataclass

MATERIAL_FORMS = ("原件", "复印件", "原件及复印件", "电子件")
NO_FEE = "不收费"

# (key, Chinese label, English label) in the order the elements are listed on a guide.
ELEMENTS: tuple[tuple[str, str, str], ...] = (
    ("name", "事项名称", "Service name"),
    ("basis", "设定依据", "Legal basis"),
    ("conditions", "申请条件", "Eligibility"),
    ("materials", "办理材料", "Required documents"),
    ("location", "办理地点", "Where"),
    ("window", "办理窗口", "Window"),
    ("hours", "办理时间", "Office hours"),
    ("phone", "咨询电话", "Enquiries"),
    ("complaint_phone", "监督投诉电话", "Complaints"),
    ("steps", "办理流程", "Procedure"),
    ("legal_limit_days", "法定时限", "Statutory time limit"),
    ("promised_limit_days", "承诺时限", "Promised time limit"),
    ("fee", "收费标准及依据", "Fees and their basis"),
    ("result", "办理结果", "Outcome"),
)
LABELS = {key: zh for key, zh, _ in ELEMENTS}
REQUIRED = tuple(key for key, _, _ in ELEMENTS if key not in ("window", "fee_basis"))


@dataclass(frozen=True)
class GuideProblem:
    element: str
    message: str          # Chinese, shown to the user
    english: str


def empty_guide() -> dict:
    return {
        "name": "", "basis": [], "conditions": "", "materials": [], "location": "",
        "window": "", "hours": "", "phone": "", "complaint_phone": "", "steps": [],
        "legal_limit_days": None, "promised_limit_days": None, "fee": "",
        "fee_basis": "", "result": "",
    }


def normalise(guide: dict) -> dict:
    """Fill missing keys and strip surrounding whitespace so equal guides hash equally."""
    out = empty_guide()
    for key in out:
        if key in guide and guide[key] is not None:
            out[key] = guide[key]
    for key, value in out.items():
        if isinstance(value, str):
            out[key] = value.strip()
    out["basis"] = [_strip_dict(b, ("law", "issuer", "doc_no", "article")) for b in out["basis"]]
    out["materials"] = [_normal_material(m) for m in out["materials"]]
    out["steps"] = [s.strip() for s in out["steps"] if s and s.strip()]
    return out


def _strip_dict(value: dict, keys: tuple[str, ...]) -> dict:
    return {k: str(value.get(k) or "").strip() for k in keys}


def _normal_material(value: dict) -> dict:
    material = _strip_dict(value, ("name", "form", "remarks"))
    material["copies"] = int(value.get("copies") or 1)
    return material


def fee_text(guide: dict) -> str:
    """The fee as printed: the standard, then its basis in brackets when given."""
    fee, basis = guide.get("fee", "").strip(), guide.get("fee_basis", "").strip()
    return f"{fee}（依据：{basis}）" if basis else fee


def validate(guide: dict) -> list[GuideProblem]:
    """Every problem that stops a guide from being submitted, in element order."""
    problems: list[GuideProblem] = []
    for key in REQUIRED:
        if _is_blank(guide.get(key)):
            problems.append(_missing(key))
    problems.extend(_limit_problems(guide))
    problems.extend(_material_problems(guide.get("materials") or []))
    return problems


def problems_by_element(guide: dict) -> dict[str, list[tuple[str, str]]]:
    """validate()'s problems of a guide as typed (normalised first), per element key, as
    (Chinese, English): what an editor shows beside each element."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for problem in validate(normalise(guide)):
        grouped.setdefault(problem.element, []).append((problem.message, problem.english))
    return grouped


def _is_blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return len(value) == 0
    return False


def _missing(key: str) -> GuideProblem:
    if key == "fee":
        return GuideProblem("fee", "收费标准不能为空；不收费请写明“不收费”",
                            "The fee may not be blank; write 不收费 when there is none")
    return GuideProblem(key, f"请填写{LABELS[key]}", f"{key} is required")


def _limit_problems(guide: dict) -> list[GuideProblem]:
    legal, promised = guide.get("legal_limit_days"), guide.get("promised_limit_days")
    problems = []
    for key, value in (("legal_limit_days", legal), ("promised_limit_days", promised)):
        if value is not None and (not isinstance(value, int) or value < 0):
            problems.append(GuideProblem(key, f"{LABELS[key]}应为不小于0的工作日数",
                                         f"{key} must be a whole number of working days"))
    if isinstance(legal, int) and isinstance(promised, int) and promised > legal:
        problems.append(GuideProblem(
            "promised_limit_days",
            f"承诺时限（{promised}个工作日）不能超过法定时限（{legal}个工作日）",
            f"The promised limit ({promised}) exceeds the statutory limit ({legal})"))
    return problems


def _material_problems(materials: list[dict]) -> list[GuideProblem]:
    problems = []
    for number, material in enumerate(materials, start=1):
        if not str(material.get("name") or "").strip():
            problems.append(GuideProblem("materials", f"第{number}项办理材料缺少名称",
                                         f"Document {number} has no name"))
        form = material.get("form") or ""
        if form and form not in MATERIAL_FORMS:
            problems.append(GuideProblem("materials", f"第{number}项办理材料的形式“{form}”无效",
                                         f"Document {number} has an unknown form {form!r}"))
    return problems


def limit_text(days: int | None) -> str:
    if days is None:
        return ""
    return "即办" if days == 0 else f"{days}个工作日"
