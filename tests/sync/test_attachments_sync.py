"""Attachment files travel beside the ops: uploaded before the submission, fetched after the
pull, listed in the publication; a file over the cap holds back its own item only."""
from __future__ import annotations

import hashlib

from db import attachments, settings
from db.models import Item, OutboxOp
from tests.sync.helpers import approve, central_rows, draft, draft_and_submit, submit, user

TEXT = "开标时间：2024年3月20日上午九时。".encode("utf-8")


def with_file(client, title: str, tmp_path, data: bytes = TEXT) -> Item:
    item = draft(title)
    source = tmp_path / f"{title}.txt"
    source.write_bytes(data)
    attachments.add_attachment(client.profile, user("maxiaoyan"), item, source)
    return Item.get_by_id(item.id)


def test_an_attachment_reaches_the_leader_and_the_website_list(central, make_client, tmp_path):
    drafter = make_client("drafter").use()
    item = with_file(drafter, "附招标文件的公告", tmp_path)
    submit(item)
    drafter.sync(central.db)
    sha = hashlib.sha256(TEXT).hexdigest()
    assert central_rows(central.db, "SELECT size FROM blob_store WHERE sha256 = ?", (sha,)) == [(len(TEXT),)]

    leader = make_client("leader")
    leader.sync(central.db)
    assert attachments.blob_path(leader.profile, sha).read_bytes() == TEXT, "fetched for the reviewer"
    approve(item.id)
    leader.sync(central.db)
    assert central_rows(central.db, "SELECT item_id, sha256, filename, size FROM pub_attachment") == [
        (item.id, sha, "附招标文件的公告.txt", len(TEXT))]


def test_a_file_over_the_cap_holds_back_only_its_own_item(sqlite_central, make_client, tmp_path):
    drafter = make_client("drafter").use()
    big = with_file(drafter, "附件过大的公告", tmp_path, TEXT * 40)
    submit(big)
    fine = draft_and_submit("没有附件的公告")
    settings.put("attachment_max_bytes", 100)
    report = drafter.sync(sqlite_central.db)
    assert report.held_back == 1 and report.pushed == 1
    [waiting] = OutboxOp.select().where(OutboxOp.state == "pending")
    assert "超过上限" in waiting.last_error
    assert central_rows(sqlite_central.db, "SELECT id FROM wf_item") == [(fine.item_id,)]
