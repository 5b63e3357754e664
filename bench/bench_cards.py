"""Guide card rendering against a floor measured in the same run.

Floor: reportlab drawing exactly the strings the cards show (same font, sizes, places,
pages), laid out beforehand, with drawString per line: no wrapping, fitting, rules or
QR codes. The goal for render_cards on 500 guides (A6) is at most 1.5x that floor.
Both are timed in CPU seconds of this process, back to back in alternating order, and
the ratio reported is the median over the pairs: on a shared two-core machine wall
time swings by half between runs. Also: one-card preview latency in a warm process
(goal <= 300 ms) and the cold first card including `import reportlab` and font
registration (a fresh interpreter), both in wall-clock time.

The front desk's search (db.cards.index) is timed per query as typed (Chinese, pinyin,
initials) over the demo guides and over 2,000 synthetic guides, beside a floor of one
LIKE over the names column alone (no pinyin, no initials, no ranking); goal < 50 ms.
The synthetic rows go into the index table directly (foreign keys off on the bench's own
throw-away profile): the search reads that table only.

Run: .venv/bin/python bench/bench_cards.py [guides]
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forms.cards import CardData, CardTemplate, render_cards  # noqa: E402
from forms.cards.qr import qr_path  # noqa: E402
from forms.fonts import FontSet  # noqa: E402

GUIDES_JSON = ROOT / "resources" / "demo" / "guides.json"
GUIDES = json.loads(GUIDES_JSON.read_text(encoding="utf-8"))["guides"]
URL = "https://zwfw.xinyang.gov.cn/bszn/{key}-{n:04d}"


def make_cards(count: int, offset: int = 0) -> list[CardData]:
    """`count` cards cycling through the demo guides, each with its own URL (so its own QR
    code) and its own wording (so no paragraph is wrapped from another guide's cache)."""
    cards = []
    for n in range(offset, offset + count):
        entry = GUIDES[n % len(GUIDES)]
        guide = dict(entry["guide"])
        guide["conditions"] = f"（编号{n}）" + guide["conditions"]
        guide["materials"] = [dict(m, name=f"{m['name']}（{n}）") for m in guide["materials"]]
        guide["steps"] = [f"{step}（{n}）" for step in guide["steps"]]
        cards.append(CardData(guide, f"{guide['name']}（{n}）", entry["section"],
                              1 + n % 9, "2026-11-30", URL.format(key=entry["key"], n=n)))
    return cards


def floor_seconds(cards, template, fonts) -> tuple[float, int]:
    """drawString of the same strings on the same pages; layout done before timing."""
    from forms.cards.layouts import get_layout
    from forms.cards.render import new_canvas, plan_cards, save_canvas

    layout = get_layout("a6")
    plans, _ = plan_cards(cards, template, layout, fonts)
    pages = [[((fonts.heading if r.role == "heading" else fonts.body), r.size, r.x, r.y, r.text)
              for r in plan.runs] for guide in plans for plan in guide]
    start = time.process_time()
    canvas = new_canvas(BytesIO(), layout, fonts)      # the same document settings
    for runs in pages:
        current = None
        for font, size, x, y, text in runs:
            if (font, size) != current:
                canvas.setFont(font, size)
                current = (font, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    save_canvas(canvas)
    return time.process_time() - start, len(pages)


def full_seconds(cards, template, fonts) -> tuple[float, int]:
    start = time.process_time()
    result = render_cards(cards, template, "a6", fonts)
    return time.process_time() - start, result.pages


def preview_ms(template, fonts, runs: int = 15) -> list[float]:
    """One guide's cards to PDF bytes, each time a guide not rendered before."""
    times = []
    for card in make_cards(runs, offset=100_000):
        start = time.perf_counter()
        render_cards([card], template, "a6", fonts)
        times.append((time.perf_counter() - start) * 1000)
    return times


COLD = """
import time; start = time.perf_counter()
import json, sys; sys.path.insert(0, {root!r})
from forms.cards import CardData, CardTemplate, render_cards
entry = json.load(open({guides!r}, encoding="utf-8"))["guides"][0]
card = CardData(entry["guide"], "", entry["section"], 1, "2026-11-30", "https://x.example/cold")
render_cards([card], CardTemplate.default(), "a6")
print((time.perf_counter() - start) * 1000)
"""


def cold_first_card_ms() -> float:
    code = COLD.format(root=str(ROOT), guides=str(GUIDES_JSON))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def compare(cards, template, fonts, attempts: int = 7) -> tuple[list[float], list[float], int]:
    """Render and floor back to back, in alternating order, so that a busy moment on a
    shared machine slows both sides of one attempt rather than one side of the result."""
    fulls, floors, pages = [], [], 0
    for attempt in range(attempts):
        order = ("full", "floor") if attempt % 2 == 0 else ("floor", "full")
        for side in order:
            if side == "full":
                qr_path.cache_clear()        # every QR code is encoded inside the timed render
                seconds, pages = full_seconds(cards, template, fonts)
                fulls.append(seconds)
            else:
                seconds, floor_pages = floor_seconds(cards, template, fonts)
                floors.append(seconds)
        assert pages == floor_pages, (pages, floor_pages)
    return fulls, floors, pages


QUERIES = ("y", "yy", "yyz", "yyzz", "营", "营业", "营业执照", "yingye", "ying ye zhi zhao", "xk", "jzgc", "许可")
REGIONS = ("", "市级", "浉河区", "平桥区", "罗山县", "光山县", "潢川县")
VARIANTS = ("", "（新办）", "（变更）", "（延续）", "（注销）", "（补证）", "（告知承诺）")


def synthetic_names(count: int) -> list[str]:
    names = [f"{region}{entry['guide']['name']}{variant}" for variant in VARIANTS for region in REGIONS
             for entry in GUIDES]
    return names[:count]


def fill_index(names: list[str]) -> float:
    """Index rows for `names` in a fresh profile; returns seconds spent spelling them."""
    import tempfile

    from db import reference
    from db.cards import index, pinyin
    from db.database import Profile, database, open_profile
    from db.models import Section
    open_profile(Profile(Path(tempfile.mkdtemp(prefix="bench-cards-")) / "profile"), create=True)
    reference.install_structure()
    section = Section.get(Section.code == "approval").id
    database.execute_sql("PRAGMA foreign_keys = OFF")
    pinyin.spell("预热")                     # pypinyin's dictionaries load on first use (~0.4 s)
    start = time.process_time()
    rows = []
    for number, name in enumerate(names):
        spell, initials = index._spelled([name])
        rows.append((f"g{number:05d}", "bench", name, pinyin.fold(name), spell, initials, "营业执照" if number % 9 == 0 else "",
                     "", "", section, f"A{number % 40:02d}号窗口", 1, ""))
    spelling = time.process_time() - start
    with database.atomic():
        database.execute_sql("DELETE FROM guide_index")
        for row in rows:
            database.execute_sql('INSERT INTO guide_index VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)', row)
    return spelling


def search_ms(rounds: int = 5) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall-clock ms per query: the search, and the floor (one LIKE on names)."""
    from db.cards import index
    from db.database import database
    found, floor = {}, {}
    for query in QUERIES:
        times, floors = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            index.search(query, limit=None)
            times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            database.execute_sql('SELECT "item_id" FROM "guide_index" WHERE "names" LIKE ?', (f"%{query}%",)).fetchall()
            floors.append((time.perf_counter() - start) * 1000)
        found[query], floor[query] = statistics.median(times), statistics.median(floors)
    return found, floor


def report_search() -> None:
    for label, count in (("demo guides", len(GUIDES)), ("synthetic guides", 2000)):
        names = synthetic_names(count)
        spelling = fill_index(names)
        found, floor = search_ms()
        worst = max(found, key=found.get)
        print(f"front-desk search over {len(names)} {label} (spelled at {len(names) / spelling:,.0f} names/s): "
              f"median {statistics.median(found.values()):.2f} ms, worst {found[worst]:.2f} ms ({worst!r}); "
              f"floor (LIKE on names only) median {statistics.median(floor.values()):.2f} ms; "
              f"ratio {statistics.median(found.values()) / statistics.median(floor.values()):.1f}x  "
              f"goal < 50 ms  {'OK' if found[worst] < 50 else 'OVER'}")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    template = CardTemplate.default()
    fonts = FontSet.discover()
    print(f"font: {', '.join(fonts.sources)} (embedded={fonts.embedded})")
    render_cards(make_cards(3, offset=900_000), template, "a6", fonts)    # warm caches
    fulls, floors, pages = compare(make_cards(count), template, fonts)
    ratios = [full / floor for full, floor in zip(fulls, floors)]
    print(f"{count} guides, {pages} A6 pages; CPU seconds of this process, best of {len(fulls)}")
    print(f"  floor  (drawString of the same lines, no layout, no QR): {min(floors):6.2f} s "
          f"({pages / min(floors):5.0f} pages/s)")
    print(f"  render_cards (wrap, fit, 续, rules, QR codes):           {min(fulls):6.2f} s "
          f"({pages / min(fulls):5.0f} pages/s)")
    ratio = statistics.median(ratios)
    print(f"  ratio to floor: median {ratio:.2f}x of back-to-back pairs "
          f"(range {min(ratios):.2f}-{max(ratios):.2f}; best/best {min(fulls) / min(floors):.2f}x)"
          f"  goal <= 1.50x  {'OK' if ratio <= 1.5 else 'OVER'}")
    preview = preview_ms(template, fonts)
    print(f"preview of one guide, warm process (wall clock): median "
          f"{statistics.median(preview):.0f} ms, max {max(preview):.0f} ms "
          f"(goal <= 300 ms)  {'OK' if max(preview) <= 300 else 'OVER'}")
    print(f"cold first card (fresh interpreter: imports, font registration, render; wall clock): "
          f"{cold_first_card_ms():.0f} ms")
    report_search()


if __name__ == "__main__":
    main()
