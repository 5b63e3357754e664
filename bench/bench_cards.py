"""Guide card rendering against a floor measured in the same run.

Floor: reportlab drawing exactly the strings the cards show (same font, sizes, places,
pages), laid out beforehand, with drawString per line: no wrapping, fitting, rules or
QR codes. The goal for render_cards on 500 guides (A6) is at most 1.5x that floor.
Both are timed in CPU seconds of this process, back to back in alternating order, and
the ratio reported is the median over the pairs: on a shared two-core machine wall
time swings by half between runs. Also: one-card preview latency in a warm process
(goal <= 300 ms) and the cold first card including `import reportlab` and font
registration (a fresh interpreter), both in wall-clock time.

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


if __name__ == "__main__":
    main()
