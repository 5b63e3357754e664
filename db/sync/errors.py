"""Why a sync stopped, in words a user understands (Chinese) and an English twin."""
from __future__ import annotations

from db.errors import DomainError


class SyncStopped(DomainError):
    """The sync stopped before finishing; local work is kept and nothing was half-applied."""


class CentralUnreachable(SyncStopped):
    @classmethod
    def because(cls, detail: str = "", english_detail: str | None = None) -> "CentralUnreachable":
        """`detail` says why (a driver's own words serve both languages unless `english_detail`)."""
        english_detail = detail if english_detail is None else english_detail
        why = f"（{detail}）" if detail else ""
        return cls(f"无法连接网站数据库{why}，本地工作已保存，稍后自动重试",
                   f"Cannot reach the site database{' (' + english_detail + ')' if english_detail else ''}; "
                   "local work is saved and sync will retry")


class WrongDatabase(SyncStopped):
    pass


class EmptyDatabase(SyncStopped):
    pass


class SchemaMismatch(SyncStopped):
    pass


class PullRefused(SyncStopped):
    pass


class Cancelled(SyncStopped):
    def __init__(self):
        super().__init__("同步已取消，已完成的部分已保存", "Sync cancelled; what was done is kept")


class NotConfigured(SyncStopped):
    def __init__(self):
        super().__init__("尚未设置网站数据库连接（管理员可在“工具 → 网站数据库连接设置”中设置）",
                         "No site database connection is set up (an administrator sets it in Tools → "
                         "Site database connection)")
