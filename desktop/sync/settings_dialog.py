"""The administrator's site-database connection dialog: URL, account, password, sync interval.

The URL and account go to QSettings; the password goes to the OS keyring only (or, without
a keyring, stays in memory for this session). "测试连接" runs the handshake on a worker.
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
)

from db.central.connect import BadCentralUrl, open_central, parse_url
from db.central.models import CENTRAL_MODELS
from db.errors import DomainError
from db.sync import handshake
from desktop.sync import credentials


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncSettings", text)


def probe(url, password: str) -> str:
    """Connect and run the handshake without writing anything; a plain sentence either way."""
    try:
        central = open_central(url, password)
    except Exception as exc:   # noqa: BLE001 — the driver's own failure types vary
        return tr("无法连接：") + type(exc).__name__
    try:
        with central.bind_ctx(CENTRAL_MODELS):
            result = handshake.check(central)
        return tr("连接成功，网站数据库结构版本 {v}").format(v=result.schema_version)
    except DomainError as problem:
        return str(problem)
    finally:
        central.close()


class SyncSettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncSettingsDialog")
        self.setWindowTitle(tr("网站数据库连接设置"))
        current = credentials.saved_url(ctx.settings)
        self.url = QLineEdit(current.with_user("").display().replace("://@", "://") if current else "")
        self.url.setPlaceholderText("mysql://10.0.0.5:3306/gongkai · postgresql://db.example/gongkai · sqlite:////srv/gongkai.sqlite")
        self.user = QLineEdit(current.user if current else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("留空则沿用已保存的密码"))
        self.interval = QSpinBox()
        self.interval.setRange(1, 240)
        self.interval.setSuffix(tr(" 分钟"))
        self.interval.setValue(max(1, round(credentials.interval_minutes(ctx.settings))))
        self.where = QLabel(tr("密码保存在系统密钥环中") if credentials.keyring_usable()
                            else tr("本机没有可用的系统密钥环：密码只在本次运行中保存在内存里"))
        self.where.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("probeResult")
        self.result.setWordWrap(True)
        test = QPushButton(tr("测试连接"))
        test.clicked.connect(self.test)
        form = QFormLayout()
        form.addRow(tr("数据库地址"), self.url)
        form.addRow(tr("数据库用户"), self.user)
        form.addRow(tr("密码"), self.password)
        form.addRow(tr("自动同步间隔"), self.interval)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addWidget(test)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def entered_url(self):
        url = parse_url(self.url.text())
        return url.with_user(self.user.text().strip()) if url.scheme != "sqlite" else url

    def test(self) -> None:
        try:
            url = self.entered_url()
        except BadCentralUrl as bad:
            self.result.setText(str(bad))
            return
        password = self.password.text() or credentials.password_for(url) or ""
        self.result.setText(tr("正在连接……"))
        if getattr(self.ctx, "reader", None) is None:
            self.result.setText(probe(url, password))
            return
        from desktop.operations import Query
        Query(self, self.ctx, lambda: probe(url, password), key="sync-probe").success(
            self.result.setText).run_in_background()

    def save(self) -> None:
        try:
            url = self.entered_url()
        except BadCentralUrl as bad:
            self.result.setText(str(bad))
            return
        credentials.save_url(self.ctx.settings, url)
        if self.password.text():
            credentials.store_password(url, self.password.text())
        self.ctx.settings.setValue(credentials.INTERVAL_KEY, self.interval.value())
        self.ctx.settings.sync()
        self.accept()

