"""Checks before publication (DESIGN §9): personal data, 密级 markings, word lists,
catalogue metadata, guide elements and policy bundles. Pure Python, no Qt."""
from __future__ import annotations

from db.checks.engine import CheckContext, check_chunks, check_content, check_text, mask
from db.checks.findings import BLOCKING, WARNING, Finding, has_blocking

__all__ = ["BLOCKING", "WARNING", "CheckContext", "Finding", "check_chunks", "check_content",
           "check_text", "has_blocking", "mask"]
