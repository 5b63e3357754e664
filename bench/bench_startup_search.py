"""Start-up, list filter and search latency, and memory on a ten-year (130,000-item) profile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup_search.py [--items N] [--runs 9]

Every figure stands beside a floor measured in the same run, with the ratio:

* start-up, for a drafter (liuyang: the item list first) and a leader (wangjianguo: his
  review queue of 2,000 first): a fresh process runs bench/startup_child.py, which goes
  through main.py as `main.py gui --profile …` does, except that the login dialog is
  replaced by looking the user up (no typing, no password check). The clock runs from
  spawn until the window is usable: the first page holds its first rows and has painted
  them, and every status-bar widget shows its figures or says it is loading. The floor is
  a bare PyQt6 process showing a QMainWindow with an empty QTableView, from spawn until it
  has processed its first events. A second floor, the libraries floor, is that window
  plus what the stack costs before any workstation code runs (LIBRARY_CHILD): each role's
  ratio to it is the share that is our own. Medians of --runs of each, interleaved so all see the
  same machine load, after one uncounted start of each. Beside wall time, the CPU time
  (user + system) the child had used when ready, steadier than wall time on a shared
  machine. The workstation's modules are compiled once and the bytecode kept (under
  bench/out/pycache), as on an installed workstation; a shorter series without any
  bytecode shows the first start after an update.
  What the child leaves out: the login dialog and the password check (scrypt, ~50 ms on
  the write worker after the user presses Enter).
* filters and searches: through the item page's real path (filter → read worker → model
  reset), median and p95 over many queries, against the same path showing the unfiltered
  first page (filters) and against FTS5 finding the same query's first 200 rows alone
  (searches).
* peak memory (ru_maxrss) of the drafter's start-up process once the list's total is in,
  against the bare one.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
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
usage = resource.getrusage(resource.RUSAGE_SELF)
print("ready", usage.ru_maxrss, round((usage.ru_utime + usage.ru_stime) * 1000), flush=True)
"""
# The second floor: the bare window plus what this stack costs before any workstation code
# runs, each a fact of the libraries, not of ours: peewee (its server drivers deferred, as
# the workstation does), the standard modules every workstation module stands on (sqlite3,
# json, hashlib, dataclasses, concurrent.futures for the workers), Qt's namespace enums
# (PyQt6 builds all ~90 at the first Qt.* constant any model or layout uses) and one line of
# Chinese text (loading the CJK font). The share of the start-up that is our own code is
# the distance from here.
LIBRARY_CHILD = BARE_CHILD.replace("app = QApplication", f"""sys.path.insert(0, {str(ROOT)!r})
from db.drivers import defer_imports
defer_imports()
import peewee, sqlite3, json, hashlib, dataclasses, concurrent.futures
from PyQt6.QtCore import Qt
Qt.ItemDataRole
app = QApplication""").replace("window.resize", "window.statusBar().showMessage('政务公开审签工作站　信息列表')\nwindow.resize")
CHILD = str(ROOT / "bench" / "startup_child.py")
ROLES = {"drafter": "liuyang", "leader": "wangjianguo"}


# --- start-up in fresh processes ------------------------------------------------------------------
@dataclass
class Start:
    """One timed start: wall ms from spawn to ready, the child's CPU ms (user + sys) by then,
    ru_maxrss (KB) then and at exit, and the child's own phase marks (ms since it started)."""
    wall_ms: float
    cpu_ms: float
    ready_rss: int
    last_rss: int
    phases: dict[str, float]


def child_environment(compiled: bool) -> dict[str, str]:
    """Bytecode cached as on an installed workstation (kept apart under bench/out/pycache so
    the tree stays clean), or the workstation's own modules compiled from source each time."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(OUT / "config"))     # the bench's own QSettings
    env.pop("PYTHONPYCACHEPREFIX", None)
    if compiled:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"     # the library's bytecode is found, ours is compiled each time
    return env


def timed_child(args: list[str], env: dict[str, str]) -> Start:
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env)
    ready, last_rss = None, 0
    for line in process.stdout:
        word, rss, *rest = line.split()
        if word == "ready":
            wall = (time.perf_counter() - started) * 1000
            phases = {name: float(ms) for name, ms in (item.split("=") for item in rest[1:])}
            ready = Start(wall, float(rest[0]), int(rss), int(rss), phases)
        last_rss = int(rss)
    process.wait()
    if process.returncode or ready is None:
        raise SystemExit(f"child {args[:1]} failed with {process.returncode}")
    ready.last_rss = last_rss
    return ready


def measure_startup(profile_root: Path, runs: int, compiled: bool = True) -> dict[str, list[Start]]:
    """`runs` starts of the bare window and of each role, interleaved, after one uncounted
    start of each (it warms the disk cache and, when compiled, writes the bytecode)."""
    env = child_environment(compiled)
    kinds = {"floor": ["-c", BARE_CHILD], "libraries": ["-c", LIBRARY_CHILD]}
    kinds.update({role: [CHILD, str(profile_root), user] for role, user in ROLES.items()})
    results: dict[str, list[Start]] = {kind: [] for kind in kinds}
    for run in range(runs + 1):
        for kind, args in kinds.items():
            start = timed_child(args, env)
            if run:
                results[kind].append(start)
    return results


def fresh_backup(profile_root: Path) -> None:
    """A backup younger than an hour, as after any recent session, so the children's upkeep
    runs only its integrity check (one kept: the bench profile is big)."""
    from db import backup
    from db.database import Profile
    profile = Profile(profile_root)
    age = backup.newest_backup_age(profile)
    if age is None or age.total_seconds() > 45 * 60:
        backup.backup_now(profile, keep=1)


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
def startup_lines(starts: dict[str, list[Start]], phases: bool) -> list[str]:
    floor_wall = statistics.median(s.wall_ms for s in starts["floor"])
    floor_cpu = statistics.median(s.cpu_ms for s in starts["floor"])
    library_wall = statistics.median(s.wall_ms for s in starts["libraries"])
    lines = [f"    {'floor (bare window)':22s}{floor_wall:6.0f} ms{'':14s}CPU {floor_cpu:4.0f} ms",
             f"    {'libraries floor':22s}{library_wall:6.0f} ms  ratio {library_wall / floor_wall:4.2f}"
             "   (bare window + peewee, stdlib, Qt enums, CJK font)"]
    for role in ROLES:
        wall = statistics.median(s.wall_ms for s in starts[role])
        cpu = statistics.median(s.cpu_ms for s in starts[role])
        lines.append(f"    {role:22s}{wall:6.0f} ms  ratio {wall / floor_wall:4.2f}   CPU {cpu:4.0f} ms  ratio "
                     f"{cpu / floor_cpu:4.2f}   goal ≤ {GOAL_STARTUP_RATIO:.0f}×   vs libraries floor "
                     f"{wall / library_wall:4.2f}")
        if phases:
            marks = {name: statistics.median(s.phases[name] for s in starts[role]) for name in starts[role][0].phases}
            lines.append(" " * 8 + "child's clock: " + ", ".join(
                f"{name.replace('_', ' ')} {ms:.0f} ms" for name, ms in marks.items()))
    return lines


def report(startup: dict, cold: dict | None, latency: dict, items: int) -> None:
    print(f"\nGongkai Desk start-up and search, {items:,}-item profile (medians; ratio = figure / floor;"
          " floor = bare PyQt6 window with an empty table)\n")
    print(f"start-up to a usable window (spawn → first rows painted, status bar in; medians of "
          f"{len(startup['floor'])}, bytecode compiled)")
    for line in startup_lines(startup, phases=True):
        print(line)
    if cold:
        print(f"first start after an update (our modules compiled from source; medians of {len(cold['floor'])})")
        for line in startup_lines(cold, phases=False):
            print(line)
    print()
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
    bare_mb = statistics.median(s.last_rss for s in startup["floor"]) / 1024
    app_mb = max(s.last_rss for s in startup["drafter"]) / 1024
    print(f"{'peak memory (ru_maxrss), list and total shown':44s}{app_mb:8.0f} MB   floor (bare window) {bare_mb:6.0f} MB"
          f"   ratio {app_mb / bare_mb:4.2f}   goal ≤ {GOAL_RSS_MB:.0f} MB")


def main() -> int:
    import faulthandler
    faulthandler.dump_traceback_later(int(os.environ.get("BENCH_WATCHDOG", "900")), exit=True)     # a stuck run says where, then ends
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=130_000)
    parser.add_argument("--pending", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=9, help="start-up runs of each kind")
    parser.add_argument("--cold-runs", type=int, default=3, help="start-up runs without bytecode (0: none)")
    parser.add_argument("--queries", type=int, default=200, help="filters and searches of each kind")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bigprofile import build_big_profile
    from db.database import close
    profile = build_big_profile(items=args.items, pending=args.pending)
    close()
    fresh_backup(profile.root)
    startup = measure_startup(profile.root, args.runs)
    cold = measure_startup(profile.root, args.cold_runs, compiled=False) if args.cold_runs else None
    latency = measure_latency(profile.root, args.queries)
    report(startup, cold, latency, args.items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
