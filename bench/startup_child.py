"""One timed start-up of the workstation, run by bench_startup_search.py in a fresh process.

    python bench/startup_child.py PROFILE_DIR USER [--profile-to FILE]

It goes through main.py exactly as `python main.py gui --profile PROFILE_DIR` does, with
one bench-only change: the login dialog is replaced by looking the user up (no typing, no
password check). The clock stops when the window is usable: the first page (item list or
review queue) holds its first rows and has painted them, and every status-bar widget of
the role is in and shows text (its figures or "loading"). Then it prints

    ready <ru_maxrss KB> <cpu ms> <phase>=<ms since start> …
    counted <ru_maxrss KB>                (the item list's total is in; item list only)

and ends at once (os._exit: the background integrity check is not waited for).
This file imports nothing the workstation would not import, so the child pays only for
the workstation's own start-up.
"""
import os
import sys
import time

STARTED = time.perf_counter()
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def since_start() -> float:
    return (time.perf_counter() - STARTED) * 1000


def cpu_ms() -> float:
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000


def max_rss() -> int:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Probe:
    """Hooks the start-up at its seams (login, window) and stops the clock when usable."""

    def __init__(self, username: str):
        self.username = username
        self.phases: dict[str, float] = {}
        self.window = None
        self.timer = None

    def install(self) -> None:
        from desktop import app
        self.app = app
        self.original_open_window = app.open_window
        app.log_in = self.log_in
        app.open_window = self.open_window

    def log_in(self, ctx, username: str = ""):
        """Stands in for the login dialog: the user as a successful login would return it."""
        self.phases["login_dialog_could_show"] = since_start()
        from db.models import User
        return User.get(User.username == self.username)

    def open_window(self, ctx):
        from PyQt6.QtCore import QTimer
        from desktop.main_window import MainWindow
        build_status = MainWindow._add_status_widgets

        def timed_status(window) -> None:
            started = time.perf_counter()
            build_status(window)
            self.phases["status_widgets_took"] = (time.perf_counter() - started) * 1000
        MainWindow._add_status_widgets = timed_status
        self.window, upkeep = self.original_open_window(ctx)
        self.phases["window_shown"] = since_start()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        return self.window, upkeep

    def poll(self) -> None:
        from PyQt6.QtWidgets import QApplication
        if not usable(self.window):
            return
        QApplication.processEvents()     # paints what is pending: the rows are on screen, not only in the model
        self.timer.stop()
        self.phases["usable"] = since_start()
        phases = " ".join(f"{name}={ms:.0f}" for name, ms in self.phases.items())
        print("ready", max_rss(), f"{cpu_ms():.0f}", phases, flush=True)
        self.timer.timeout.disconnect(self.poll)
        self.timer.timeout.connect(self.wait_for_total)
        self.timer.start()

    def wait_for_total(self) -> None:
        page = self.window.current_page()
        filters = getattr(page, "filters", None)
        if filters is not None and not filters.total.text().startswith("共"):
            return
        print("counted", max_rss(), flush=True)
        if PROFILER is not None:
            PROFILER.disable()
            PROFILER.dump_stats(PROFILE_TO)
        os._exit(0)


def usable(window) -> bool:
    """The first page shows rows and each status widget shows something."""
    from PyQt6.QtWidgets import QLabel
    page = window.current_page()
    model = getattr(page, "model", None)
    if model is None or model.rowCount() == 0 or not window.status_widgets_ready():
        return False
    for widget in window.status_widgets.values():
        labels = [widget] if isinstance(widget, QLabel) else widget.findChildren(QLabel)
        if not any(label.isVisibleTo(window) and label.text() for label in labels):
            return False
    return True


def run(profile_root: str, username: str) -> None:
    from db.drivers import defer_imports
    defer_imports()                      # as main.main() does first
    probe = Probe(username)
    probe.install()
    import main
    status = main.main(["gui", "--profile", profile_root, "--language", "zh_CN"])
    raise SystemExit(f"the window closed before it was usable (status {status})")


PROFILER, PROFILE_TO = None, ""

if __name__ == "__main__":
    arguments = sys.argv[1:]
    if len(arguments) == 4 and arguments[2] == "--profile-to":
        import cProfile
        PROFILER, PROFILE_TO = cProfile.Profile(), arguments[3]
        PROFILER.enable()
    run(*arguments[:2])
