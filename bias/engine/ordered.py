"""A bounded window of submitted work whose results are handed back in submission order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
F = TypeVar("F")


def in_order(submit: Callable[[T], F], items: Iterable[T], *, window: int) -> Iterator[F]:
    """Submit each item, keeping at most ``window`` in flight; yield the handles oldest first.

    The caller waits on each handle as it gets it, so results leave in input order (deterministic
    output) and at most ``window`` items' work is held at once, however long the input.
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    pending: deque[F] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()
