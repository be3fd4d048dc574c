"""PATCH /people/{id}: one's own work phone, mobile and office; an administrator's for
anyone; If-Match, bad values and races, over the real server."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from server import maintenance
from tests.server.conftest import Api, World


def card(world: World, person_id: str) -> dict[str, Any]:
    """The card as another user's full sync has it."""
    return world.sign_in("outsider").sync_all("people")[0][person_id]


def test_a_person_changes_their_own_details_and_everyone_sees_it_in_delta_sync(
    world: World,
) -> None:
    watcher = world.sign_in("colleague")
    _, _, cursor = watcher.sync_all("people")
    before = card(world, "p-staff")

    answer = world.sign_in("staff").patch(
        "/people/p-staff",
        before["version"],
        json={"phone": " +994 (12) 555-01-23 ", "mobile": "+994 50 200 00 00", "office": "A-204"},
    )

    assert answer.status_code == 200, answer.text
    saved = answer.json()
    assert saved["phone"] == "+994 (12) 555-01-23"  # trimmed
    assert saved["mobile"] == "+994 50 200 00 00" and saved["office"] == "A-204"
    assert saved["version"] == before["version"] + 1
    assert saved["updated_at"] >= before["updated_at"]
    assert answer.headers["ETag"] == f'"{saved["version"]}"'
    untouched = {k: v for k, v in before.items() if k not in {"phone", "mobile", "office"}}
    assert {k: saved[k] for k in untouched if k not in {"version", "updated_at"}} == {
        k: v for k, v in untouched.items() if k not in {"version", "updated_at"}
    }
    changed, deleted, _ = watcher.sync_all("people", since=cursor)
    assert list(changed) == ["p-staff"] and deleted == []
    assert changed["p-staff"] == saved


def test_mobile_and_office_are_cleared_with_an_empty_string(world: World) -> None:
    staff = world.sign_in("staff")
    first = staff.patch("/people/p-staff", 1, json={"mobile": "050 111 22 33", "office": "B-1"})
    assert first.status_code == 200, first.text

    cleared = staff.patch("/people/p-staff", 2, json={"mobile": "", "office": "   "})

    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["mobile"] is None and cleared.json()["office"] is None
    assert card(world, "p-staff")["version"] == 3


def test_an_admin_changes_anyones_details(world: World) -> None:
    answer = world.sign_in("admin").patch("/people/p-outsider", 1, json={"office": "C-3"})
    assert answer.status_code == 200, answer.text
    assert card(world, "p-outsider")["office"] == "C-3"


@pytest.mark.parametrize("username", ["colleague", "head", "analyst"])
def test_someone_elses_card_is_forbidden_without_admin(world: World, username: str) -> None:
    answer = world.sign_in(username).patch("/people/p-staff", 1, json={"phone": "123"})
    assert answer.status_code == 403
    assert answer.json()["code"] == "forbidden"
    assert card(world, "p-staff")["version"] == 1


def test_a_stale_version_is_412_with_the_current_card(world: World) -> None:
    staff = world.sign_in("staff")
    assert staff.patch("/people/p-staff", 1, json={"phone": "111"}).status_code == 200

    stale = staff.patch("/people/p-staff", 1, json={"phone": "222"})

    assert stale.status_code == 412
    body = stale.json()
    assert body["code"] == "version_mismatch"
    assert body["current"]["phone"] == "111" and body["current"]["version"] == 2
    assert card(world, "p-staff")["phone"] == "111"


def test_a_change_without_if_match_is_428(world: World) -> None:
    answer = world.sign_in("staff").patch("/people/p-staff", None, json={"phone": "123"})
    assert answer.status_code == 428
    assert answer.json()["code"] == "precondition_required"
    assert card(world, "p-staff")["version"] == 1


def test_an_unknown_or_removed_person_is_404(world: World) -> None:
    admin = world.sign_in("admin")
    unknown = admin.patch("/people/p-nobody", 1, json={"phone": "1"})
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == "No such person."
    assert admin.patch("/people/p-outsider", 1, json={"phone": "1"}).status_code == 200
    with world.db.write() as conn:
        maintenance.delete_record(conn, "people", "p-outsider")
    removed = admin.patch("/people/p-outsider", 3, json={"phone": "2"})
    assert removed.status_code == 404
    assert removed.json()["code"] == "not_found"
    assert removed.json()["detail"] == "No such person."


def test_an_admin_may_correct_the_card_of_a_deactivated_user(world: World) -> None:
    """A deactivated account cannot sign in, but its person stays in the directory."""
    with world.db.write() as conn:
        maintenance.deactivate_user(conn, "p-colleague")
    answer = world.sign_in("admin").patch("/people/p-colleague", 1, json={"office": ""})
    assert answer.status_code == 200, answer.text


BAD_BODIES = [
    pytest.param({"email": "me@example.org"}, "email", id="a-field-not-one-of-the-three"),
    pytest.param({"phone": "1", "position": "Nazir"}, "position", id="one-allowed-one-not"),
    pytest.param({}, "body", id="nothing-to-change"),
    pytest.param({"phone": ""}, "phone", id="work-phone-removed"),
    pytest.param({"phone": "   "}, "phone", id="work-phone-blank"),
    pytest.param({"phone": None}, "phone", id="null"),
    pytest.param({"phone": "call me"}, "phone", id="letters-in-a-phone"),
    pytest.param({"mobile": "+()-"}, "mobile", id="a-phone-without-digits"),
    pytest.param({"mobile": "\u0661\u0662\u0663"}, "mobile", id="non-ascii-digits"),
    pytest.param({"phone": "1" * 33}, "phone", id="phone-of-33-characters"),
    pytest.param({"office": "x" * 65}, "office", id="office-of-65-characters"),
    pytest.param({"office": "x" * 300}, "office", id="office-of-300-characters"),
    pytest.param({"office": "A-204\u202e"}, "office", id="bidi-override-in-office"),
    pytest.param({"office": "A\u200f204"}, "office", id="rtl-mark-in-office"),
    pytest.param({"office": "A\x07204"}, "office", id="control-character-in-office"),
    pytest.param({"office": "A\n204"}, "office", id="line-break-in-office"),
    pytest.param({"mobile": "050\u2066123"}, "mobile", id="bidi-isolate-in-mobile"),
    pytest.param({"phone": 5551234}, "phone", id="a-number-not-a-string"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
def test_bad_values_are_422_naming_the_field_and_change_nothing(
    world: World, body: dict[str, Any], field: str
) -> None:
    before = card(world, "p-staff")

    answer = world.sign_in("staff").patch("/people/p-staff", 1, json=body)

    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert problem["code"] == "validation_error"
    assert any(field in error["field"] for error in problem["errors"]), problem
    assert card(world, "p-staff") == before


def test_bad_json_is_422_and_changes_nothing(world: World) -> None:
    staff = world.sign_in("staff")
    answer = staff.patch(
        "/people/p-staff",
        1,
        content=b'{"phone": "1"',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 422
    assert card(world, "p-staff")["version"] == 1


def test_a_body_over_the_json_limit_is_413_and_one_within_it_is_judged(world: World) -> None:
    staff = world.sign_in("staff")
    limit = world.server.app.state.services.settings.max_json_bytes
    headers = {"Content-Type": "application/json"}
    within = json.dumps({"office": "x" * (limit - 20)}).encode()
    over = json.dumps({"office": "x" * limit}).encode()

    judged = staff.patch("/people/p-staff", 1, content=within, headers=headers)
    refused = staff.patch("/people/p-staff", 1, content=over, headers=headers)

    assert len(within) <= limit < len(over)
    assert judged.status_code == 422 and judged.json()["errors"][0]["field"] == "body.office"
    assert refused.status_code == 413
    assert refused.json()["code"] == "too_large"
    assert card(world, "p-staff")["version"] == 1


def test_a_change_that_changes_nothing_keeps_the_version(world: World) -> None:
    staff = world.sign_in("staff")
    assert staff.patch("/people/p-staff", 1, json={"office": "A-1"}).status_code == 200
    watcher = world.sign_in("colleague")
    _, _, cursor = watcher.sync_all("people")

    again = staff.patch("/people/p-staff", 2, json={"office": " A-1 "})

    assert again.status_code == 200
    assert again.json()["version"] == 2 and again.headers["ETag"] == '"2"'
    assert watcher.sync_all("people", since=cursor)[0] == {}


def test_twenty_concurrent_changes_from_one_version_let_exactly_one_win(world: World) -> None:
    apis: list[Api] = [world.sign_in("staff") for _ in range(4)] + [world.sign_in("admin")]

    def attempt(i: int) -> tuple[int, dict[str, Any]]:
        answer = apis[i % len(apis)].patch("/people/p-staff", 1, json={"phone": f"555 {i:02d}"})
        return answer.status_code, answer.json()

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(attempt, range(20)))

    codes = sorted(code for code, _ in results)
    assert codes == [200] + [412] * 19
    winner = next(body for code, body in results if code == 200)
    final = card(world, "p-staff")
    assert final["version"] == 2 and final["phone"] == winner["phone"]
    for code, body in results:
        if code == 412:
            assert body["current"]["version"] == 2


def test_a_change_names_who_made_it_and_the_personnel_system_none(world: World) -> None:
    assert card(world, "p-outsider").get("updated_by") is None  # as the import wrote it
    own = world.sign_in("outsider").patch("/people/p-outsider", 1, json={"office": "C-1"})
    assert own.json()["updated_by"] == "p-outsider"
    admin = world.sign_in("admin").patch("/people/p-outsider", 2, json={"office": "C-2"})
    assert admin.json()["updated_by"] == "p-admin"
    assert card(world, "p-outsider")["updated_by"] == "p-admin"
    # Nothing new: neither a new version nor a new name.
    same = world.sign_in("outsider").patch("/people/p-outsider", 3, json={"office": "C-2"})
    assert same.json()["version"] == 3 and same.json()["updated_by"] == "p-admin"
