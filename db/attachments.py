"""Attachments: files stored once by SHA-256 in the profile's blob folder, with a size cap."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from db import audit, clock, settings
from db.database import Profile, database
from db.errors import AttachmentTooLarge, DomainError, NotFound
from db.items import begin_change, keep_revision, mark_changed, require_drafter_of
from db.models import Attachment, Item, User

CHUNK = 1024 * 1024


def max_bytes() -> int:
    return int(settings.get("attachment_max_bytes"))


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def _size_at(size: int, places: int) -> str:
    """The size in MB, KB or bytes with at most `places` decimals (no trailing zeros)."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if size >= unit:
            number = f"{size / unit:.{places}f}".rstrip("0").rstrip(".")
            return f"{number} {name}"
    return f"{size} B"


def size_pair(size: int, limit: int) -> tuple[str, str]:
    """A size beside the limit, with just enough precision that they read differently:
    21,000,000 bytes over 20 MiB is "20.03 MB" against "20 MB"; one byte over is counted
    in bytes."""
    for places in (1, 2):
        shown = _size_at(size, places), _size_at(limit, places)
        if shown[0] != shown[1]:
            return shown
    return f"{size:,} B", f"{limit:,} B"


def blob_path(profile: Profile, sha256: str) -> Path:
    return profile.blob_dir / sha256[:2] / sha256


def check_size(filename: str, size: int) -> None:
    limit = max_bytes()
    if size > limit:
        shown, most = size_pair(size, limit)
        raise AttachmentTooLarge(f"附件“{filename}”大小为 {shown}，超过上限 {most}，未添加",
                                 f"The attachment {filename} is {shown}, over the {most} limit; not added")


def store_blob(profile: Profile, source: Path) -> tuple[str, int]:
    """Copy a file into the blob store (atomically, hashing as it copies); returns (sha256, size)."""
    check_size(source.name, source.stat().st_size)
    profile.blob_dir.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    fd, temp_name = tempfile.mkstemp(dir=profile.blob_dir, suffix=".incoming")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                size += len(chunk)
                check_size(source.name, size)   # the file may grow while we read it
                digest.update(chunk)
                out.write(chunk)
        target = blob_path(profile, digest.hexdigest())
        target.parent.mkdir(exist_ok=True)
        if target.exists():
            os.unlink(temp_name)
        else:
            os.replace(temp_name, target)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise
    return digest.hexdigest(), size


def add_attachment(profile: Profile, user: User, item: Item, source: Path) -> Attachment:
    require_drafter_of(user, item.column, item.section_id)
    if not source.is_file():
        raise NotFound(f"找不到文件：{source}", f"File not found: {source}")
    sha256, size = store_blob(profile, source)
    with database.atomic():
        item = begin_change(user, item)
        attachment = Attachment.create(item=item, sha256=sha256, filename=source.name, size=size, added_by=user)
        _touch(item, user)
        audit.record(user, "attachment_added", "item", item.id, {"file": source.name, "sha256": sha256})
    return attachment


def remove_attachment(user: User, attachment: Attachment) -> None:
    """Hide an attachment from the working copy; versions that froze it keep their file."""
    item = attachment.item
    require_drafter_of(user, item.column, item.section_id)
    with database.atomic():
        item = begin_change(user, item)
        attachment.removed_at = clock.now()
        attachment.save(only=[Attachment.removed_at])
        _touch(item, user)
        audit.record(user, "attachment_removed", "item", item.id, {"file": attachment.filename})


def _touch(item: Item, user: User) -> None:
    mark_changed(user, item)
    keep_revision(user, item, autosave=False)


def readable_copy(profile: Profile, attachment: Attachment, folder: Path) -> Path:
    """A copy under its original name for opening in another program (the blob stays untouched)."""
    source = blob_path(profile, attachment.sha256)
    if not source.exists():
        raise DomainError(f"附件“{attachment.filename}”的文件缺失，请同步或重新添加",
                          f"The file of {attachment.filename} is missing; sync or add it again")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / attachment.filename
    shutil.copyfile(source, target)
    return target
