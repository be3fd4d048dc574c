"""A department says which economic region it serves (issue 13: "a dashboard for my region
on opening"): served by sync, described in the OpenAPI document, and a region given to an
existing department later reaches every client as an ordinary change."""

from __future__ import annotations

from server import records
from server.maintenance import update_record
from tests.server.conftest import World


def test_a_regional_department_is_synced_with_its_region(world: World) -> None:
    with world.db.write() as conn:
        records.bulk_insert(
            conn,
            "departments",
            [
                {
                    "id": "d-seki",
                    "name": "Şəki-Zaqatala regional səhiyyə idarəsi",
                    "parent_id": "d-root",
                    "head_person_id": None,
                    "region_code": "seki-zaqatala",
                }
            ],
        )
    staff = world.sign_in("staff")
    items, _, cursor = staff.sync_all("departments")
    assert items["d-seki"]["region_code"] == "seki-zaqatala"
    # A central department (written before the field existed) has no region: the country.
    assert items["d-hr"].get("region_code") is None

    with world.db.write() as conn:
        update_record(conn, "departments", "d-hr", region_code="baki")
    changed, _, _ = staff.sync_all("departments", since=cursor)
    assert set(changed) == {"d-hr"}
    assert changed["d-hr"]["region_code"] == "baki"
    assert changed["d-hr"]["version"] == 2


def test_the_openapi_description_documents_the_region(world: World) -> None:
    with world.client() as http:
        spec = http.get("/openapi.json").json()
    department = spec["components"]["schemas"]["Department"]["properties"]["region_code"]
    assert "economic region" in department["description"]
    assert {t.get("type") for t in department["anyOf"]} == {"string", "null"}
