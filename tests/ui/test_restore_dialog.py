"""The restore dialog says what restoring costs: changes after the chosen backup's time are
lost, and the damaged file is kept aside, under a name and in a folder it shows."""
from __future__ import annotations

from db import backup, database as dbmod, items
from desktop import app as appmod
from desktop.restore import REASON_CORRUPT, REASON_MISSING, RestoreDialog
from tests.helpers import column, user
from tests.ui.shell_helpers import IGNORE_OFFSCREEN, when_shown

pytestmark = IGNORE_OFFSCREEN


def two_backups(profile) -> tuple[backup.BackupFile, backup.BackupFile]:
    older = backup.backup_now(profile)
    items.create_item(user("liuyang"), column("gzdt"), {"title": "较新的草稿"})
    return older, backup.backup_now(profile)


def damage(profile) -> None:
    dbmod.close()
    with open(profile.db_path, "r+b") as file:
        file.write(b"\x00garbage" * 4096)


def stamp(chosen: backup.BackupFile) -> str:
    return chosen.taken_at.strftime("%Y-%m-%d %H:%M:%S")


def test_a_damaged_file_dialog_says_what_is_lost_and_where_the_file_goes(qtbot, ctx):
    older, newest = two_backups(ctx.profile)
    damage(ctx.profile)
    dialog = RestoreDialog(ctx, REASON_CORRUPT, "file is not a database")
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.consequence.text()
    assert f"恢复后，资料库回到这份备份的时间（{stamp(newest)}）：此后所做的修改都会丢失。" in text
    assert "损坏的文件不会删除，将改名保留为：" in text
    assert f"{ctx.profile.db_path}.damaged-（恢复时的日期时间）" in text
    assert dialog.consequence.isVisible()
    dialog.table.selectRow(1)
    assert f"（{stamp(older)}）" in dialog.consequence.text(), "it follows the chosen backup"


def test_the_file_is_then_found_where_the_dialog_said(qtbot, ctx):
    _older, newest = two_backups(ctx.profile)
    damage(ctx.profile)
    said = {}

    def restore(dialog: RestoreDialog):
        said["text"] = dialog.consequence.text()
        dialog.restore_selected()
    when_shown(qtbot, RestoreDialog, restore)
    assert appmod.open_or_restore(ctx)
    kept = list(ctx.profile.db_path.parent.glob(ctx.profile.db_path.name + ".damaged-*"))
    assert kept and str(kept[0]).startswith(said["text"].splitlines()[-1].split("（")[0])
    assert stamp(newest) in said["text"]


def test_a_missing_file_has_nothing_to_keep_aside(qtbot, ctx):
    _older, newest = two_backups(ctx.profile)
    dialog = RestoreDialog(ctx, REASON_MISSING)
    qtbot.addWidget(dialog)
    assert dialog.consequence.text() == f"恢复后，资料库回到这份备份的时间（{stamp(newest)}）：此后所做的修改都会丢失。"
