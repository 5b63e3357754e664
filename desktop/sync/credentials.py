"""Where the site-database connection lives: URL and user in QSettings, the password in the OS keyring.

The password is never written to a file, the log, QSettings or the profile. Without a usable
keyring backend (keyring.errors.NoKeyringError, or the fail/null backends) the password is
asked for once per session and kept in memory only.
"""
from __future__ import annotations

from PyQt6.QtCore import QSettings

from db.central.connect import CentralUrl, parse_url

SERVICE = "gongkai-desk"
URL_KEY = "sync/url"              # without the password, e.g. mysql://gongkai_liu@10.0.0.5/gongkai
INTERVAL_KEY = "sync/interval_minutes"
DEFAULT_INTERVAL = 5
SHORTEST_INTERVAL = 0.05          # minutes (3 s): the settings file may hold a decimal, the dialog whole minutes
LONGEST_INTERVAL = 24 * 60

_session_passwords: dict[str, str] = {}     # keyring username → password, this process only


def keyring_usable() -> bool:
    import keyring      # here, not at import: the keyring package takes ~50 ms to load
    backend = keyring.get_keyring()
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    try:
        return backend.priority > 0
    except Exception:   # noqa: BLE001 — a backend that can't tell is not usable
        return False


def saved_url(settings: QSettings) -> CentralUrl | None:
    text = settings.value(URL_KEY, "", type=str)
    return parse_url(text) if text else None


def save_url(settings: QSettings, url: CentralUrl) -> None:
    settings.setValue(URL_KEY, url.with_password("").display())
    settings.sync()


def interval_minutes(settings: QSettings) -> float:
    """Minutes between automatic syncs; a value that is no number (a hand-edited file) means the default."""
    try:
        minutes = float(settings.value(INTERVAL_KEY, DEFAULT_INTERVAL) or DEFAULT_INTERVAL)
    except (TypeError, ValueError):
        minutes = DEFAULT_INTERVAL
    if minutes != minutes:        # NaN
        return DEFAULT_INTERVAL
    return min(max(SHORTEST_INTERVAL, minutes), LONGEST_INTERVAL)


def store_password(url: CentralUrl, password: str) -> bool:
    """Keep the password: in the keyring when there is one (True), else for this session (False)."""
    _session_passwords[url.keyring_username()] = password
    if not keyring_usable():
        return False
    import keyring.errors
    try:
        keyring.set_password(SERVICE, url.keyring_username(), password)
        return True
    except keyring.errors.KeyringError:
        return False


def password_for(url: CentralUrl) -> str | None:
    """The stored password, or None when it must be asked for (no keyring, nothing stored)."""
    if url.scheme == "sqlite":
        return ""
    key = url.keyring_username()
    if key in _session_passwords:
        return _session_passwords[key]
    if keyring_usable():
        import keyring.errors
        try:
            found = keyring.get_password(SERVICE, key)
        except keyring.errors.KeyringError:
            found = None
        if found is not None:
            _session_passwords[key] = found
            return found
    return None


def forget_password(url: CentralUrl) -> None:
    _session_passwords.pop(url.keyring_username(), None)
    if keyring_usable():
        import keyring.errors
        try:
            keyring.delete_password(SERVICE, url.keyring_username())
        except keyring.errors.KeyringError:
            pass


def forget_session() -> None:
    _session_passwords.clear()
