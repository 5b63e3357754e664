"""Attachments are stored by SHA-256 with a size cap."""
from __future__ import annotations

import hashlib

import pytest

from db import attachments, items, settings
from db.errors import AttachmentTooLarge
from db.models import Attachment
from tests.helpers import column, user


@pytest.fixture
def draft(profile):
    return items.create_item(user("liuyang"), column("gzdt"), {"title": "带附件的信息"})


def test_file_is_stored_by_hash(profile, draft, tmp_path):
    source = tmp_path / "通知.txt"
    source.write_text("附件内容", encoding="utf-8")
    attachment = attachments.add_attachment(profile, user("liuyang"), draft, source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert attachment.sha256 == digest
    assert attachments.blob_path(profile, digest).read_bytes() == source.read_bytes()
    copy = attachments.readable_copy(profile, attachment, tmp_path / "open")
    assert copy.name == "通知.txt" and copy.read_bytes() == source.read_bytes()


def test_oversized_file_is_refused_with_a_clear_message(profile, draft, tmp_path):
    settings.put("attachment_max_bytes", 1024)
    big = tmp_path / "大文件.pdf"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(AttachmentTooLarge, match="超过上限 1 KB"):
        attachments.add_attachment(profile, user("liuyang"), draft, big)
    assert not Attachment.select().exists()
    assert not list(profile.blob_dir.rglob("*.incoming")), "no half-copied file is left behind"


def test_a_file_just_over_the_limit_shows_sizes_that_differ(profile, draft, tmp_path):
    """21,000,000 bytes against the default 20 MB once read "20.0 MB, over the 20.0 MB limit"."""
    big = tmp_path / "扫描件.pdf"
    with big.open("wb") as sparse:
        sparse.truncate(21_000_000)
    with pytest.raises(AttachmentTooLarge) as refused:
        attachments.add_attachment(profile, user("liuyang"), draft, big)
    assert str(refused.value) == "附件“扫描件.pdf”大小为 20.03 MB，超过上限 20 MB，未添加"
    assert refused.value.english == "The attachment 扫描件.pdf is 20.03 MB, over the 20 MB limit; not added"


@pytest.mark.parametrize("size, limit, shown", [
    (21_000_000, 20 * 1024 * 1024, ("20.03 MB", "20 MB")),
    (20 * 1024 * 1024 + 1, 20 * 1024 * 1024, ("20,971,521 B", "20,971,520 B")),
    (30 * 1024 * 1024, 20 * 1024 * 1024, ("30 MB", "20 MB")),
    (5 * 1024, 1000, ("5 KB", "1000 B")),
    (1536 * 1024, 1024 * 1024, ("1.5 MB", "1 MB")),
])
def test_size_pair_reads_differently(size, limit, shown):
    assert attachments.size_pair(size, limit) == shown


def test_removed_attachment_leaves_the_working_copy(profile, draft, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("a", encoding="utf-8")
    attachment = attachments.add_attachment(profile, user("liuyang"), draft, source)
    attachments.remove_attachment(user("liuyang"), attachment)
    assert not Attachment.current_of(draft).exists()
