"""Sign-in, tokens and devices, over real HTTP."""

from __future__ import annotations

import base64
import time
from typing import Any

import pytest

from tests.server.conftest import PASSWORD, World


def login(world: World, username: str, password: str = PASSWORD, device: str = "device-aaaa1111"):
    with world.client() as http:
        return http.post(
            "/auth/login",
            json={
                "username": username,
                "password": password,
                "device_id": device,
                "device_name": "PC",
            },
        )


def test_login_returns_tokens_user_policy_and_device_secret(world: World) -> None:
    response = login(world, "staff")
    assert response.status_code == 200
    body = response.json()
    assert body["user"] == {
        "id": "p-staff",
        "username": "staff",
        "display_name": "Staff Test",
        "roles": ["staff"],
        "department_id": "d-hr",
    }
    assert set(body["policy"]) == {
        "offline_grace_days",
        "idle_lock_minutes",
        "max_offline_document_mb",
        "remember_on_this_computer",
    }
    assert len(base64.b64decode(body["device_secret"])) == 32
    assert body["expires_in"] > 0 and body["refresh_expires_in"] > body["expires_in"]
    # Opaque, and short enough for the Windows Credential Manager.
    assert len(body["access_token"]) < 100 and len(body["refresh_token"]) < 100


def test_device_secret_is_stable_per_device_and_differs_between_devices(world: World) -> None:
    first = login(world, "staff", device="device-one-0001").json()["device_secret"]
    again = login(world, "staff", device="device-one-0001").json()["device_secret"]
    other = login(world, "staff", device="device-two-0002").json()["device_secret"]
    assert first == again
    assert first != other


def test_wrong_password_and_unknown_user_answer_the_same(world: World) -> None:
    wrong = login(world, "staff", password="nope")
    unknown = login(world, "nobody-here", password="nope")
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "invalid_credentials"
    assert wrong.json()["detail"] == unknown.json()["detail"]


@pytest.mark.parametrize("username", ["staff", "ghost-user"])
def test_repeated_failures_are_rate_limited_whether_or_not_the_user_exists(
    world: World, username: str
) -> None:
    codes = [login(world, username, password=f"bad{i}").status_code for i in range(5)]
    assert codes == [401] * 5
    limited = login(world, username, password="bad-again")
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) > 0
    # Even the right password waits: the lock does not reveal which password was right.
    assert login(world, username).status_code == 429


def test_me_returns_user_and_policy(world: World) -> None:
    api = world.sign_in("analyst")
    body = api.get("/me").json()
    assert body["user"]["roles"] == ["analyst", "staff"]
    assert body["policy"]["offline_grace_days"] == 14


def test_requests_without_or_with_a_bad_token_are_refused(world: World) -> None:
    with world.client() as http:
        assert http.get("/me").json()["code"] == "unauthorized"
        bad = http.get("/me", headers={"Authorization": "Bearer not-a-token"})
    assert bad.status_code == 401
    assert bad.json()["code"] == "invalid_token"


def refresh(world: World, token: str) -> Any:
    with world.client() as http:
        return http.post("/auth/refresh", json={"refresh_token": token})


def test_refresh_rotates_and_reuse_ends_the_whole_sign_in(world: World) -> None:
    api = world.sign_in("staff")
    first_refresh = api.login["refresh_token"]
    rotated = refresh(world, first_refresh)
    assert rotated.status_code == 200
    pair = rotated.json()
    assert pair["refresh_token"] != first_refresh
    new_auth = {"Authorization": f"Bearer {pair['access_token']}"}
    assert api.http.get("/me", headers=new_auth).status_code == 200

    reused = refresh(world, first_refresh)
    assert reused.status_code == 401
    assert reused.json()["code"] == "token_reused"
    # The thief's replay revoked the login: the legitimate new tokens die too.
    assert api.http.get("/me", headers=new_auth).status_code == 401
    assert refresh(world, pair["refresh_token"]).status_code == 401


def test_an_access_token_cannot_be_used_to_refresh(world: World) -> None:
    api = world.sign_in("staff")
    assert refresh(world, api.login["access_token"]).json()["code"] == "invalid_token"


def test_logout_revokes_the_login(world: World) -> None:
    api = world.sign_in("staff")
    assert api.http.post("/auth/logout", headers=api.auth, json={}).status_code == 204
    assert api.get("/me").status_code == 401
    assert refresh(world, api.login["refresh_token"]).status_code == 401


@pytest.fixture
def world_settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    return getattr(request, "param", {})


@pytest.mark.parametrize("world_settings", [{"access_token_seconds": 1}], indirect=True)
def test_expired_access_token_says_token_expired_and_refresh_works(world: World) -> None:
    api = world.sign_in("staff")
    time.sleep(1.1)
    expired = api.get("/me")
    assert expired.status_code == 401
    assert expired.json()["code"] == "token_expired"
    assert refresh(world, api.login["refresh_token"]).status_code == 200


def test_only_admin_revokes_devices_and_revoked_devices_get_device_revoked(world: World) -> None:
    victim = world.sign_in("staff", device_id="stolen-laptop-01")
    same_device_other_user = world.sign_in("colleague", device_id="stolen-laptop-01")
    safe = world.sign_in("staff", device_id="office-pc-000001")
    admin = world.sign_in("admin")

    denied = world.sign_in("head").post("/admin/devices/stolen-laptop-01/revoke", key=None)
    assert denied.status_code == 403
    assert victim.get("/me").status_code == 200

    revoked = admin.post("/admin/devices/stolen-laptop-01/revoke", key=None)
    assert revoked.status_code == 200
    assert revoked.json() == {"device_id": "stolen-laptop-01", "revoked_logins": 2}

    for api in (victim, same_device_other_user):
        answer = api.get("/sync/people")
        assert answer.status_code == 401
        assert answer.json()["code"] == "device_revoked"
    assert refresh(world, victim.login["refresh_token"]).json()["code"] == "device_revoked"
    again = login(world, "staff", device="stolen-laptop-01")
    assert again.status_code == 401 and again.json()["code"] == "device_revoked"
    # Other devices of the same user are untouched.
    assert safe.get("/me").status_code == 200
    assert admin.post("/admin/devices/no-such-device-1/revoke", key=None).status_code == 404


def test_every_response_carries_a_request_id(world: World) -> None:
    with world.client() as http:
        echoed = http.get("/me", headers={"X-Request-Id": "abc-123"})
        made = http.get("/me")
        hostile = http.get("/me", headers={"X-Request-Id": 'x;"<>' * 60})
    assert echoed.headers["X-Request-Id"] == "abc-123"
    assert len(made.headers["X-Request-Id"]) == 32
    assert len(hostile.headers["X-Request-Id"]) == 32
