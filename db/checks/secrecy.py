"""密级 markings and internal-only markings.

A marking is what stands on a classified document (``机密★1年``, ``秘密 保密期限：十年``,
a line that reads only ``绝密``): those block publication. The same words inside an
ordinary sentence (保守国家秘密, 商业秘密, 机密文件管理制度) are not markings and are
not reported. Internal-only words (内部资料, 注意保存 …) block when they stand as a
marking (own line or in brackets) and are a warning inside a sentence, where they are
often harmless (请注意保存受理回执) but worth a look.
"""
from __future__ import annotations

import re

from db.checks.findings import BLOCKING, WARNING, Finding

_LEVEL = r"(?:绝密|机密|秘密)"
_PERIOD = r"(?:[0-9]+ *(?:年|个月)|[一二三四五六七八九十]+(?:年|个月)|长期)"
_INTERNAL = r"(?:内部资料|内部文件|内部材料|内部刊物|内部使用|内部传阅|仅供内部参考|注意保存|不得外传|请勿外传)"
_OPEN, _CLOSE = r"[【\[（(〔]", r"[】\]）)〕]"

_CLASSIFIED = (
    re.compile(_LEVEL + r" *[★☆] *" + _PERIOD + "?"),
    re.compile(_LEVEL + r"级? *[，,、]? *(?:保密期限|解密时间)[：:]? *" + _PERIOD + "?"),
    re.compile(r"^[ \t]*" + _OPEN + r"? *" + _LEVEL + r"(?:级|文件)? *" + _CLOSE + r"?[ \t]*$",
               re.MULTILINE),
)
_INTERNAL_MARKS = (
    re.compile(r"^[ \t]*" + _OPEN + r"? *" + _INTERNAL + r"(?: *[，,、 ] *" + _INTERNAL + ")? *"
               + _CLOSE + r"?[ \t]*$", re.MULTILINE),
    re.compile(_OPEN + r" *" + _INTERNAL + r"[^】\]）)〕\n]{0,10}" + _CLOSE),
)
_INTERNAL_WORD = re.compile(_INTERNAL)


def find_markings(text: str, folded: str, field: str) -> list[Finding]:
    findings: list[Finding] = []
    for pattern in _CLASSIFIED:
        findings += [_classified(text, folded, m, field) for m in pattern.finditer(folded)]
    for pattern in _INTERNAL_MARKS:
        findings += [_internal(text, folded, m, field) for m in pattern.finditer(folded)]
    findings = _without_overlaps(findings)
    taken = [(f.start, f.end) for f in findings]
    for m in _INTERNAL_WORD.finditer(folded):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            findings.append(Finding(
                "internal_word", WARNING, f"出现“{m.group()}”字样，请确认该信息可以公开",
                field, m.start(), m.end(), text[m.start():m.end()],
                english=f"The words {m.group()} suggest internal material; confirm it may be published"))
    return sorted(findings, key=lambda f: f.start)


def _span(text: str, folded: str, match: re.Match) -> tuple[int, int, str]:
    """The match without the surrounding blanks a line pattern takes in."""
    start, end = match.span()
    while start < end and folded[start] in " \t":
        start += 1
    while end > start and folded[end - 1] in " \t":
        end -= 1
    return start, end, text[start:end]


def _classified(text: str, folded: str, match: re.Match, field: str) -> Finding:
    start, end, excerpt = _span(text, folded, match)
    return Finding("secrecy_mark", BLOCKING, f"含密级标志“{excerpt}”，涉密信息不得公开",
                   field, start, end, excerpt,
                   english=f"Classification marking {excerpt}: classified information may not be published")


def _internal(text: str, folded: str, match: re.Match, field: str) -> Finding:
    start, end, excerpt = _span(text, folded, match)
    return Finding("internal_mark", BLOCKING, f"含内部资料标志“{excerpt}”，不得公开发布",
                   field, start, end, excerpt,
                   english=f"Internal-only marking {excerpt}: not for publication")


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Several patterns can describe one marking; keep the longest."""
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept
