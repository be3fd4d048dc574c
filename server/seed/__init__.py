"""Deterministic demo data for the reference server: ``seed(db, blobs, size, today)``.

Same size and same ``today`` give byte-identical records and files, so demos, tests and
benchmarks can rely on the data (names to search for, rooms to book, documents to open).
"""

from server.seed.directory import DEMO_PASSWORD, FIXED_ACCOUNTS
from server.seed.generate import PLANS, SeedSummary, Size, seed

__all__ = ["DEMO_PASSWORD", "FIXED_ACCOUNTS", "PLANS", "SeedSummary", "Size", "seed"]
