"""Spellings of guide names for the front desk: full pinyin and initials.

A guide is found by typing its name, its pinyin without tones (yingyezhizhao, with or
without spaces), or the initials of its syllables (yyzz). pypinyin reads each character
in context (银行 → yin hang, 行政 → xing zheng). Characters whose everyday reading is
ambiguous (行 xing/hang, 长 chang/zhang, 重 zhong/chong …) are indexed under each of
their common readings too, one variant per alternative reading, so a clerk who reads
the name differently still finds it. The rare readings pypinyin also knows (许 hu, 可 ge)
are left out on purpose: they would only add false matches.

pypinyin's dictionaries take ~0.4 s to import, so it is imported on first use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
PIECE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
FULL_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})
SEPARATOR = "|"          # between variants
SYLLABLE = "'"           # between the syllables of a full spelling, as in ying'ye
MAX_VARIANTS = 8

# Everyday readings of characters read more than one way, as they occur in service names.
COMMON_HETERONYMS: dict[str, tuple[str, ...]] = {
    "行": ("xing", "hang"), "长": ("chang", "zhang"), "重": ("zhong", "chong"),
    "会": ("hui", "kuai"), "乐": ("le", "yue"), "还": ("huan", "hai"), "都": ("du", "dou"),
    "单": ("dan", "shan"), "调": ("tiao", "diao"), "传": ("chuan", "zhuan"),
    "降": ("jiang", "xiang"), "曾": ("zeng", "ceng"), "朝": ("chao", "zhao"),
    "便": ("bian", "pian"), "率": ("lv", "shuai"), "校": ("xiao", "jiao"),
    "解": ("jie", "xie"), "省": ("sheng", "xing"), "参": ("can", "shen"),
    "差": ("cha", "chai"), "强": ("qiang", "jiang"), "藏": ("cang", "zang"),
    "弹": ("dan", "tan"), "给": ("gei", "ji"), "露": ("lu", "lou"), "薄": ("bao", "bo"),
    "着": ("zhe", "zhao", "zhuo"), "盛": ("sheng", "cheng"), "区": ("qu", "ou"),
    "查": ("cha", "zha"), "奇": ("qi", "ji"), "系": ("xi", "ji"), "卡": ("ka", "qia"),
    "合": ("he", "ge"), "车": ("che", "ju"), "核": ("he", "hu"), "据": ("ju",),
    "宿": ("su", "xiu"), "模": ("mo", "mu"), "折": ("zhe", "she"), "供": ("gong",),
}


@dataclass(frozen=True)
class Spellings:
    """Variants of one text's full pinyin and initials; the first is the reading in context."""
    full: tuple[str, ...]
    initials: tuple[str, ...]

    def joined(self) -> tuple[str, str]:
        return SEPARATOR.join(self.full), SEPARATOR.join(self.initials)


def fold(text: str) -> str:
    """Lower case, half-width: what both the index and the query are compared in."""
    return text.translate(FULL_WIDTH).lower()


def spell(text: str) -> Spellings:
    """Full pinyin (syllables joined by SYLLABLE) and initials of `text`: Chinese
    characters by their readings, Latin letters and digits as they are; punctuation and
    spaces are left out."""
    pieces = _pieces(fold(text))
    variants = [[options[0] for options, _ in pieces]]
    for position, (options, _) in enumerate(pieces):
        for alternative in options[1:]:
            if len(variants) >= MAX_VARIANTS:
                break
            variant = list(variants[0])
            variant[position] = alternative
            variants.append(variant)
    chinese = [is_chinese for _, is_chinese in pieces]
    full = _unique(SYLLABLE.join(v) for v in variants)
    initials = _unique("".join(s[0] if c else s for s, c in zip(v, chinese)) for v in variants)
    if full and "v" in full[0]:                  # 绿 lv: typed "lu" just as often
        full = _unique(full + [full[0].replace("v", "u")])
    return Spellings(tuple(full), tuple(initials))


def _pieces(text: str) -> list[tuple[tuple[str, ...], bool]]:
    """Each Chinese character's readings (in context first), and each run of Latin letters
    or digits as one piece; with whether the piece is a Chinese character."""
    from pypinyin import lazy_pinyin

    out: list[tuple[tuple[str, ...], bool]] = []
    for run in PIECE.findall(text):
        if not CJK_CHAR.match(run):
            out.append(((run,), False))
            continue
        in_context = lazy_pinyin(run, errors=lambda chars: [c for c in chars])
        for char, reading in zip(run, in_context):
            readings = dict.fromkeys((reading, *COMMON_HETERONYMS.get(char, ())))
            out.append((tuple(readings), True))
    return out


def _unique(values) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]


def normal_query(query: str) -> str:
    """What was typed, folded, without spaces, apostrophes or hyphens (ying'ye, ying ye)."""
    return re.sub(r"[\s'’\-_]+", "", fold(query))


def is_spelling(query: str) -> bool:
    """A query of Latin letters (and digits): compared with pinyin and initials."""
    return bool(query) and query.isascii() and any(c.isalpha() for c in query)


def starts_at_syllable(typed: str, spelled: str) -> bool:
    """Does `typed` occur in the syllable-marked spelling `spelled`, starting at a syllable
    (so "hang" finds 银行 yin'hang but not 商 shang)?"""
    position = 0
    for syllable in spelled.split(SYLLABLE):
        rest = spelled[position:].replace(SYLLABLE, "")
        if rest.startswith(typed):
            return True
        position += len(syllable) + 1
    return False
