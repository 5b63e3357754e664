"""A TCP relay between a sync client and its database server that can lose one COMMIT's
answer for real: the COMMIT reaches the server and commits, then the server's reply is
thrown away, the server-side session is killed from an administrator's connection and the
client's socket is closed, so the client is left waiting on a connection that died.
"""
from __future__ import annotations

import socket
import threading
from typing import Callable

CHUNK = 65536


class CommitCutter:
    def __init__(self, server: tuple[str, int], kill_session: Callable[[], None]):
        self.server, self.kill_session = server, kill_session
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.armed = threading.Event()       # the next COMMIT's answer is to be lost
        self.swallowing = threading.Event()  # that COMMIT has gone to the server
        self.cut = threading.Event()         # its answer was dropped and the session killed
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self) -> None:
        self.armed.set()

    def close(self) -> None:
        self.listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return          # closed
            upstream = socket.create_connection(self.server)
            threading.Thread(target=self._to_server, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._to_client, args=(upstream, client), daemon=True).start()

    def _to_server(self, client: socket.socket, upstream: socket.socket) -> None:
        while data := _receive(client):
            if self.armed.is_set() and b"COMMIT" in data:
                self.armed.clear()
                self.swallowing.set()     # before sending, so the reply can't slip through
            if not _send(upstream, data):
                break
        _close(upstream)

    def _to_client(self, upstream: socket.socket, client: socket.socket) -> None:
        while data := _receive(upstream):
            if self.swallowing.is_set():
                self.swallowing.clear()
                self.kill_session()
                self.cut.set()
                break
            if not _send(client, data):
                break
        _close(client)
        _close(upstream)


def _receive(sock: socket.socket) -> bytes:
    try:
        return sock.recv(CHUNK)
    except OSError:
        return b""


def _send(sock: socket.socket, data: bytes) -> bool:
    try:
        sock.sendall(data)
        return True
    except OSError:
        return False


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
