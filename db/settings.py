"""Profile-wide settings stored in the database (JSON values with defaults).

Per-workstation preferences (window geometry, language, last filters) live in QSettings
on the desktop side instead.
"""
from __future__ import annotations

import json

from db.models import Setting

DEFAULTS = {
    "org_code": "XYSXZFWZX",
    "org_name": "信阳市行政服务中心",
    "index_no_template": "{org_code}/{yyyy}-{serial:05d}",
    "attachment_max_bytes": 20 * 1024 * 1024,
    "deadline_working_days": 20,
    "guide_url_pattern": "https://www.xyxzfw.gov.cn/bsznk/{item_id}.html",
}


def get(key: str):
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put(key: str, value) -> None:
    Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict_replace().execute()
