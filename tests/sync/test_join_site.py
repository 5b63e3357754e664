"""A workstation set up on its own (first-run reference data, ids of its own) joins a site."""
from __future__ import annotations

from db import database as dbmod, reference
from db.models import Item, ReviewTask, Section, User
from tests.sync.conftest import Client
from tests.sync.helpers import approve, central_rows, draft_and_submit


def own_workstation(root) -> Client:
    """A profile whose directory was installed here, not copied from the site's."""
    client = Client.__new__(Client)
    client.profile = dbmod.Profile(root)
    dbmod.open_profile(client.profile, create=True)
    reference.install_topics()
    reference.install_structure()
    reference.install_users("", hash_for=lambda _username: "not-a-real-hash")
    dbmod.close()
    return client


def test_a_workstation_with_its_own_directory_takes_the_sites_ids_and_reviews(sqlite_central, make_client, tmp_path):
    drafter = make_client("drafter").use()
    version = draft_and_submit("新工作站要审批的公告")
    drafter.sync(sqlite_central.db)
    central_ids = dict(central_rows(sqlite_central.db, "SELECT username, id FROM dir_user"))

    leader = own_workstation(tmp_path / "own")
    leader.use()
    assert User.get(User.username == "zhangweidong").id != central_ids["zhangweidong"]
    leader.sync(sqlite_central.db)
    assert User.get(User.username == "zhangweidong").id == central_ids["zhangweidong"]
    trading = Section.get(Section.code == "trading")
    assert trading.id == central_rows(sqlite_central.db, "SELECT id FROM dir_section WHERE code = 'trading'")[0][0]
    assert Item.get_by_id(version.item_id).title == "新工作站要审批的公告"
    assert ReviewTask.get(ReviewTask.item == version.item_id).state == "open"

    approve(version.item_id)
    report = leader.sync(sqlite_central.db)
    assert report.published == [version.item_id]
