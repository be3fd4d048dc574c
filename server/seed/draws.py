"""The seed's hottest random draws, spelled closer to the generator, with the same results.

``random.Random.randint``, ``choice`` and ``choices(population, weights)`` are Python
layers (``randint`` -> ``randrange`` -> ``_randbelow``; ``choices`` rebuilds the cumulative
weights on every call) around two primitives, ``_randbelow(n)`` and ``random()``. The
registry rows make about twenty draws each, a million rows long, and those layers cost
more than the draws themselves. ``Draws`` calls the same primitives with the same
arguments in the same order, so every stream, and so every seeded value, stays exactly
what the public methods give (``tests/server_seed`` pins the data the public methods
produced). ``_randbelow`` is private but has been the base of ``randrange``, ``choice``
and ``shuffle`` since Python 3.2.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Draws:
    """``randint``, ``choice`` and ``random`` of one ``random.Random``, without the layers."""

    __slots__ = ("below", "random")

    def __init__(self, rng: random.Random) -> None:
        self.below: Callable[[int], int] = rng._randbelow  # type: ignore[attr-defined]
        self.random = rng.random

    def randint(self, low: int, high: int) -> int:
        """``rng.randint(low, high)`` (= ``low + _randbelow(high - low + 1)``)."""
        if high < low:
            raise ValueError(f"empty range {low}..{high}")
        return low + self.below(high - low + 1)

    def choice(self, items: Sequence[T]) -> T:
        """``rng.choice(items)`` (= ``items[_randbelow(len(items))]``)."""
        if not items:
            raise IndexError("cannot choose from an empty sequence")
        return items[self.below(len(items))]


class Weighted(Generic[T]):
    """``rng.choices(population, weights)[0]`` with the cumulative weights summed once:
    ``choices`` then draws ``population[bisect(cum_weights, random() * total, 0, n - 1)]``."""

    __slots__ = ("cumulative", "high", "population", "total")

    def __init__(self, population: Sequence[T], weights: Sequence[float]) -> None:
        if len(population) != len(weights) or not population:
            raise ValueError("one weight per item, and at least one item")
        self.population = population
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1] + 0.0
        if not self.total > 0.0:
            raise ValueError("the weights must add up to more than zero")
        self.high = len(population) - 1

    def pick(self, random_: Callable[[], float]) -> T:
        return self.population[bisect(self.cumulative, random_() * self.total, 0, self.high)]
