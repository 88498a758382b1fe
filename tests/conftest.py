"""Shared test fixtures."""

from __future__ import annotations

import socket

import pytest


class NetworkBlockedError(RuntimeError):
    """Raised when code under test tries to open a network connection."""


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkBlockedError(f"network access attempted: {args!r}")


class _BlockedSocket(socket.socket):
    """A socket class that cannot be instantiated (a class, so modules may still subclass it)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        _refuse(*args, **kwargs)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every attempt to open a socket, connect or resolve a name raise NetworkBlockedError."""
    monkeypatch.setattr(socket, "socket", _BlockedSocket)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(socket, "socketpair", _refuse)
