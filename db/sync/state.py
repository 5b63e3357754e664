"""The sync bookkeeping kept in the profile's sync_state table (one key per fact)."""
from __future__ import annotations

from db.models import SyncState

INSTANCE_ID = "central_instance_id"
CURSOR = "pull_cursor"
LAST_SUCCESS = "last_success_at"
LAST_ERROR = "last_error"
LAST_ERROR_EN = "last_error_en"
CENTRAL_URL = "central_url"


def get(key: str, default: str = "") -> str:
    row = SyncState.get_or_none(SyncState.key == key)
    return row.value if row is not None else default


def put(key: str, value) -> None:
    SyncState.insert(key=key, value=str(value)).on_conflict_replace().execute()


def cursor() -> int:
    return int(get(CURSOR, "0") or 0)
