"""QR codes for guide URLs, encoded once and drawn as one filled path.

reportlab's own encoder builds the symbol nine times to pick a mask and recomputes
the Reed-Solomon generator for every block (~20 ms a code); its widget draws one
rectangle object per run. Here the symbol is built in byte mode at error-correction
level M: Reed-Solomon uses cached tables, the whole symbol is held as one integer (and
its transpose as another) so that all eight masks are scored with a few dozen bit
operations each, and the result becomes a PDF path string in module units, built from
cached 8-module pieces, that a card places with one transformation. The version
tables (block structure, alignment positions, BCH codes) come from reportlab's
qrencoder; tests compare the symbols with reportlab's own encoder.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from reportlab.graphics.barcode.qrencoder import QRErrorCorrectLevel, QRRSBlock, QRUtil

QUIET_ZONE = 4                 # modules of white border required around the symbol
_LEVEL = QRErrorCorrectLevel.M
_EXP = [0] * 512
_LOG = [0] * 256


def _init_galois_field() -> None:
    value = 1
    for power in range(255):
        _EXP[power] = value
        _LOG[value] = power
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    for power in range(255, 512):
        _EXP[power] = _EXP[power - 255]


_init_galois_field()


@lru_cache(maxsize=None)
def _generator_logs(degree: int) -> tuple[int, ...]:
    """Logs of the generator polynomial's coefficients x^(degree-1) .. x^0 (monic)."""
    poly = [1]
    for root in range(degree):
        nxt = [0] * (len(poly) + 1)
        for i, coef in enumerate(poly):
            nxt[i] ^= coef
            if coef:
                nxt[i + 1] ^= _EXP[_LOG[coef] + root]
        poly = nxt
    assert all(poly), "QR generator coefficients are never zero"
    return tuple(_LOG[c] for c in poly[1:])


@lru_cache(maxsize=None)
def _ec_table(degree: int) -> tuple[int, ...]:
    """For each leading factor, generator x factor packed big-endian into one int."""
    gen = _generator_logs(degree)
    return tuple(int.from_bytes(bytes(_EXP[_LOG[f] + g] for g in gen), "big") if f else 0
                 for f in range(256))


def _ec_codewords(data: list[int], degree: int) -> list[int]:
    """Reed-Solomon remainder, the register held as one integer of `degree` bytes."""
    table, top, keep = _ec_table(degree), 8 * (degree - 1), (1 << 8 * degree) - 1
    rem = 0
    for byte in data:
        rem = ((rem << 8) & keep) ^ table[byte ^ (rem >> top)]
    return list(rem.to_bytes(degree, "big"))


def _blocks(version: int) -> list[tuple[int, int]]:
    return [(b.dataCount, b.totalCount - b.dataCount)
            for b in QRRSBlock.getRSBlocks(version, _LEVEL)]


def _choose_version(length: int) -> int:
    for version in range(1, 41):
        count_bits = 8 if version < 10 else 16
        capacity = sum(data for data, _ in _blocks(version)) * 8
        if 4 + count_bits + 8 * length <= capacity:
            return version
    raise ValueError(f"{length} bytes do not fit in a QR code")


def _codewords(payload: bytes, version: int) -> list[int]:
    """Data bits (byte mode) padded and split into blocks, then interleaved with EC."""
    blocks = _blocks(version)
    capacity = sum(data for data, _ in blocks)
    count_bits = 8 if version < 10 else 16
    # Mode 0100, the length, the bytes, a 4-bit terminator: a whole number of bytes, since
    # 4 + count_bits + 8n + 4 is a multiple of 8 (and the version was chosen to fit it).
    stream = ((0b0100 << count_bits | len(payload)) << 8 * len(payload)
              | int.from_bytes(payload, "big")) << 4
    data = list(stream.to_bytes((count_bits + 8 * len(payload) + 8) // 8, "big"))
    data += [0xEC, 0x11] * ((capacity - len(data)) // 2 + 1)
    data = data[:capacity]
    split, ecs, start = [], [], 0
    for count, degree in blocks:
        split.append(data[start:start + count])
        ecs.append(_ec_codewords(split[-1], degree))
        start += count
    return _interleave(split) + _interleave(ecs)


def _interleave(blocks: list[list[int]]) -> list[int]:
    return [block[i] for i in range(max(map(len, blocks))) for block in blocks if i < len(block)]


class _Symbol:
    """Function patterns as row bitmasks: `dark` (their colour) and `used` (reserved)."""

    def __init__(self, version: int):
        self.version = version
        self.size = size = 4 * version + 17
        self.dark = [0] * size
        self.used = [0] * size
        for row, col in ((0, 0), (0, size - 7), (size - 7, 0)):
            self._finder(row, col)
        for i in range(8, size - 8):
            self.set(6, i, i % 2 == 0)
            self.set(i, 6, i % 2 == 0)
        self._alignments()
        self._reserve_format()
        if version >= 7:
            self._version_info()

    def set(self, row: int, col: int, dark: bool) -> None:
        bit = 1 << (self.size - 1 - col)
        self.used[row] |= bit
        self.dark[row] = self.dark[row] | bit if dark else self.dark[row] & ~bit

    def _finder(self, top: int, left: int) -> None:
        for r in range(-1, 8):
            for c in range(-1, 8):
                row, col = top + r, left + c
                if 0 <= row < self.size and 0 <= col < self.size:
                    ring = max(abs(r - 3), abs(c - 3))
                    self.set(row, col, ring != 2 and ring != 4)

    def _alignments(self) -> None:
        centres = QRUtil.getPatternPosition(self.version)
        last = self.size - 7
        for row in centres:
            for col in centres:
                if (row, col) in ((6, 6), (6, last), (last, 6)):
                    continue        # these would overlap the finder patterns
                for r in range(-2, 3):
                    for c in range(-2, 3):
                        self.set(row + r, col + c, max(abs(r), abs(c)) != 1)

    def format_cells(self) -> list[list[tuple[int, int]]]:
        """Cells of format bit i (both copies), i = 0 the least significant."""
        size = self.size
        first = [(i, 8) for i in range(6)] + [(7, 8), (8, 8), (8, 7)]
        first += [(8, 14 - i) for i in range(9, 15)]
        second = [(8, size - 1 - i) for i in range(8)] + [(size - 15 + i, 8) for i in range(8, 15)]
        return [[a, b] for a, b in zip(first, second)]

    def _reserve_format(self) -> None:
        for cells in self.format_cells():
            for row, col in cells:
                self.set(row, col, False)
        self.set(self.size - 8, 8, True)          # the always-dark module

    def _version_info(self) -> None:
        bits = QRUtil.getBCHTypeNumber(self.version)
        for i in range(18):
            dark = bool(bits >> i & 1)
            a, b = self.size - 11 + i % 3, i // 3
            self.set(b, a, dark)
            self.set(a, b, dark)


_MASKS = (
    lambda i, j: (i + j) % 2 == 0, lambda i, j: i % 2 == 0, lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0, lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)


def _pack(grid: list[str]) -> int:
    """Rows of '0'/'1' text as one integer, a light guard bit between rows, so that
    whole-symbol bit operations never carry a pattern from one row into the next."""
    return int("0".join(grid), 2)


def _positions(size: int, rows: range, cols: range) -> int:
    """A packed mask with bits set for the given rows and columns."""
    line = "".join("1" if c in cols else "0" for c in range(size))
    return _pack([line if r in rows else "0" * size for r in range(size)])


class _Board:
    """Everything about one version that does not depend on the data, packed twice:
    as rows (x) and as columns (y), so the mask rules can read both directions."""

    def __init__(self, version: int):
        symbol = _Symbol(version)
        self.size = size = symbol.size
        self.stride = size + 1

        def text(rows: list[int]) -> list[str]:
            return [format(r, f"0{size}b") for r in rows]

        def both(grid: list[str]) -> tuple[int, int]:
            return _pack(grid), _pack(["".join(c) for c in zip(*grid)])

        self.dark = both(text(symbol.dark))
        self.free = both(text([~u & ((1 << size) - 1) for u in symbol.used]))
        self.masks = [both(["".join("1" if test(i, j) else "0" for j in range(size))
                            for i in range(size)]) for test in _MASKS]
        self.formats = [self._format_bits(symbol, m) for m in range(8)]
        self.data_cells, self.cells = self._data_cells(symbol)
        # Bit k of a row is column size-1-k, so "k and k+1" means "a cell and the one
        # to its left": comparisons start at column 1, 11-cell windows end at column 10+.
        self.run_cells = _positions(size, range(size), range(1, size))
        self.square_cells = _positions(size, range(1, size), range(1, size))
        self.finder_cells = _positions(size, range(size), range(10, size))

    def _format_bits(self, symbol: _Symbol, mask: int) -> tuple[int, int]:
        grid = [["0"] * self.size for _ in range(self.size)]
        bits = QRUtil.getBCHTypeInfo(_LEVEL << 3 | mask)
        for i, cells in enumerate(symbol.format_cells()):
            for row, col in cells:
                grid[row][col] = "1" if bits >> i & 1 else "0"
        lines = ["".join(r) for r in grid]
        return _pack(lines), _pack(["".join(c) for c in zip(*lines)])

    def _data_cells(self, symbol: _Symbol) -> tuple[int, tuple[itemgetter, itemgetter]]:
        """How many data cells there are, and for every position of the packed text (as
        rows, as columns) which data bit lands there in the standard's zigzag order;
        other positions pick the light bit past the end."""
        size, stride = self.size, self.stride
        length = stride * size - 1
        cells = []
        col, upward = size - 1, True
        while col > 0:
            if col == 6:
                col -= 1        # the vertical timing pattern is skipped as a whole column
            for row in (range(size - 1, -1, -1) if upward else range(size)):
                for c in (col, col - 1):
                    if not symbol.used[row] >> (size - 1 - c) & 1:
                        cells.append((row, c))
            col -= 2
            upward = not upward
        as_rows, as_cols = [len(cells)] * length, [len(cells)] * length
        for index, (row, c) in enumerate(cells):
            as_rows[row * stride + c] = index
            as_cols[c * stride + row] = index
        return len(cells), (itemgetter(*as_rows), itemgetter(*as_cols))

    def place(self, codewords: list[int]) -> tuple[int, int]:
        """The data bits, unmasked, packed as rows and as columns."""
        bits = format(int.from_bytes(bytes(codewords), "big"), f"0{8 * len(codewords)}b")
        bits += "0" * (self.data_cells - len(bits) + 1)      # remainder bits, light cells
        return int("".join(self.cells[0](bits)), 2), int("".join(self.cells[1](bits)), 2)

    def masked(self, data: tuple[int, int], mask: int) -> tuple[int, int]:
        return tuple(dark | ((bits ^ pattern) & free) | fmt for dark, bits, pattern, free, fmt
                     in zip(self.dark, data, self.masks[mask], self.free, self.formats[mask]))

    def penalty(self, symbol: tuple[int, int]) -> int:
        """The standard's four mask-selection rules over the whole symbol."""
        rows, cols = symbol
        score = self._runs(rows) + self._runs(cols)
        score += 40 * (self._finder_like(rows) + self._finder_like(cols))
        above = rows >> self.stride
        same = ~(rows ^ above) & ~(rows ^ (rows >> 1)) & ~(above ^ (above >> 1))
        score += 3 * (same & self.square_cells).bit_count()
        total = self.size * self.size
        score += 10 * (abs(rows.bit_count() * 20 - total * 10) // total)
        return score

    def _runs(self, packed: int) -> int:
        """Each run of 5+ same-coloured modules scores its length minus 2."""
        same = ~(packed ^ (packed >> 1)) & self.run_cells     # cell equals its left neighbour
        fives = same & (same >> 1) & (same >> 2) & (same >> 3)
        return fives.bit_count() + 2 * (fives & ~(fives >> 1)).bit_count()

    def _finder_like(self, packed: int) -> int:
        """Count 1011101 cores with four light cells on one side (either side)."""
        x = packed
        core = x & ~(x >> 1) & (x >> 2) & (x >> 3) & (x >> 4) & ~(x >> 5) & (x >> 6)
        light4 = ~(x | (x >> 1) | (x >> 2) | (x >> 3))
        light_after = (core >> 4) & light4          # 1011101 with 0000 to its right
        light_before = core & (light4 >> 7)         # 0000 with 1011101 to its right
        return (light_after & self.finder_cells).bit_count() + \
            (light_before & self.finder_cells).bit_count()

    def rows(self, symbol: tuple[int, int]) -> list[int]:
        full = (1 << self.size) - 1
        return [symbol[0] >> (self.stride * (self.size - 1 - r)) & full for r in range(self.size)]


@lru_cache(maxsize=None)
def _board(version: int) -> _Board:
    return _Board(version)


def qr_matrix(text: str, mask: int | None = None) -> list[int]:
    """Rows of the symbol as bitmasks (most significant bit = leftmost module)."""
    payload = text.encode("utf-8")
    version = _choose_version(len(payload))
    board = _board(version)
    data = board.place(_codewords(payload, version))
    if mask is None:
        mask = min(range(8), key=lambda m: board.penalty(board.masked(data, m)))
    return board.rows(board.masked(data, mask))


_DARK_RUN = re.compile(r"1+")


class _ChunkOps(dict):
    """(chunk index, byte) -> rectangles for the dark modules of 8 modules of a row, with
    the row's y left as "Y". Runs crossing a chunk boundary become two abutting
    rectangles of the same filled path, which print as one."""

    def __missing__(self, key: tuple[int, int]) -> str:
        index, byte = key
        ops = [f"{QUIET_ZONE + 8 * index + run.start()} Y {run.end() - run.start()} 1 re"
               for run in _DARK_RUN.finditer(format(byte, "08b"))]
        self[key] = text = " ".join(ops)
        return text


_CHUNK_OPS = _ChunkOps()


@lru_cache(maxsize=1024)
def qr_path(text: str) -> tuple[str, int]:
    """PDF path operators filling the dark modules, in module units with the origin at
    the bottom-left of the quiet zone, and the side length in modules (with the zone)."""
    rows = qr_matrix(text)
    size = len(rows)
    side = size + 2 * QUIET_ZONE
    pad, width = -size % 8, (size + 7) // 8
    ops = []
    for index, row in enumerate(rows):
        chunks = [_CHUNK_OPS[k, b] for k, b in enumerate((row << pad).to_bytes(width, "big")) if b]
        ops.append(" ".join(chunks).replace("Y", str(side - QUIET_ZONE - 1 - index)))
    ops.append("f")
    return "\n".join(ops), side
