"""Saving an approval slip (审批单) as PDF: the file name is asked on the main thread, the
PDF is made on the read worker (reportlab and the font load take a moment the first time)."""
from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PyQt6.QtGui import QDesktopServices
from PyQt6.QtWidgets import QFileDialog, QWidget

from desktop.operations import Query


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewPanel", text)


def make_slip(item_id: str, version_no: int):
    from db.workflow import slip
    from forms.slips import render_slip
    return render_slip(slip.slip_data(item_id, version_no))


class SlipSaver:
    def __init__(self, ctx, page: QWidget):
        self.ctx, self.page = ctx, page

    def ask_and_save(self, item_id: str, version_no: int) -> None:
        from db.workflow import slip
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = slip.slip_file_name(slip.slip_data(item_id, version_no))
        path, _ = QFileDialog.getSaveFileName(self.page, tr("保存审批单"), str(Path(folder) / name), tr("PDF 文件 (*.pdf)"))
        if path:
            self.save(item_id, version_no, Path(path), open_after=True)

    def save(self, item_id: str, version_no: int, path: Path, open_after: bool = False) -> None:
        def written(result) -> None:
            path.write_bytes(result.pdf)
            warning = "；".join(result.warnings) if result.warnings else ""
            self.page.panel.say(tr("审批单已保存：{path}").format(path=path) + (f"（{warning}）" if warning else ""))
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        Query(self.page, self.ctx, lambda: make_slip(item_id, version_no), key="slip").success(written).run_in_background()
