"""The demo profile `make run` creates: built through the services, every account usable."""
from __future__ import annotations

import pytest

from db import auth, demo, reference
from db import database as dbmod
from db.errors import DomainError
from db.models import Item, User


@pytest.fixture
def built(tmp_path):
    profile = dbmod.Profile(tmp_path / "demo")
    counts = demo.build(profile, item_count=12)
    yield profile, counts
    dbmod.close()


def test_the_demo_has_items_a_queue_and_usable_accounts(built):
    profile, counts = built
    assert counts["items"] == Item.select().count() > 12          # the sample items plus the guides
    assert counts["submitted"] > 0
    users = list(User.select())
    assert {u.username for u in users} == {u["username"] for u in reference.load_json(reference.DIRECTORY_FILE)["users"]}
    assert all(u.password_hash.startswith("scrypt$") for u in users), "no placeholder left behind"
    assert len({u.password_hash.split("$")[4] for u in users}) == len(users), "each user has their own salt"
    assert auth.login("liuyang", demo.DEMO_PASSWORD).display_name == "刘洋"
    assert dbmod.integrity_problems() == []
    with pytest.raises(DomainError):              # an existing demo is kept unless reset
        demo.build(profile, item_count=12)

