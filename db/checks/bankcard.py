"""Bank card numbers: 16-19 digits, a plausible issuer prefix and the Luhn check."""
from __future__ import annotations


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def plausible_prefix(digits: str) -> bool:
    """16 digits: the international schemes (JCB 35, Visa 4, Mastercard 51-55 and
    2221-2720, UnionPay/Discover 6). 17-19 digits: UnionPay 62, Bank of China 60 and the
    old ICBC 9558 cards only, so that 18-digit credit codes and ID-like numbers that start
    with 1-5 or 9 are not taken for cards."""
    if len(digits) == 16:
        if digits[0] in "46" or digits[:2] == "35" or "51" <= digits[:2] <= "55":
            return True
        return "2221" <= digits[:4] <= "2720"
    if 17 <= len(digits) <= 19:
        return digits[:2] in ("62", "60") or digits[:4] == "9558"
    return False


def is_bank_card(digits: str) -> bool:
    return digits.isdigit() and plausible_prefix(digits) and luhn_ok(digits)


def masked(digits: str) -> str:
    """First and last four digits kept: 6222***********1234."""
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
