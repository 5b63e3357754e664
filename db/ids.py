"""Identifiers for rows that travel between workstations: random, so offline clients never collide."""
from __future__ import annotations

import uuid


def new_id() -> str:
    return uuid.uuid4().hex
