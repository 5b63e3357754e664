"""Grab the workstation as a user sees it, for review (run under `xvfb-run -a`).

    python scripts/screenshot.py --user liuyang --page items --out /tmp/items.png
    python scripts/screenshot.py --user wangjianguo --page queue --language en --out /tmp/q.png
    python scripts/screenshot.py --user liuyang --editor first --out /tmp/editor.png
    python scripts/screenshot.py --user wangjianguo --page queue --tab 1 --out /tmp/diff.png

Logs in directly (no dialog), shows the main window on the chosen page, waits for the
page's background queries and grabs the window (and the editor, when asked) to PNG.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="demo")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default="gongkai123")
    parser.add_argument("--page", default="", help="page key (items, queue, frontdesk, admin, …)")
    parser.add_argument("--editor", default="", help="item id to open in the editor, or 'first'")
    parser.add_argument("--tab", type=int, default=-1, help="queue page: review panel tab (0 preview, 1 对照, …)")
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--wait", type=int, default=1500, help="milliseconds before grabbing")
    parser.add_argument("--out", required=True)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication

    from db import auth
    from db.database import open_profile, profile_named
    from desktop import i18n
    from desktop.app import build_context, make_application, open_window, shutdown

    app = make_application(sys.argv[:1])
    app._translators = i18n.install(app, args.language)
    profile = profile_named(args.profile)
    open_profile(profile)
    ctx = build_context(profile, args.language)
    ctx.user = auth.login(args.user, args.password)
    window, _upkeep = open_window(ctx)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    if args.page:
        page = window.show_page(args.page)
        if args.tab >= 0:
            QTimer.singleShot(args.wait // 2, lambda: page.panel.tabs.setCurrentIndex(args.tab))
    editor = []
    if args.editor:
        QTimer.singleShot(args.wait // 2, lambda: editor.append(_open_editor(ctx, window, args.editor)))

    def grab():
        window.grab().save(args.out)
        if editor and editor[0] is not None:
            editor[0].grab().save(str(Path(args.out).with_suffix("")) + "-editor.png")
        app.quit()
    QTimer.singleShot(args.wait, grab)
    app.exec()
    shutdown(ctx)
    QApplication.processEvents()
    return 0


def _open_editor(ctx, window, item_id: str):
    from db.models import Item
    from desktop.editor import open_editor
    if item_id == "first":
        item = Item.select().where(Item.created_by == ctx.user).order_by(Item.updated_at.desc()).first()
        item_id = item.id if item else None
    return open_editor(ctx, window, item_id=item_id) if item_id else None


if __name__ == "__main__":
    sys.exit(main())
