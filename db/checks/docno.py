"""文号 (document numbers): issuer abbreviation, year in 六角括号, serial, 号.

``信政服〔2017〕12号`` is the normal form (GB/T 9704). The usual mistakes are other
brackets around the year: [2017], (2017), （2017）, 【2017】, ［2017］.
"""
from __future__ import annotations

import re

from db.checks.findings import BLOCKING, WARNING, Finding
from db.checks.textnorm import fold

NORMAL = re.compile(r"^.+〔\d{4}〕\d+号$")
_WRONG_OPEN, _WRONG_CLOSE = r"[\[［(（【〈<｛{]", r"[\]］)）】〉>｝}]"
_VARIANT = re.compile(r"^(.+?) *" + _WRONG_OPEN + r" *(\d{4}) *" + _WRONG_CLOSE + r" *(\d+) *号$")
# In running text only the bracketed year is reported, since where the issuer's
# abbreviation begins can't be told; a Chinese character before it (checked in
# find_bracket_variants) and "12号" after it say it is a 文号.
_IN_TEXT = re.compile(_WRONG_OPEN + r" *((?:19|20)[0-9]{2}) *" + _WRONG_CLOSE
                      + r"(?= *第?[0-9]+ *号)")
_EXAMPLE = "信政服〔2017〕12号"


def check_doc_no(doc_no: str, written_year: int | None) -> list[Finding]:
    """Findings for the catalogue field meta.doc_no (empty is allowed)."""
    value = fold(doc_no.strip())
    if not value:
        return []
    if NORMAL.match(value):
        return _year_mismatch(value, written_year) + _half_width(doc_no.strip(), value)
    variant = _VARIANT.match(value)
    if variant:
        prefix, year, serial = variant.groups()
        return [Finding("doc_no", BLOCKING, "文号中的年份应使用六角括号〔〕", "meta.doc_no",
                        excerpt=doc_no, suggestion=f"{prefix}〔{year}〕{serial}号",
                        english="The year in a document number takes 〔〕 brackets")]
    return [Finding("doc_no", WARNING, f"文号格式不规范，一般应形如“{_EXAMPLE}”", "meta.doc_no",
                    excerpt=doc_no, english=f"Unusual document number; the usual form is {_EXAMPLE}")]


def _year_mismatch(value: str, written_year: int | None) -> list[Finding]:
    year = int(re.search(r"〔(\d{4})〕", value).group(1))
    if written_year is None or year == written_year:
        return []
    return [Finding("doc_no", WARNING, f"文号年份（{year}）与成文日期年份（{written_year}）不一致",
                    "meta.doc_no", excerpt=value,
                    english=f"Document number year {year} differs from the year written {written_year}")]


def _half_width(original: str, value: str) -> list[Finding]:
    if original == value:
        return []
    return [Finding("doc_no", WARNING, "文号中的数字应使用半角数字", "meta.doc_no",
                    excerpt=original, suggestion=value,
                    english="Use ASCII digits in the document number")]


def _after_chinese(folded: str, position: int) -> bool:
    position -= 1
    while position >= 0 and folded[position] == " ":
        position -= 1
    return position >= 0 and "\u4e00" <= folded[position] <= "\u9fff"


def find_bracket_variants(text: str, folded: str, field: str) -> list[Finding]:
    findings = []
    for match in _IN_TEXT.finditer(folded):
        start, end = match.span()
        if not _after_chinese(folded, start):
            continue
        findings.append(Finding(
            "doc_no_brackets", WARNING, "文号中的年份应使用六角括号〔〕", field, start, end,
            text[start:end], suggestion=f"〔{match.group(1)}〕",
            english="The year in a document number takes 〔〕 brackets"))
    return findings
