"""The findings of a version as its reviewer sees them: read-only, with the overrides.

For the queue's preview (or any page that shows a version or an item):

    view = FindingsView(ctx, parent)
    view.show_version(version_id)        # checked on the read worker; the answer shows when ready
    view.show_item(item_id)              # an item's working copy instead
    view.loaded.connect(lambda unresolved: ...)   # unresolved blocking findings, once shown
    view.clear()

Each finding shows its severity, where it is (field, or attachment and page/cell), the
message and suggestion, and an override with who gave it and why.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PyQt6 import sip
from PyQt6.QtCore import QCoreApplication, pyqtSignal
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

from db.models import Item, Version
from desktop.checks.findings_list import FindingsList, count_line
from desktop.operations import Query

if TYPE_CHECKING:
    from db.checks.service import CheckedFinding


def tr(text: str) -> str:
    return QCoreApplication.translate("Checks", text)


# The checks load where they run (the read worker), not with the view: a window that shows
# a FindingsView (the review queue's) starts without importing the check engine.
def checked_version(version_id: str, blob_dir: Path) -> list[CheckedFinding]:
    from db.checks import service
    return service.checked(Version.get_by_id(version_id), blob_dir)


def checked_item(item_id: str, blob_dir: Path) -> list[CheckedFinding]:
    from db.checks import service
    return service.checked(Item.get_by_id(item_id), blob_dir)


class FindingsView(QWidget):
    loaded = pyqtSignal(int)          # how many blocking findings have no override

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CheckedFinding] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = FindingsList(english=ctx.english())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.clear()

    @property
    def unresolved(self) -> int:
        return sum(1 for row in self.rows if row.unresolved)

    def show_version(self, version_id: str) -> None:
        self._ask(lambda blob_dir=self.ctx.profile.blob_dir: checked_version(version_id, blob_dir))

    def show_item(self, item_id: str) -> None:
        self._ask(lambda blob_dir=self.ctx.profile.blob_dir: checked_item(item_id, blob_dir))

    def clear(self) -> None:
        self.rows = []
        self.list.show_findings([])
        self.summary.setText("")

    def _ask(self, work) -> None:
        self.summary.setText(tr("正在检查…"))
        self.summary.setStyleSheet("")
        if self.ctx.reader is None:
            self.show_checked(work())
            return
        (Query(self, self.ctx, work, key=f"findings-view-{id(self)}")
         .success(self.show_checked).failure(self._failed).run_in_background())

    def show_checked(self, rows: list[CheckedFinding]) -> None:
        """Show findings already checked (plain data, e.g. from service.checked)."""
        if sip.isdeleted(self):
            return
        self.rows = list(rows)
        self.list.show_findings(self.rows)
        unresolved = self.unresolved
        passed = sum(1 for row in self.rows if row.override)
        warnings = sum(1 for row in self.rows if not row.finding.blocking)
        if not self.rows:
            self.summary.setText(tr("发布前检查未发现问题"))
        else:
            self.summary.setText(tr("发布前检查：{counts}").format(counts=count_line(unresolved, passed, warnings)))
        self.summary.setStyleSheet("color: #b3261e; font-weight: bold" if unresolved else "")
        self.loaded.emit(unresolved)

    def _failed(self, error: BaseException) -> None:
        if not sip.isdeleted(self):
            self.summary.setText(tr("检查未能完成：{error}").format(error=error))
