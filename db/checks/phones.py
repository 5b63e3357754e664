"""Mainland mobile numbers: 11 digits, 1 then 3-9, optionally behind +86 or 0086.

Landlines (0376-6221234), service numbers (12345, 95588) and 400 numbers never start
with 1[3-9] and eleven digits, so they are left alone by construction.
"""
from __future__ import annotations


def _is_national_mobile(digits: str) -> bool:
    return len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"


def mobile_parts(digits: str, plus_before: bool) -> tuple[str, str] | None:
    """(prefix, national number) when ``digits`` is a mobile number, else None.
    A bare 86 counts as the country code only after a plus sign."""
    if _is_national_mobile(digits):
        return "", digits
    if digits.startswith("0086") and _is_national_mobile(digits[4:]):
        return "0086 ", digits[4:]
    if plus_before and digits.startswith("86") and _is_national_mobile(digits[2:]):
        return "+86 ", digits[2:]
    return None


def masked(prefix: str, national: str) -> str:
    """138****1234, keeping the country prefix when there was one."""
    return f"{prefix}{national[:3]}****{national[-4:]}"
