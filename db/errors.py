"""Domain errors. Each carries the Chinese message users see and an English twin."""
from __future__ import annotations


class DomainError(Exception):
    """A rule said no. `str(err)` is the Chinese message; `err.english` the English one."""

    def __init__(self, message: str, english: str = ""):
        super().__init__(message)
        self.english = english or message

    def localised(self, language: str) -> str:
        return self.english if language.startswith("en") else str(self)


class PermissionDenied(DomainError):
    pass


class NotFound(DomainError):
    pass


class InvalidState(DomainError):
    pass


class LoginFailed(DomainError):
    pass


class AttachmentTooLarge(DomainError):
    pass


class ValidationFailed(DomainError):
    """One or more fields are invalid; `problems` maps field name → (zh, en) message."""

    def __init__(self, problems: dict[str, tuple[str, str]]):
        zh = "；".join(msg for msg, _ in problems.values())
        en = "; ".join(msg for _, msg in problems.values())
        super().__init__(zh, en)
        self.problems = problems
