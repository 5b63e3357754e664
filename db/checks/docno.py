"""文号 (document numbers): issuer abbreviation, year in 六角括号, serial, 号.

``信政服〔2017〕12号`` is the normal form (GB/T 9704). The usual mistakes are other
brackets around the year: [2017], (2017), （2017）, 【2017】, ［2017］. What a 文号 is and
what submission refuses is db.metadata's (parse_doc_no, doc_no_problem); this module
adds the advice and finds wrong brackets in running text.
"""
from __future__ import annotations

import re
from datetime import date

from db import metadata
from db.checks.findings import BLOCKING, WARNING, Finding

# In running text only the bracketed year is reported, since where the issuer's
# abbreviation begins can't be told; a Chinese character before it (checked in
# find_bracket_variants) and "12号" after it say it is a 文号.
_IN_TEXT = re.compile(metadata.WRONG_OPEN + r" *((?:19|20)[0-9]{2}) *" + metadata.WRONG_CLOSE
                      + r"(?= *第?[0-9]+ *号)")


def check_doc_no(doc_no: str, written_year: int | None, today: date) -> list[Finding]:
    """Findings for the catalogue field meta.doc_no (blank is allowed). What submission
    refuses (db.metadata.doc_no_problem) blocks; ASCII digits and a year that differs
    from 成文日期 are advice."""
    parsed = metadata.parse_doc_no(doc_no)
    if parsed is None:
        return []
    refused = metadata.doc_no_problem(doc_no, today)
    if refused:
        suggestion = parsed.normal if parsed.form == "brackets" else None
        return [Finding("doc_no", BLOCKING, refused[0], "meta.doc_no", excerpt=parsed.typed,
                        suggestion=suggestion, english=refused[1])]
    return _year_mismatch(parsed, written_year) + _full_width(parsed)


def _year_mismatch(parsed: metadata.DocNo, written_year: int | None) -> list[Finding]:
    if parsed.year is None or written_year is None or parsed.year == written_year:
        return []
    return [Finding("doc_no", WARNING, f"文号年份（{parsed.year}）与成文日期年份（{written_year}）不一致",
                    "meta.doc_no", excerpt=parsed.typed,
                    english=f"Document number year {parsed.year} differs from the year written {written_year}")]


def _full_width(parsed: metadata.DocNo) -> list[Finding]:
    if not parsed.full_width_digits:
        return []
    return [Finding("doc_no", WARNING, "文号中的数字应使用半角数字", "meta.doc_no",
                    excerpt=parsed.typed, suggestion=parsed.normal,
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
