"""The README's demo accounts stay in step with the demo directory."""
from __future__ import annotations

import re
from pathlib import Path

from db import reference
from db.auth import ROLE_NAMES

README = Path(__file__).resolve().parents[2] / "README.md"
ROLE_WORDS = {"drafter": "drafter", "section_head": "section head", "leader": "leader",
              "front_desk": "front desk", "admin": "administrator"}


def readme_accounts() -> dict[str, str]:
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \| ([^|]+) \|$", README.read_text(encoding="utf-8"), re.M)
    return {username: role for username, _who, role in rows}


def test_every_demo_user_is_listed_with_their_role():
    listed = readme_accounts()
    users = reference.load_json(reference.DIRECTORY_FILE)["users"]
    assert set(listed) == {u["username"] for u in users}
    for user in users:
        assert listed[user["username"]].startswith(ROLE_WORDS[user["role"]]), user["username"]
    assert set(ROLE_WORDS) == set(ROLE_NAMES)


def test_the_demo_password_is_the_one_in_the_readme():
    from db.demo import DEMO_PASSWORD
    assert f"password **`{DEMO_PASSWORD}`**" in README.read_text(encoding="utf-8")
