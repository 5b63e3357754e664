"""The canonical content of an item: what a version freezes and what its hash covers.

See docs/development.md for the shape. Canonical JSON (sorted keys, no ASCII escaping,
compact separators) makes equal content hash equally on every workstation and server.
"""
from __future__ import annotations

import hashlib
import json

from db import guides

META_FIELDS = ("index_no", "publisher", "doc_no", "topic", "written_on", "validity",
               "disclosure", "secrecy", "summary")


def canonical_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(content: dict) -> str:
    return text_hash(canonical_json(content))


def text_hash(canonical: str) -> str:
    """The hash of content already serialised by canonical_json."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def item_content(item, attachments) -> dict:
    """Content of an item's working copy; `attachments` are its current Attachment rows."""
    guide = json.loads(item.guide_json) if item.guide_json else None
    return {
        "kind": item.column.kind,
        "column": item.column.code,
        "section": item.section.code,
        "title": item.title.strip(),
        "body_html": item.body_html,
        "meta": {name: (getattr(item, name) or "") for name in META_FIELDS},
        "guide": guides.normalise(guide) if guide is not None else None,
        "attachments": sorted(
            ({"sha256": a.sha256, "filename": a.filename, "size": a.size} for a in attachments),
            key=lambda a: (a["filename"], a["sha256"])),
        "related": item.related_id or "",
    }


def loads(text: str) -> dict:
    return json.loads(text)
