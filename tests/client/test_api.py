"""The API client against the real server, a real TLS server, and malformed answers."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import update

from client.api import ApiClient
from client.errors import (
    CursorExpired,
    DeviceRevoked,
    Forbidden,
    InvalidCredentials,
    MalformedResponse,
    NetworkError,
    RateLimited,
    ServerUnavailable,
    SessionEnded,
    ValidationFailed,
    VersionMismatch,
)
from server.db import tokens
from tests.server.conftest import PASSWORD, World


def signed_in(world: World, username: str = "staff", sink: Any = None) -> ApiClient:
    api = ApiClient(world.server.base_url, token_sink=sink)
    api.login(username, PASSWORD, f"device-{uuid.uuid4().hex[:10]}", "Test PC")
    return api


def test_login_gives_user_policy_and_a_32_byte_device_secret(world: World) -> None:
    stored: list[str | None] = []
    with ApiClient(world.server.base_url, token_sink=stored.append) as api:
        result = api.login("staff", PASSWORD, "device-0000001", "PC")
        assert result.user["id"] == "p-staff"
        assert result.policy["offline_grace_days"] == 14
        assert len(result.device_secret) == 32
        assert stored == [result.refresh_token]
        assert api.me()["user"]["username"] == "staff"
        api.logout()
        assert stored[-1] is None


def test_wrong_password_is_invalid_credentials(world: World) -> None:
    with ApiClient(world.server.base_url) as api, pytest.raises(InvalidCredentials):
        api.login("staff", "wrong", "device-0000001", "PC")


def test_an_expired_access_token_is_refreshed_transparently(world: World) -> None:
    stored: list[str | None] = []
    with ApiClient(world.server.base_url, token_sink=stored.append) as api:
        api.login("staff", PASSWORD, "device-0000001", "PC")
        # The server's clock moves past the access token (not a race with a 1 s lifetime:
        # on a loaded machine the refreshed token expired too before it was used).
        with world.db.write() as conn:
            conn.execute(update(tokens).where(tokens.c.kind == "access").values(expires_at=0))
        assert api.sync_page("rooms", None, 100)["items"]
        assert len(stored) == 2 and stored[0] != stored[1]  # rotated, and handed over


def test_a_session_resumes_from_the_stored_refresh_token(world: World) -> None:
    with ApiClient(world.server.base_url) as first:
        token = first.login("staff", PASSWORD, "device-0000001", "PC").refresh_token
    with ApiClient(world.server.base_url) as later:
        later.resume(token)
        assert later.me()["user"]["id"] == "p-staff"
    with ApiClient(world.server.base_url) as thief:
        thief.resume(token)  # already rotated by `later`: reuse ends the whole sign-in
        with pytest.raises(SessionEnded):
            thief.me()


def test_device_revocation_raises_device_revoked(world: World) -> None:
    with ApiClient(world.server.base_url) as api:
        api.login("staff", PASSWORD, "doomed-device-1", "PC")
        world.sign_in("admin").post("/admin/devices/doomed-device-1/revoke", key=None)
        with pytest.raises(DeviceRevoked):
            api.sync_heads()


def test_problems_map_to_their_classes(world: World) -> None:
    with signed_in(world) as api:
        with pytest.raises(ValidationFailed) as invalid:
            api.send("POST", "/bookings", {"room_id": "room-1"}, idempotency_key=uuid.uuid4().hex)
        assert invalid.value.code == "validation_error"
        booking = api.send(
            "POST",
            "/bookings",
            {
                "room_id": "room-1",
                "title": "A",
                "start": "2027-01-04T09:00:00+04:00",
                "end": "2027-01-04T10:00:00+04:00",
            },
            idempotency_key=uuid.uuid4().hex,
        )
        api.send("PATCH", f"/bookings/{booking['id']}", {"title": "B"}, if_match=1)
        with pytest.raises(VersionMismatch) as stale:
            api.send("PATCH", f"/bookings/{booking['id']}", {"title": "C"}, if_match=1)
        assert stale.value.current is not None and stale.value.current["title"] == "B"
        with pytest.raises(CursorExpired):
            world_cursor = api.sync_page("people", None, 1000)["cursor"]
            with world.db.write() as conn:
                conn.exec_driver_sql("DELETE FROM people")
            api.sync_page("people", world_cursor, 1000)


def test_patch_person_changes_ones_own_card_and_maps_refusals(world: World) -> None:
    with signed_in(world) as api:
        saved = api.patch_person("p-staff", 1, {"phone": " 012 555 01 23 ", "office": "A-204"})
        assert saved["id"] == "p-staff" and saved["version"] == 2
        assert saved["phone"] == "012 555 01 23" and saved["office"] == "A-204"
        synced = {i["id"]: i for i in api.sync_page("people", None, 1000)["items"]}
        assert synced["p-staff"] == saved
        cleared = api.patch_person("p-staff", 2, {"office": ""})
        assert cleared["office"] is None and cleared["version"] == 3

        with pytest.raises(VersionMismatch) as stale:
            api.patch_person("p-staff", 2, {"mobile": "050 000 00 00"})
        assert stale.value.current is not None and stale.value.current["version"] == 3
        with pytest.raises(Forbidden):
            api.patch_person("p-colleague", 1, {"phone": "1"})
        with pytest.raises(ValidationFailed) as invalid:
            api.patch_person("p-staff", 3, {"phone": "x" * 300})
        assert invalid.value.body["errors"][0]["field"] == "body.phone"
        with pytest.raises(ValueError):
            api.patch_person("..", 3, {"phone": "1"})
    with signed_in(world, "admin") as admin:
        assert admin.patch_person("p-colleague", 1, {"mobile": "+994 50 1"})["version"] == 2


def test_an_unreachable_server_is_a_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with ApiClient(f"http://127.0.0.1:{port}") as api, pytest.raises(NetworkError):
        api.login("staff", PASSWORD, "device-0000001", "PC")


class FakeMalformedServerTransport(httpx.BaseTransport):
    """A fake backend that answers every request with one canned (broken) response."""

    def __init__(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.status, self.body, self.headers = status, body, headers or {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(self.status, content=self.body, headers=self.headers)


def fake_api(status: int, body: bytes, headers: dict[str, str] | None = None) -> ApiClient:
    api = ApiClient(
        "https://intranet.invalid", transport=FakeMalformedServerTransport(status, body, headers)
    )
    api.resume("refresh")
    api._access_token = "access"  # skip the refresh round trip
    return api


def page(**overrides: Any) -> bytes:
    body = {
        "collection": "rooms",
        "items": [
            {
                "id": "r",
                "version": 1,
                "updated_at": "2026-01-01T00:00:00+00:00",
                "name": "A",
                "building": "B",
                "floor": 1,
                "capacity": 2,
                "equipment": [],
            }
        ],
        "deleted": [],
        "cursor": "c",
        "has_more": False,
        **overrides,
    }
    return json.dumps(body).encode()


MALFORMED = {
    "truncated": page()[:-20],
    "not-json": b"<html>proxy error</html>",
    "array": b"[]",
    "wrong-collection": page(collection="people"),
    "items-not-list": page(items={"a": 1}),
    "missing-cursor": page(cursor=None),
    "has-more-string": page(has_more="no"),
    "deleted-numbers": page(deleted=[1, 2]),
    "missing-field": page(items=[{"id": "r", "version": 1, "updated_at": "x", "name": "A"}]),
    "wrong-type": page(
        items=[
            {
                "id": "r",
                "version": 1,
                "updated_at": "x",
                "name": "A",
                "building": "B",
                "floor": "first",
                "capacity": 2,
                "equipment": [],
            }
        ]
    ),
    "bool-as-int": page(
        items=[
            {
                "id": "r",
                "version": True,
                "updated_at": "x",
                "name": "A",
                "building": "B",
                "floor": 1,
                "capacity": 2,
                "equipment": [],
            }
        ]
    ),
    "no-id": page(items=[{"version": 1}]),
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_page_is_a_clear_error(body: bytes) -> None:
    with fake_api(200, body) as api, pytest.raises(MalformedResponse):
        api.sync_page("rooms", None, 100)


def test_a_well_formed_page_passes() -> None:
    with fake_api(200, page()) as api:
        assert api.sync_page("rooms", None, 100)["items"][0]["id"] == "r"


def test_a_malformed_answer_to_patch_person_is_a_clear_error() -> None:
    with fake_api(200, b'{"id": "p-staff", "version": 2}') as api, pytest.raises(MalformedResponse):
        api.patch_person("p-staff", 1, {"phone": "1"})


def test_a_50_mb_page_is_refused_without_reading_it_all() -> None:
    huge = b'{"collection": "rooms", "items": [' + b" " * (50 * 1024 * 1024) + b"]}"
    with fake_api(200, huge) as api, pytest.raises(MalformedResponse, match="too large"):
        api.sync_page("rooms", None, 100)


def test_server_errors_and_rate_limits_are_retryable_with_retry_after() -> None:
    with (
        fake_api(503, b"down", {"Retry-After": "7"}) as api,
        pytest.raises(ServerUnavailable) as down,
    ):
        api.sync_heads()
    assert down.value.retry_after == 7
    with fake_api(429, b"{}", {"Retry-After": "3"}) as api, pytest.raises(RateLimited) as limited:
        api.sync_heads()
    assert limited.value.retry_after == 3


# --- TLS ---------------------------------------------------------------------


def make_ca_and_server_cert(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a certificate for 127.0.0.1 signed by it."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Ministry CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_path, cert_path, key_path


@pytest.fixture
def tls_server(world: World, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    ca, cert, key = make_ca_and_server_cert(tmp_path)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        world.server.app, log_level="error", ssl_certfile=str(cert), ssl_keyfile=str(key)
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        yield f"https://127.0.0.1:{port}", ca
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def test_tls_is_verified_and_a_policy_ca_bundle_is_trusted(tls_server: tuple[str, Path]) -> None:
    url, ca = tls_server
    with ApiClient(url) as untrusting, pytest.raises(NetworkError):
        untrusting.login("staff", PASSWORD, "device-0000001", "PC")
    with ApiClient(url, ca_bundle=ca) as trusting:
        assert trusting.login("staff", PASSWORD, "device-0000001", "PC").user["id"] == "p-staff"
