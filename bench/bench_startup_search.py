"""Start-up, list filter and search latency, and memory on a ten-year (130,000-item) profile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup_search.py [--items N] [--runs 7]

Every figure stands beside a floor measured in the same run, with the ratio:

* start-up: a fresh process that opens the big profile and shows the main window with the
  item list's first page (login bypassed: the user is looked up directly, everything else
  as desktop.app does it), against a bare PyQt6 process showing a QMainWindow with an empty
  QTableView. Both are timed from spawn to "ready", median of --runs.
* filters and searches: through the item page's real path (filter → read worker → model
  reset), median and p95 over many queries, against the same path showing the unfiltered
  first page (filters) and against FTS5 finding the same query's first 200 rows alone
  (searches).
* peak memory (ru_maxrss) of the start-up process with the list shown, against the bare one.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS_2 = ["公开", "招标", "服务", "窗口", "采购", "预算", "审批", "工程", "通知", "政务", "项目", "群众",
           "交易", "施工", "文件", "法规", "督查", "节能", "生态", "档案"]
WORDS_4 = ["政务公开", "招标公告", "行政服务", "部门预算", "政府采购", "公共资源", "事项办理", "工程施工",
           "窗口服务", "分管领导", "信息公开", "办事群众", "预算公开", "严格执行", "生态环境", "档案管理"]
GOAL_STARTUP_RATIO, GOAL_P95_MS, GOAL_RSS_MB = 2.0, 50.0, 300.0

BARE_CHILD = """
import sys, time, resource
from PyQt6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1200, 760)
window.show()
app.processEvents()
print("ready", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""


# --- the start-up child: mirrors desktop.app.run_app up to a usable window ---------------------
CHILD_STARTED = time.perf_counter()


def app_child(profile_root: str, username: str) -> None:
    phases = {}

    def mark(name: str) -> None:
        phases[name] = (time.perf_counter() - CHILD_STARTED) * 1000
    from db.drivers import defer_imports
    defer_imports()
    from PyQt6.QtCore import QSettings
    from desktop import app as appmod, i18n
    from db.database import Profile, open_profile
    from db.models import User
    application = appmod.make_application(sys.argv[:1])
    settings = QSettings(str(Path(profile_root) / "bench-settings.ini"), QSettings.Format.IniFormat)
    application._translators = i18n.install(application, i18n.saved_language(settings))
    ctx = appmod.build_context(Profile(Path(profile_root)), None, settings)
    open_profile(ctx.profile)
    ctx.user = User.get(User.username == username)            # instead of the login dialog
    from desktop.main_window import MainWindow
    mark("profile open")
    build_status = MainWindow._add_status_widgets

    def timed_status(self) -> None:
        started = time.perf_counter()
        build_status(self)
        phases["building other areas' status widgets"] = (time.perf_counter() - started) * 1000
    MainWindow._add_status_widgets = timed_status
    window = MainWindow(ctx)                                  # upkeep (check, backups) starts after this
    window.show()
    mark("window shown")
    page = window.pages["items"]
    while not (page.model.rows and window.status_widgets_ready()):   # the list and the status bar
        application.processEvents()
        time.sleep(0.001)
    mark("list and status bar in")
    print("ready", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
          " ".join(f"{name.replace(' ', '_')}={ms:.0f}" for name, ms in phases.items()), flush=True)
    while not page.filters.total.text().startswith("共"):
        application.processEvents()
        time.sleep(0.001)
    print("counted", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    appmod.shutdown(ctx)


PHASES: dict[str, list[float]] = {}


def timed_child(args: list[str]) -> tuple[float, int, int]:
    """Seconds from spawn to 'ready', its ru_maxrss (KB) then, and ru_maxrss at exit (KB)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    ready_at, ready_rss, last_rss = None, 0, 0
    for line in process.stdout:
        word, rss, *phases = line.split()
        if word == "ready":
            ready_at, ready_rss = time.perf_counter() - started, int(rss)
            for phase in phases:
                name, ms = phase.split("=")
                PHASES.setdefault(name.replace("_", " "), []).append(float(ms))
        last_rss = int(rss)
    process.wait()
    if process.returncode or ready_at is None:
        raise SystemExit(f"child {args} failed with {process.returncode}")
    return ready_at, ready_rss, last_rss


def measure_startup(profile_root: Path, runs: int) -> dict:
    bare, app = [], []
    for _ in range(runs):       # interleaved, so both see the same machine load
        bare.append(timed_child(["-c", BARE_CHILD]))
        app.append(timed_child([__file__, "--child", str(profile_root), "liuyang"]))
    return {"bare": bare, "app": app}


# --- in-process latency --------------------------------------------------------------------------
def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(values_ms: list[float]) -> tuple[float, float]:
    return statistics.median(values_ms), percentile(values_ms, 0.95)


class ListDriver:
    """The items page of a real window; `show(flt)` applies a filter and waits for the rows."""

    def __init__(self, profile_root: Path, username: str):
        from PyQt6.QtCore import QSettings
        from desktop import app as appmod
        from db.database import Profile, open_profile
        from db.models import User
        self.appmod = appmod
        self.application = appmod.make_application(sys.argv[:1])
        settings = QSettings(str(profile_root / "bench-settings.ini"), QSettings.Format.IniFormat)
        self.ctx = appmod.build_context(Profile(profile_root), "zh_CN", settings)
        open_profile(self.ctx.profile)
        self.ctx.user = User.get(User.username == username)
        from desktop.pages.items_page import Page
        self.page = Page(self.ctx)
        self.loaded = False
        self.page.model.loaded.connect(self._loaded)
        self.wait()

    def _loaded(self) -> None:
        self.loaded = True

    def wait(self) -> None:
        while not self.loaded:
            self.application.processEvents()
            time.sleep(0.0002)

    def show(self, flt) -> float:
        """Milliseconds from applying `flt` to its first page being in the model."""
        self.loaded = False
        started = time.perf_counter()
        self.page.model.reload(flt)
        self.wait()
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.appmod.shutdown(self.ctx)


def filter_cases(rng: random.Random, count: int, user) -> list:
    from desktop.pages.items_query import ItemFilter, column_tree, names_of
    nodes = column_tree()
    sections = list(names_of("section"))
    states = ["draft", "returned", "in_review", "approved", "published", "withdrawn"]
    makers = [
        lambda: ItemFilter(column_ids=rng.choice(nodes).descendants),
        lambda: ItemFilter(state=rng.choice(states)),
        lambda: ItemFilter(section_id=rng.choice(sections)),
        lambda: ItemFilter(date_field="updated", **_year_window(rng)),
        lambda: ItemFilter(date_field="written", **_year_window(rng)),
        lambda: ItemFilter(created_by_id=user.id, pinned_section_id=user.section_id),
        lambda: ItemFilter(column_ids=rng.choice(nodes).descendants, state=rng.choice(states[2:5])),
    ]
    return [makers[n % len(makers)]() for n in range(count)]


def _year_window(rng: random.Random) -> dict:
    year, month = rng.randint(2016, 2026), rng.randint(1, 10)
    return {"date_from": f"{year}-{month:02d}-01", "date_to": f"{year}-{month + 2:02d}-28"}


def fts_floor_ms(text: str) -> float:
    """FTS5 alone: the first 200 index rows matching `text`, newest first."""
    from db import search
    from db.database import database
    started = time.perf_counter()
    database.execute_sql("SELECT rowid FROM item_fts WHERE text MATCH ? ORDER BY rowid DESC LIMIT 200",
                         (search.match_expression(text),)).fetchall()
    return (time.perf_counter() - started) * 1000


def measure_latency(profile_root: Path, queries: int) -> dict:
    from desktop.pages.items_query import ItemFilter
    driver = ListDriver(profile_root, "liuyang")
    rng = random.Random(7)
    unfiltered = [driver.show(ItemFilter()) for _ in range(queries // 4)]
    filters = [driver.show(flt) for flt in filter_cases(rng, queries, driver.ctx.user)]
    results = {"floor_list": unfiltered, "filters": filters}
    for label, words in (("search2", WORDS_2), ("search4", WORDS_4)):
        chosen = [rng.choice(words) for _ in range(queries)]
        results[label] = [driver.show(ItemFilter(text=word)) for word in chosen]
        results[label + "_floor"] = [fts_floor_ms(word) for word in chosen]
    driver.close()
    return results


# --- report ---------------------------------------------------------------------------------------
def report(startup: dict, latency: dict, items: int) -> None:
    bare_s = statistics.median(t for t, _, _ in startup["bare"])
    app_s = statistics.median(t for t, _, _ in startup["app"])
    print(f"\nGongkai Desk start-up and search, {items:,}-item profile (medians; ratio = figure / floor)\n")
    print(f"{'start-up to a usable main window':44s}{app_s * 1000:8.0f} ms   floor (bare PyQt6 window + empty "
          f"table) {bare_s * 1000:6.0f} ms   ratio {app_s / bare_s:4.2f}   goal ≤ {GOAL_STARTUP_RATIO:.0f}×")
    if PHASES:
        print(" " * 4 + "of which (child's clock, medians): " + ", ".join(
            f"{name} took {statistics.median(values):.0f} ms" if name.startswith("building") else
            f"{name} at {statistics.median(values):.0f} ms" for name, values in PHASES.items()))
    floor_med, floor_p95 = summary(latency["floor_list"])
    for label, key, floor_key in (("list filter", "filters", None), ("search, 2 characters", "search2", "search2_floor"),
                                  ("search, 4 characters", "search4", "search4_floor")):
        med, p95 = summary(latency[key])
        if floor_key:
            f_med, f_p95 = summary(latency[floor_key])
            floor = f"floor (FTS5 alone) {f_med:5.1f} / {f_p95:5.1f} ms"
        else:
            f_med, f_p95 = floor_med, floor_p95
            floor = f"floor (unfiltered page) {f_med:5.1f} / {f_p95:5.1f} ms"
        print(f"{label + ' median / p95':44s}{med:6.1f} / {p95:5.1f} ms   {floor}   "
              f"ratio {med / max(f_med, 0.01):4.1f} / {p95 / max(f_p95, 0.01):4.1f}   goal p95 ≤ {GOAL_P95_MS:.0f} ms "
              f"(n={len(latency[key])})")
    bare_mb = statistics.median(r for _, _, r in startup["bare"]) / 1024
    app_mb = max(r for _, _, r in startup["app"]) / 1024
    print(f"{'peak memory (ru_maxrss), list shown':44s}{app_mb:8.0f} MB   floor (bare window) {bare_mb:6.0f} MB"
          f"   ratio {app_mb / bare_mb:4.2f}   goal ≤ {GOAL_RSS_MB:.0f} MB")


def main() -> int:
    import faulthandler
    faulthandler.dump_traceback_later(int(os.environ.get("BENCH_WATCHDOG", "900")), exit=True)     # a stuck run says where, then ends
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=130_000)
    parser.add_argument("--pending", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each kind")
    parser.add_argument("--queries", type=int, default=200, help="filters and searches of each kind")
    parser.add_argument("--child", nargs=2, metavar=("PROFILE", "USER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        app_child(*args.child)
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    from bigprofile import build_big_profile
    from db.database import close
    profile = build_big_profile(items=args.items, pending=args.pending)
    close()
    startup = measure_startup(profile.root, args.runs)
    latency = measure_latency(profile.root, args.queries)
    report(startup, latency, args.items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
