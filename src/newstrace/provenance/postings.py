"""A capped inverted index, shared by story grouping, derivation and statements.

Each key keeps only its most recent ids: a very common key would otherwise
make every lookup scan most of the window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class Postings(Generic[K]):
    """Key -> ids holding it, oldest first, at most ``cap`` per key."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.lists: dict[K, list[str]] = {}

    def add(self, key: K, item: str) -> None:
        """Append ``item`` under ``key``, dropping the oldest id past the cap."""
        plist = self.lists.setdefault(key, [])
        plist.append(item)
        if len(plist) > self.cap:
            del plist[0]

    def remove(self, key: K, item: str) -> None:
        """Forget ``item`` under ``key`` (and the key once empty), so memory follows the window."""
        plist = self.lists.get(key)
        if plist and item in plist:
            plist.remove(item)
        if not plist:
            self.lists.pop(key, None)

    def get(self, key: K) -> Sequence[str]:
        return self.lists.get(key, ())

    def hits(self, keys: Iterable[K]) -> Counter[str]:
        """How many of ``keys`` each id holds (ties keep first-seen order, as ``most_common`` needs)."""
        counts: Counter[str] = Counter()
        for key in keys:
            counts.update(self.lists.get(key, ()))
        return counts
