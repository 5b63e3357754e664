"""Recovery: a drafter's editor is killed mid-typing; the draft is there when they come back."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from db import database as dbmod
from db.models import Item
from desktop.editor.autosave import MAX_WAIT_MS
from tests.ui.editor_typing_script import STREAM, TITLE

SCRIPT = Path(__file__).with_name("editor_typing_script.py")
ROOT = Path(__file__).resolve().parents[2]


class Typist:
    """The typing process, and when it reported having typed how much."""

    def __init__(self, profile_root: Path):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen([sys.executable, str(SCRIPT), str(profile_root), "gzdt"],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        self.reports: list[tuple[float, int]] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            if line.startswith("typed "):
                self.reports.append((time.monotonic(), int(line.split()[1])))

    def typed_by(self, moment: float) -> int:
        return max((n for at, n in self.reports if at <= moment), default=0)

    def typed_in_all(self) -> int:
        return max((n for _, n in self.reports), default=0)

    def kill(self) -> float:
        self.process.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)          # every report it printed has been read
        return killed_at


def saved_body(db_path: Path) -> str | None:
    """What the typist's autosaves have put in the database so far (read from outside)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
    try:
        row = conn.execute("SELECT body_text FROM item WHERE title = ?", (TITLE,)).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


@pytest.mark.slow
def test_killing_the_editor_mid_typing_loses_only_the_last_seconds(profile):
    root = profile.root
    dbmod.close()
    typist = Typist(root)
    try:
        deadline = time.monotonic() + 30
        while len(saved_body(profile.db_path) or "") < 30:
            assert typist.process.poll() is None, "the typing process died on its own"
            assert time.monotonic() < deadline, "no autosave of the body within 30 s"
            time.sleep(0.1)
        time.sleep(1.5)                      # typing goes on past the autosave
        killed_at = typist.kill()
    finally:
        if typist.process.poll() is None:
            typist.process.kill()

    dbmod.open_profile(dbmod.Profile(root))
    assert dbmod.integrity_problems() == []
    item = Item.get(Item.title == TITLE)
    body = item.body_text
    typed = typist.typed_in_all()
    assert STREAM.startswith(body) and len(body) <= typed
    safe_by = killed_at - (MAX_WAIT_MS / 1000 + 1.5)  # autosave's cap, plus a margin for the write
    assert len(body) >= typist.typed_by(safe_by), (
        f"lost more than the last few seconds: saved {len(body)} of {typed} characters")
    assert item.state == "draft" and item.created_by.username == "liuyang"
