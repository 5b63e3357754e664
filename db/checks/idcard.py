"""Resident identity card numbers (居民身份证号码), GB 11643-1999.

18 characters: a 6-digit region code (GB/T 2260), the birth date YYYYMMDD, a 3-digit
sequence number and a check character computed with ISO 7064 MOD 11-2 (X stands for 10).
The 15-digit form issued before 1999 has the date as YYMMDD (always 19YY) and no check
character.
"""
from __future__ import annotations

from datetime import date

# Province-level codes (the first two digits of GB/T 2260), including 81/82/83 used by the
# residence permits of Hong Kong, Macao and Taiwan residents, which follow the same scheme.
PROVINCES = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
    "21": "辽宁", "22": "吉林", "23": "黑龙江",
    "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西",
    "37": "山东",
    "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
    "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    "71": "台湾", "81": "香港", "82": "澳门", "83": "台湾居民居住证",
}
_PERMIT_PROVINCES = {"81", "82", "83"}

# Weight of position i is 2**(17-i) mod 11.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1900


def check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def plausible_region(code: str) -> bool:
    """Province code from the table; mainland codes name a city below the province
    (digits 3-4 not 00); the HK/Macao/Taiwan permits use 810000/820000/830000."""
    province = code[:2]
    if province not in PROVINCES:
        return False
    if province in _PERMIT_PROVINCES:
        return code[2:6] == "0000"
    return code[2:4] != "00"


def _birth_date(yyyymmdd: str, today: date) -> date | None:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    if born.year < EARLIEST_BIRTH_YEAR or born > today:
        return None
    return born


def shaped_like_id18(chars: str, today: date) -> bool:
    """18 characters with a plausible region and birth date, whatever the check char."""
    return (len(chars) == 18 and chars[:17].isdigit() and chars[17] in "0123456789Xx"
            and plausible_region(chars[:6]) and _birth_date(chars[6:14], today) is not None)


def is_valid_id18(chars: str, today: date) -> bool:
    return shaped_like_id18(chars, today) and check_char(chars[:17]) == chars[17].upper()


def is_valid_id15(chars: str, today: date) -> bool:
    return (len(chars) == 15 and chars.isdigit() and plausible_region(chars[:6])
            and _birth_date("19" + chars[6:12], today) is not None)


def masked(chars: str) -> str:
    """Keep the first and last four characters: 4115**********1234."""
    return chars[:4] + "*" * (len(chars) - 8) + chars[-4:].upper()
