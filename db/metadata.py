"""Catalogue metadata (公开目录要素): the one set of rules for these fields.

The pure functions here touch no database: they take a value (and `today` where a date
matters) and return a problem as (Chinese, English), or None. The editor's inline
validation, submission, the importer and the checks (db.checks.metadata) all use them,
so a field is judged the same way everywhere. `field_problems` and
`submission_problems` add the two rules that need the database: the topic tree and the
organisation list.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass

from db import clock
from db.models import DISCLOSURE, SECRECY, VALIDITY, Organisation, Topic

SUMMARY_MAX = 100
TITLE_MAX = 200
EARLIEST_WRITTEN = dt.date(1949, 10, 1)
DOC_NO_EXAMPLE = "信政服〔2017〕12号"

Problem = tuple[str, str]   # (Chinese, English)

# field → (allowed values, Chinese label)
CHOICES: dict[str, tuple[tuple[str, ...], str]] = {
    "validity": (VALIDITY, "有效性"),
    "disclosure": (DISCLOSURE, "公开属性"),
    "secrecy": (SECRECY, "涉密状态"),
}

# What must be filled in before review: field → (Chinese, English) label.
REQUIRED = {
    "title": ("标题", "Title"),
    "publisher": ("发布机构", "Publisher"),
    "topic": ("主题分类", "Topic"),
    "written_on": ("成文日期", "Date written"),
    "validity": ("有效性", "Validity"),
    "disclosure": ("公开属性", "Disclosure"),
    "secrecy": ("涉密状态", "Classification"),
    "summary": ("内容概述", "Summary"),
}


def _today(today: dt.date | None) -> dt.date:
    return today if today is not None else clock.local_today()


# 文号 ------------------------------------------------------------------------------

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NORMAL = re.compile(r"^(\S.*)〔([0-9]{4})〕([0-9]+)号$")
# Brackets people put around the year instead of 〔〕.
WRONG_OPEN, WRONG_CLOSE = r"[\[［(（【〈<｛{]", r"[\]］)）】〉>｝}]"
_BRACKETS = re.compile(r"^(\S.*?) *" + WRONG_OPEN + r" *([0-9]{4}) *" + WRONG_CLOSE + r" *([0-9]+) *号$")
# Decrees are numbered without a year: 国务院令第492号, 主席令第三十一号.
_DECREE = re.compile(r"^\S*令第[0-9一二三四五六七八九十百千零〇]+号$")


@dataclass(frozen=True)
class DocNo:
    """What a 文号 is. `form`: "normal" (信政服〔2017〕12号), "decree" (国务院令第492号),
    "brackets" (the year in other brackets) or "other". `normal` is the value with ASCII
    digits and, for "brackets", 〔〕 around the year: the form to suggest."""
    form: str
    year: int | None
    normal: str
    typed: str           # as written, without surrounding spaces

    @property
    def full_width_digits(self) -> bool:
        return self.form in ("normal", "decree") and self.normal != self.typed


def parse_doc_no(value: str) -> DocNo | None:
    """The shape of a 文号; None when blank."""
    typed = value.strip()
    folded = typed.translate(_FULL_WIDTH_DIGITS)
    if not folded:
        return None
    normal = _NORMAL.match(folded)
    if normal:
        return DocNo("normal", int(normal.group(2)), folded, typed)
    if _DECREE.match(folded):
        return DocNo("decree", None, folded, typed)
    brackets = _BRACKETS.match(folded)
    if brackets:
        prefix, year, serial = brackets.groups()
        return DocNo("brackets", int(year), f"{prefix}〔{year}〕{serial}号", typed)
    return DocNo("other", None, folded, typed)


def doc_no_problem(value: str, today: dt.date | None = None) -> Problem | None:
    """What stops a 文号 from being submitted (blank is fine: 文号 is optional)."""
    parsed = parse_doc_no(value)
    if parsed is None or parsed.form == "decree":
        return None
    if parsed.form == "brackets":
        return (f"文号年份须用六角括号〔〕，应为“{parsed.normal}”", f"Use 〔〕 around the year: {parsed.normal}")
    if parsed.form == "other":
        return (f"文号格式应为“机关代字〔年份〕序号号”，如 {DOC_NO_EXAMPLE}",
                f"A document number looks like {DOC_NO_EXAMPLE}")
    if parsed.year < EARLIEST_WRITTEN.year or parsed.year > _today(today).year:
        return (f"文号中的年份{parsed.year}不合理", f"The year {parsed.year} in the document number is implausible")
    return None


# Other single fields -------------------------------------------------------------------

def summary_problem(value: str) -> Problem | None:
    length = len(value.strip())
    if length > SUMMARY_MAX:
        return (f"内容概述不能超过{SUMMARY_MAX}字（现有{length}字）",
                f"The summary may have at most {SUMMARY_MAX} characters (it has {length})")
    return None


def title_problem(value: str) -> Problem | None:
    if len(value.strip()) > TITLE_MAX:
        return (f"标题不能超过{TITLE_MAX}字", f"The title may have at most {TITLE_MAX} characters")
    return None


def parse_written_on(value: str) -> dt.date | None:
    """成文日期 as a date, or None when blank or not YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value.strip()) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) else None
    except ValueError:
        return None


def written_on_problem(value: str, today: dt.date | None = None) -> Problem | None:
    if not value.strip():
        return None
    day = parse_written_on(value)
    if day is None:
        return ("成文日期格式应为 YYYY-MM-DD", "The date written must be YYYY-MM-DD")
    if day > _today(today):
        return ("成文日期不能晚于今天", "The date written cannot be in the future")
    if day < EARLIEST_WRITTEN:
        return ("成文日期过早", "The date written is implausibly early")
    return None


def choice_problem(value: str, options: tuple[str, ...], label: str) -> Problem | None:
    value = value.strip()
    if value and value not in options:
        return (f"{label}只能是：{'、'.join(options)}", f"{label} must be one of {', '.join(options)}")
    return None


def topic_problem_in(code: str, leaves: Container[str], names: Mapping[str, str] | None = None) -> Problem | None:
    """主题分类 must be a leaf of the topic tree. With `names` (code → name of every
    topic) an unknown code is told apart from a branch."""
    if not code or code in leaves:
        return None
    if names is not None and code not in names:
        return ("主题分类不存在", "Unknown topic")
    label = (names or {}).get(code, code)
    return (f"请选择“{label}”下的具体分类", f"Choose a sub-topic of {label}")


def required_problems(fields: Mapping[str, object]) -> dict[str, Problem]:
    """The required fields that are blank, among those named in REQUIRED."""
    return {name: (f"请填写{zh}", f"{en} is required")
            for name, (zh, en) in REQUIRED.items() if not str(fields.get(name) or "").strip()}


def publication_problems(fields: Mapping[str, object]) -> dict[str, Problem]:
    """Values that mean the item must not go on the website at all."""
    problems = {}
    if fields.get("secrecy") == "涉密":
        problems["secrecy"] = ("涉密信息不得上网公开", "Classified information may not be published")
    if fields.get("disclosure") == "不予公开":
        problems["disclosure"] = ("公开属性为“不予公开”的信息不得发布",
                                  "Information marked not for disclosure may not be published")
    return problems


# With the database ----------------------------------------------------------------

# Plain SQL: asked at every submission, and peewee's query builder costs more than the lookup.
TOPIC_SQL = ('SELECT "name", EXISTS (SELECT 1 FROM "topic" c WHERE c."parent_id" = t."code") '
             'FROM "topic" t WHERE t."code" = ?')
PUBLISHER_SQL = 'SELECT 1 FROM "organisation" WHERE "name" = ? AND "active" LIMIT 1'


def topic_problem(code: str) -> Problem | None:
    if not code:
        return None
    row = Topic._meta.database.execute_sql(TOPIC_SQL, (code,)).fetchone()
    if row is None:
        return topic_problem_in(code, (), {})
    name, has_children = row
    return topic_problem_in(code, () if has_children else {code}, {code: name})


def publisher_problem(name: str) -> Problem | None:
    if not name:
        return None
    if Organisation._meta.database.execute_sql(PUBLISHER_SQL, (name,)).fetchone() is None:
        return ("发布机构须从机构名录中选择全称", "Choose the publisher's full name from the list")
    return None


FIELD_RULES = {
    "title": title_problem,
    "doc_no": doc_no_problem,
    "summary": summary_problem,
    "written_on": written_on_problem,
    "topic": topic_problem,
    "publisher": publisher_problem,
    **{name: (lambda v, options=options, label=label: choice_problem(v, options, label))
       for name, (options, label) in CHOICES.items()},
}


def field_problems(fields: dict) -> dict[str, Problem]:
    """Format problems of the fields present in `fields` (blank optional fields are fine)."""
    problems = {}
    for name, rule in FIELD_RULES.items():
        if name in fields:
            problem = rule(str(fields[name] or ""))
            if problem:
                problems[name] = problem
    return problems


def submission_problems(fields: dict, kind: str) -> dict[str, Problem]:
    """Everything that stops a working copy from going to review."""
    problems = field_problems(fields)
    for name, problem in {**required_problems(fields), **publication_problems(fields)}.items():
        problems.setdefault(name, problem)
    if kind != "guide" and not str(fields.get("body_text") or "").strip() and not fields.get("has_attachments"):
        problems["body"] = ("正文和附件不能都为空", "Add a body text or an attachment")
    return problems
