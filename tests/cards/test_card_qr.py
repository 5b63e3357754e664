"""QR codes: the symbol is standard, and a phone-grade decoder reads the URL off the card."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from reportlab.graphics.barcode import qrencoder

from forms.cards import CardTemplate, render_cards
from forms.cards.qr import QUIET_ZONE, _board, _choose_version, _codewords, qr_matrix, qr_path
from tests.cards.card_helpers import demo_cards

TEXTS = ["https://zwfw.xinyang.gov.cn/bszn/qysl-yxzr", "A", "https://e.example/" + "x" * 120,
         "https://zwfw.xinyang.gov.cn/bszn/" + "0123456789abcdef" * 18]


def reference_matrix(text: str, mask: int) -> list[int]:
    """reportlab's own encoder, with the mask fixed, as bit rows."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(qrencoder.QR8bitByte(text))
    code.version = code.calculate_version()
    code.makeImpl(False, mask)
    n = code.getModuleCount()
    return [sum(1 << (n - 1 - c) for c in range(n) if code.modules[r][c]) for r in range(n)]


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: f"{len(t)}-bytes")
def test_symbol_matches_reportlab_encoder_for_every_mask(text):
    for mask in range(8):
        assert qr_matrix(text, mask) == reference_matrix(text, mask), f"mask {mask}"


def naive_penalty(rows: list[int]) -> int:
    """The four penalty rules of ISO/IEC 18004 written out plainly."""
    n = len(rows)
    grid = [[rows[r] >> (n - 1 - c) & 1 for c in range(n)] for r in range(n)]
    score = 0
    for lines in (grid, [list(col) for col in zip(*grid)]):
        for line in lines:
            run = 1
            for k in range(1, n + 1):
                if k < n and line[k] == line[k - 1]:
                    run += 1
                else:
                    score += run - 2 if run >= 5 else 0
                    run = 1
            text = "".join(map(str, line))
            for pattern in ("10111010000", "00001011101"):
                score += 40 * sum(text.startswith(pattern, i) for i in range(n))
    score += 3 * sum(grid[r][c] == grid[r][c + 1] == grid[r + 1][c] == grid[r + 1][c + 1]
                     for r in range(n - 1) for c in range(n - 1))
    dark = sum(map(sum, grid))
    return score + 10 * (abs(dark * 20 - n * n * 10) // (n * n))


@pytest.mark.parametrize("text", TEXTS[:2] + TEXTS[3:], ids=lambda t: f"{len(t)}-bytes")
def test_mask_penalty_follows_the_standard(text):
    version = _choose_version(len(text.encode()))
    board = _board(version)
    data = board.place(_codewords(text.encode(), version))
    for mask in range(8):
        symbol = board.masked(data, mask)
        assert board.penalty(symbol) == naive_penalty(board.rows(symbol)), f"mask {mask}"


def test_path_fills_exactly_the_dark_modules_inside_the_quiet_zone():
    text = TEXTS[0]
    rows = qr_matrix(text)
    ops, side = qr_path(text)
    size = len(rows)
    assert side == size + 2 * QUIET_ZONE
    filled = set()
    for x, y, w, h in re.findall(r"(\d+) (\d+) (\d+) (\d+) re", ops):
        assert h == "1"
        filled.update((side - 1 - int(y), int(x) + i) for i in range(int(w)))
    dark = {(r + QUIET_ZONE, c + QUIET_ZONE) for r in range(size) for c in range(size)
            if rows[r] >> (size - 1 - c) & 1}
    assert filled == dark
    assert ops.endswith("\nf")


def decode(pdf: bytes, tmp_path) -> list[str]:
    for tool in ("zbarimg", "pdftoppm"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed (Debian packages zbar-tools, poppler-utils)")
    (tmp_path / "card.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "card.pdf"),
                    str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                              str(png)], capture_output=True, text=True)
        found.extend(out.stdout.split())
    return found


def test_qr_code_on_an_a6_card_decodes_to_the_guide_url(tmp_path):
    card = demo_cards()[7]
    result = render_cards([card], CardTemplate.default(), "a6")
    assert decode(result.pdf, tmp_path) == [card.url] * result.pages


def test_every_qr_code_on_a_four_up_sheet_decodes_to_its_own_guide(tmp_path):
    cards = demo_cards()[10:12]
    result = render_cards(cards, CardTemplate.default(), "a4x4")
    per_guide = [render_cards([c], CardTemplate.default(), "a6").pages for c in cards]
    expected = [c.url for c, count in zip(cards, per_guide) for _ in range(count)]
    assert 2 < len(expected) <= 4, "the sheet should hold several cards"
    assert sorted(decode(result.pdf, tmp_path)) == sorted(expected)
