"""The indicators' collections: regions, public-health indicators and their values
(API.md, "Records")."""

from __future__ import annotations

from cache.schema import (
    OPTIONAL_NUMBER,
    OPTIONAL_STRING,
    STRING,
    CollectionSpec,
    Field,
    JsonType,
    SqlType,
)

__all__ = ["INDICATORS", "INDICATOR_VALUES", "REGIONS", "SPECS"]

TEXT = SqlType.TEXT

REGIONS = CollectionSpec(
    "regions",
    (
        Field("code", STRING, TEXT),
        Field("name", STRING, TEXT),
        Field("parent_code", OPTIONAL_STRING, TEXT),
        # A district's inhabitants: the weight of its rates (docs/analytics.md).
        Field("population", (JsonType.INTEGER, JsonType.NULL), required=False),
    ),
    indexes=(("code",), ("parent_code",)),
    sort_fields=("name",),
)

INDICATORS = CollectionSpec(
    "indicators",
    (
        Field("code", STRING, TEXT),
        Field("name", STRING, TEXT),
        Field("unit", STRING, TEXT),
        Field("description", STRING),
        Field("target", OPTIONAL_NUMBER, required=False),
        Field("alert", OPTIONAL_NUMBER, required=False),
        Field("higher_is_better", (JsonType.BOOLEAN, JsonType.NULL), required=False),
    ),
    sort_fields=("name",),
)

INDICATOR_VALUES = CollectionSpec(
    "indicator_values",
    (
        Field("indicator_id", STRING, TEXT),
        Field("region_code", STRING, TEXT),
        Field("period", STRING, TEXT),
        Field("value", OPTIONAL_NUMBER, SqlType.REAL),
        Field("published_on", OPTIONAL_STRING, required=False),
        Field("provisional", (JsonType.BOOLEAN,), required=False),
    ),
    indexes=(
        ("indicator_id", "region_code", "period"),
        # The Analytics tab's month ranges, covered (migration 6).
        ("indicator_id", "period", "region_code", "value"),
    ),
)

SPECS = (REGIONS, INDICATORS, INDICATOR_VALUES)
