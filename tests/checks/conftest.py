from __future__ import annotations

from datetime import date

import pytest

from db.checks import CheckContext

TODAY = date(2024, 6, 1)


@pytest.fixture
def ctx() -> CheckContext:
    """No word lists, a fixed today."""
    return CheckContext(today=TODAY)


@pytest.fixture(scope="session")
def default_ctx() -> CheckContext:
    """The shipped word lists, a fixed today."""
    return CheckContext.with_default_lists(today=TODAY)
