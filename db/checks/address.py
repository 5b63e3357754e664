"""Home addresses: ``3号楼2单元501室``, ``12栋1单元302``. A 单元 (stairwell unit) between
building and flat is what residential addresses have and office addresses lack, so it
is required. Only a warning: some addresses on a page are meant to be public."""
from __future__ import annotations

import re

from db.checks.findings import WARNING, Finding

_NUM = r"[0-9一二三四五六七八九十]+"
# Tried only where a number starts (an 18-digit ID would otherwise be tried from each of
# its digits); the look-behind follows the first digit so the engine can skip ahead.
_DIGIT = "[0-9一二三四五六七八九十]"
_HOME = re.compile(_DIGIT + f"(?<!{_DIGIT}{{2}})" + _DIGIT + r"* *(?:号楼|栋|幢|号院|排) *" + _NUM + r" *单元 *[0-9]+ *(?:室|号|户)?")


def find_home_addresses(text: str, folded: str, field: str) -> list[Finding]:
    return [Finding("home_address", WARNING, "疑似个人住址，公开前请确认或遮盖", field,
                    m.start(), m.end(), text[m.start():m.end()],
                    english="Looks like a home address; confirm it may be published or mask it")
            for m in _HOME.finditer(folded)]
