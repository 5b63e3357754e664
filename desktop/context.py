"""The application context: what windows and operations need, passed explicitly (no globals)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from PyQt6.QtCore import QObject, QSettings, pyqtSignal

from db.database import Profile
from db.models import User


def user_key(user: User, key: str) -> str:
    """`key` in the QSettings group of one user ("users/<name>/…"): what one user chose on a
    workstation (filters, search, last page) is not what the next one finds. Names are
    compared without case, as at login; other characters than [a-z0-9._-] are spelled out."""
    name = re.sub(r"[^a-z0-9._-]", lambda m: f"_{ord(m.group()):x}_", user.username.lower())
    return f"users/{name}/{key}"


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
