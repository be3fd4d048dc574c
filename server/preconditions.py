"""Optimistic concurrency: every change to an existing record names the version it saw."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Header
from pydantic import BaseModel

from server.errors import ApiError, validation_error

_IF_MATCH = re.compile(r'^\s*(?:W/)?"?(\d{1,18})"?\s*$')

IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=64,
        description='The version the client last saw, as an entity tag: "3".',
    ),
]
IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=256,
        description="128 random bits made once per intended action (16-128 of [A-Za-z0-9_-]).",
    ),
]


def expected_version(if_match: str | None) -> int:
    if if_match is None:
        raise ApiError(
            428, "precondition_required", "Changes need an If-Match header with the version."
        )
    match = _IF_MATCH.fullmatch(if_match)
    if match is None:
        raise validation_error("If-Match", 'not a version; send one such as "3"')
    return int(match.group(1))


def check_version(current: dict[str, Any], expected: int) -> None:
    if int(current["version"]) != expected:
        raise ApiError(
            412,
            "version_mismatch",
            f"The record changed: you had version {expected}, the server has {current['version']}.",
            current=current,
        )


def patch_changes(body: BaseModel) -> dict[str, Any]:
    """The fields a PATCH sets; sending null for one is an error, not "leave it"."""
    changes = body.model_dump(exclude_unset=True)
    for field, value in changes.items():
        if value is None:
            raise validation_error(field, "may not be null")
    return changes


def etag(record: dict[str, Any]) -> str:
    return f'"{record["version"]}"'
