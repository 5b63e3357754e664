"""A drafter who types until the process is killed (run by test_editor_recovery.py).

    python tests/ui/editor_typing_script.py <profile folder> <column code>

Opens the profile, logs in as the demo drafter 刘洋, opens a new item in the editor, enters
a title and then types digits into the body on a timer, a few every 100 ms, printing
"typed <n>" after each batch (n: characters typed into the body so far).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TITLE = "崩溃恢复测试：窗口办公时间调整"
STREAM = "".join(str(n % 10) for n in range(100_000))
BATCH, EVERY_MS = 3, 100


def main(profile_root: str, column_code: str) -> None:
    from PyQt6.QtCore import QSettings, QTimer
    from PyQt6.QtTest import QTest
    from PyQt6.QtWidgets import QApplication

    from db import auth
    from db.database import Profile, open_profile
    from db.models import Column
    from desktop.context import AppContext
    from desktop.editor import open_editor
    from desktop.operations import OpRunner
    from tests.conftest import DEMO_PASSWORD
    from tests.ui.editor_helpers import type_chinese

    app = QApplication(sys.argv[:1])
    profile = open_profile(Profile(Path(profile_root)))
    ctx = AppContext(profile=profile, settings=QSettings(str(Path(profile_root) / "typing.ini"),
                                                         QSettings.Format.IniFormat))
    ctx.runner = OpRunner()
    ctx.user = auth.login("liuyang", DEMO_PASSWORD)
    editor = open_editor(ctx, None, column_id=Column.get(Column.code == column_code).id)
    type_chinese(editor.ui.title_edit, TITLE)
    body = editor.ui.body_editor.edit
    body.setFocus()
    typed = 0

    def type_some() -> None:
        nonlocal typed
        QTest.keyClicks(body, STREAM[typed:typed + BATCH])
        typed += BATCH
        print(f"typed {typed}", flush=True)
    timer = QTimer()
    timer.timeout.connect(type_some)
    timer.start(EVERY_MS)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
