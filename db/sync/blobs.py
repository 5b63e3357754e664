"""Attachment files: sent before the ops that name them, fetched after pulls that need them.

Each file travels in its own short central transaction (blob_store keyed by SHA-256, so a
retry is harmless), with the same size cap as adding an attachment. A file missing on one
side holds back only its own item.
"""
from __future__ import annotations

import hashlib
import os
import tempfile

from db import settings
from db.attachments import blob_path, human_size
from db.central.connect import writing
from db.central.models import Blob
from db.database import Profile
from db.sync.changelog import central_now


def push_files(central, profile: Profile, attachments: list[dict]) -> str | None:
    """Upload the files a submission names that the central store lacks; a message when one can't go."""
    wanted = {a["sha256"]: a for a in attachments}
    if not wanted:
        return None
    present = {b.sha256 for b in Blob.select(Blob.sha256).where(Blob.sha256.in_(list(wanted)))}
    limit = int(settings.get("attachment_max_bytes"))
    for sha, attachment in wanted.items():
        if sha in present:
            continue
        path = blob_path(profile, sha)
        if not path.exists():
            return f"附件“{attachment['filename']}”的文件在本机缺失，该信息暂不同步"
        size = path.stat().st_size
        if size > limit:
            return f"附件“{attachment['filename']}”大小 {human_size(size)} 超过上限 {human_size(limit)}，该信息暂不同步"
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            return f"附件“{attachment['filename']}”的文件已损坏（校验值不符），该信息暂不同步"
        with writing(central):
            if not Blob.select().where(Blob.sha256 == sha).exists():
                Blob.insert(sha256=sha, size=size, data=data, added_at=central_now(central)).execute()
    return None


def fetch_missing(central, profile: Profile, shas: set[str]) -> set[str]:
    """Download the files not yet in the local blob store; returns those still missing."""
    missing = {sha for sha in shas if not blob_path(profile, sha).exists()}
    still = set()
    for sha in sorted(missing):
        row = Blob.get_or_none(Blob.sha256 == sha)
        if row is None or hashlib.sha256(bytes(row.data)).hexdigest() != sha:
            still.add(sha)
            continue
        _write_atomically(profile, sha, bytes(row.data))
    return still


def _write_atomically(profile: Profile, sha: str, data: bytes) -> None:
    target = blob_path(profile, sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, suffix=".incoming")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(temp, target)
