"""The password round-trips through the real Secret Service (gnome-keyring over D-Bus).

Run locally with: dbus-run-session -- bash -c 'printf pw | gnome-keyring-daemon --unlock
--components=secrets; .venv/bin/python -m pytest tests/sync -m keyring'. .ci/run does this.
"""
from __future__ import annotations

import os
import uuid

import pytest

from db.central.connect import parse_url
from desktop.sync import credentials


@pytest.fixture
def secret_service():
    import keyring
    from keyring.backends import SecretService
    backend = SecretService.Keyring()
    try:
        usable = backend.priority > 0
    except Exception as exc:   # noqa: BLE001 — the backend says why it can't run
        usable, why = False, f"{type(exc).__name__}: {exc}"
    else:
        why = "no Secret Service"
    if not usable:
        reason = f"no Secret Service reachable on the session bus ({why})"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — CI runs the suite inside dbus-run-session with gnome-keyring")
        pytest.skip(reason)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    credentials.forget_session()
    yield backend
    keyring.set_keyring(previous)
    credentials.forget_session()


@pytest.mark.keyring
def test_password_is_kept_in_the_secret_service(secret_service):
    url = parse_url(f"mysql://clerk_{uuid.uuid4().hex[:6]}@127.0.0.1:3306/gongkai")
    assert credentials.keyring_usable()
    assert credentials.store_password(url, "Secret-Svc-Pw-1") is True
    credentials.forget_session()      # a new session must find it in the keyring
    assert credentials.password_for(url) == "Secret-Svc-Pw-1"
    assert secret_service.get_password(credentials.SERVICE, url.keyring_username()) == "Secret-Svc-Pw-1"
    credentials.forget_password(url)
    assert secret_service.get_password(credentials.SERVICE, url.keyring_username()) is None
