"""The district map without map tiles: one grid cell per district, placed by geography.

No openly licensed district boundaries can be shipped here (GADM forbids redistribution;
the others need checking district by district), so the map is a tile grid: each district's
approximate centre (longitude, latitude, from public gazetteers, two decimals) is snapped
to a cell of ``CELL_LON`` × ``CELL_LAT`` degrees; a district whose cell is taken goes to the
nearest free cell. Baku's twelve districts, all within a few kilometres, are an inset
block east of the Absheron peninsula. A district the grid does not know (the server added
one) is listed under the map, never dropped silently.
"""

from __future__ import annotations

__all__ = ["BAKU_INSET", "CENTRES", "cells"]

CELL_LON = 0.34
CELL_LAT = 0.26
WEST, NORTH = 44.75, 41.85

CENTRES: dict[str, tuple[float, float]] = {
    "sumqayit": (49.65, 40.59), "abseron": (49.75, 40.45), "xizi": (49.07, 40.91),
    "agsu": (48.40, 40.57), "ismayilli": (48.15, 40.79), "qobustan": (48.94, 40.53),
    "samaxi": (48.64, 40.63),
    "gence": (46.36, 40.68), "naftalan": (46.82, 40.51), "daskesen": (46.08, 40.52),
    "goranboy": (46.79, 40.61), "goygol": (46.32, 40.59), "samux": (46.41, 40.76),
    "xankendi": (46.75, 39.82), "agcabedi": (47.46, 40.05), "agdam": (47.11, 40.18),
    "berde": (47.13, 40.37), "fuzuli": (47.15, 39.60), "xocali": (46.79, 39.91),
    "xocavend": (47.11, 39.79), "susa": (46.75, 39.76), "terter": (46.93, 40.34),
    "agstafa": (45.46, 41.12), "gedebey": (45.82, 40.57), "qazax": (45.37, 41.09),
    "semkir": (46.02, 40.83), "tovuz": (45.63, 40.99),
    "xacmaz": (48.80, 41.46), "quba": (48.51, 41.36), "qusar": (48.43, 41.43),
    "siyezen": (49.11, 41.08), "sabran": (48.99, 41.22),
    "astara": (48.87, 38.46), "celilabad": (48.48, 39.21), "lenkeran": (48.85, 38.75),
    "lerik": (48.41, 38.77), "masalli": (48.66, 39.03), "yardimli": (48.24, 38.91),
    "mingecevir": (47.06, 40.76), "agdas": (47.47, 40.65), "goycay": (47.74, 40.65),
    "kurdemir": (48.15, 40.34), "ucar": (47.65, 40.52), "yevlax": (47.15, 40.62),
    "zerdab": (47.71, 40.22),
    "beyleqan": (47.62, 39.77), "imisli": (48.06, 39.87), "saatli": (48.37, 39.93),
    "sabirabad": (48.48, 40.01),
    "balaken": (46.40, 41.73), "qax": (46.92, 41.42), "qebele": (47.85, 40.98),
    "oguz": (47.46, 41.07), "seki": (47.17, 41.19), "zaqatala": (46.64, 41.63),
    "cebrayil": (47.03, 39.40), "kelbecer": (46.04, 40.10), "qubadli": (46.58, 39.34),
    "lacin": (46.55, 39.64), "zengilan": (46.66, 39.09),
    "sirvan": (48.92, 39.93), "bilesuvar": (48.55, 39.46), "haciqabul": (48.93, 40.04),
    "neftcala": (49.25, 39.38), "salyan": (48.98, 39.60),
    "naxcivan-seheri": (45.41, 39.21), "babek": (45.45, 39.15), "culfa": (45.63, 38.96),
    "kengerli": (45.10, 39.38), "ordubad": (46.02, 38.91), "sederek": (44.88, 39.71),
    "sahbuz": (45.57, 39.41), "serur": (44.98, 39.55),
}  # fmt: skip

BAKU_INSET: tuple[tuple[str, ...], ...] = (
    ("baki-bineqedi", "baki-sabuncu", "baki-suraxani", "baki-pirallahi"),
    ("baki-yasamal", "baki-nerimanov", "baki-nizami", "baki-xezer"),
    ("baki-qaradag", "baki-nesimi", "baki-sebail", "baki-xetai"),
)
"""Baku's districts, west to east and north to south, as they lie (roughly); the inset
stands one empty column off the peninsula, so it is not read as its neighbour."""
BAKU_ORIGIN = (17, 4)  # column, row of the inset's top-left cell


def _snap(lon: float, lat: float) -> tuple[int, int]:
    return round((lon - WEST) / CELL_LON), round((NORTH - lat) / CELL_LAT)


def _nearest_free(cell: tuple[int, int], taken: set[tuple[int, int]]) -> tuple[int, int]:
    column, row = cell
    for radius in range(0, 20):
        ring = [
            (column + dc, row + dr)
            for dr in range(-radius, radius + 1)
            for dc in range(-radius, radius + 1)
            if max(abs(dc), abs(dr)) == radius and column + dc >= 0 and row + dr >= 0
        ]
        ring.sort(key=lambda c: ((c[0] - column) ** 2 + (c[1] - row) ** 2, c[1], c[0]))
        for candidate in ring:
            if candidate not in taken:
                return candidate
    raise RuntimeError("no free cell near the district")  # pragma: no cover - 85 districts


def cells() -> dict[str, tuple[int, int]]:
    """Every known district's (column, row), unique; Baku's inset included."""
    placed: dict[str, tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    base_column, base_row = BAKU_ORIGIN
    for row, codes in enumerate(BAKU_INSET):
        for column, code in enumerate(codes):
            placed[code] = (base_column + column, base_row + row)
            taken.add(placed[code])
    # West to east, so a crowded cell always gives way the same way (stable layout).
    for code, (lon, lat) in sorted(CENTRES.items(), key=lambda item: (item[1], item[0])):
        cell = _nearest_free(_snap(lon, lat), taken)
        placed[code] = cell
        taken.add(cell)
    return placed
