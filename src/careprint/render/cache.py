"""The one cache: what careprint makes from a practice's files, kept by their content.

A workspace owns one :class:`Cache` (a long-running app keeps its workspace, and with it the
cache, for days). Every key names the content a value was made from (a file's digest, a
text, a font's digest), never a path, a time or an object's id, so an edit to any file gives
new keys and the next document is exactly what a fresh process would make. The least recently
used values go when the cache is full. It is safe to use from several threads; a value may be
made twice when two threads ask for it at once, and then both are the same.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

SIZE = 20_000  # parts of handouts, parsed files, fonts, recorded drawings: a few KB each


class Cache:
    """A bounded map from content keys to what was made from that content."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for ``key``, or ``make()``'s, kept from now on."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[no-any-return]
        value = make()  # outside the lock: making a value may ask the cache for others
        with self._lock:
            value = self._values.setdefault(key, value)
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
