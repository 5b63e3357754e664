"""The application context: what windows and operations need, passed explicitly (no globals)."""
from __future__ import annotations

from dataclasses import dataclass, field

from PyQt6.QtCore import QObject, QSettings, pyqtSignal

from db.database import Profile
from db.models import User


@dataclass(frozen=True)
class Changes:
    """What an operation changed; each view decides whether it must refresh."""
    items: bool = False
    queue: bool = False
    directory: bool = False
    sync: bool = False


class ChangeHub(QObject):
    changed = pyqtSignal(object)   # Changes


@dataclass
class AppContext:
    profile: Profile
    settings: QSettings
    language: str = "zh_CN"
    user: User | None = None
    hub: ChangeHub = field(default_factory=ChangeHub)
    runner: object = None   # desktop.operations.OpRunner (the write worker), set by the app
    reader: object = None   # desktop.operations.ReadRunner (the read worker), set by the app

    def notify(self, changes: Changes) -> None:
        self.hub.changed.emit(changes)

    def english(self) -> bool:
        return self.language.startswith("en")
