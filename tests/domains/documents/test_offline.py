"""The policy's ``max_offline_document_mb`` as the documents kept offline meet it."""

from __future__ import annotations

from domains.documents.offline import MEBIBYTE, fit_within, offline_limit_bytes


def test_the_limit_is_read_from_the_policy_and_a_malformed_one_sets_none() -> None:
    assert offline_limit_bytes({"max_offline_document_mb": 50}) == 50 * MEBIBYTE
    assert offline_limit_bytes({"max_offline_document_mb": 0}) == 0
    for malformed in ({}, {"max_offline_document_mb": "50"}, {"max_offline_document_mb": -1}):
        assert offline_limit_bytes(malformed) is None
    assert offline_limit_bytes({"max_offline_document_mb": True}) is None
    assert offline_limit_bytes(None) is None


def test_kept_documents_fit_first_come_first_kept_and_equal_content_counts_once() -> None:
    records = [
        {"id": "a", "sha256": "1", "size": 600},
        {"id": "b", "sha256": "1", "size": 600},  # the same bytes as a: no more space
        {"id": "c", "sha256": "2", "size": 500},  # would pass the limit
        {"id": "d", "sha256": "3", "size": 300},  # still fits after c is left out
    ]
    fit = fit_within(records, 1000)
    assert [r["id"] for r in fit.fits] == ["a", "b", "d"]
    assert [r["id"] for r in fit.left_out] == ["c"]
    assert fit.used == 900
    unlimited = fit_within(records, None)
    assert unlimited.left_out == [] and unlimited.used == 1400
