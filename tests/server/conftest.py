"""A small, fully known ministry on a real server on loopback, fresh for every test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from server import records
from server.accounts import NewUser, hash_password, insert_users
from server.config import Settings
from server.db import Database, folder_members, sqlite_url_for
from server.runner import ServerThread

PASSWORD = "correct horse"
_HASH = hash_password(PASSWORD)

USERS = {
    # username: (person id, department, roles)
    "staff": ("p-staff", "d-hr", ("staff",)),
    "colleague": ("p-colleague", "d-hr", ("staff",)),
    "outsider": ("p-outsider", "d-it", ("staff",)),
    "head": ("p-head", "d-hr", ("staff", "department_head")),
    "analyst": ("p-analyst", "d-it", ("staff", "analyst")),
    "admin": ("p-admin", "d-it", ("staff", "admin")),
}


def person(pid: str, department: str, name: str) -> dict[str, Any]:
    return {
        "id": pid,
        "full_name": name,
        "given_name": name.split(maxsplit=1)[0],
        "family_name": name.rsplit(maxsplit=1)[-1],
        "patronymic": "",
        "position": "Məsləhətçi",
        "department_id": department,
        "manager_id": None,
        "email": f"{pid}@health.gov.az",
        "phone": None,
        "mobile": None,
        "office": None,
        "photo_url": None,
    }


def build_world(db: Database) -> None:
    with db.write() as conn:
        records.bulk_insert(
            conn,
            "departments",
            [
                {"id": "d-root", "name": "Nazirlik", "parent_id": None, "head_person_id": None},
                {
                    "id": "d-hr",
                    "name": "İnsan resursları",
                    "parent_id": "d-root",
                    "head_person_id": "p-head",
                },
                {
                    "id": "d-it",
                    "name": "İnformasiya texnologiyaları",
                    "parent_id": "d-root",
                    "head_person_id": None,
                },
            ],
        )
        records.bulk_insert(
            conn,
            "people",
            [person(pid, dep, f"{name.title()} Test") for name, (pid, dep, _) in USERS.items()],
        )
        records.bulk_insert(
            conn,
            "rooms",
            [
                {
                    "id": f"room-{i}",
                    "name": f"Otaq {i}",
                    "building": "A",
                    "floor": i,
                    "capacity": 10,
                    "equipment": ["proyektor"],
                }
                for i in (1, 2)
            ],
        )
        records.bulk_insert(
            conn,
            "folders",
            [
                {
                    "id": "f-ministry",
                    "name": "Əmrlər",
                    "parent_id": None,
                    "department_id": None,
                    "access": "ministry",
                },
                {
                    "id": "f-hr",
                    "name": "HR",
                    "parent_id": None,
                    "department_id": "d-hr",
                    "access": "department",
                },
                {
                    "id": "f-it",
                    "name": "IT",
                    "parent_id": None,
                    "department_id": "d-it",
                    "access": "department",
                },
                {
                    "id": "f-secret",
                    "name": "Məxfi",
                    "parent_id": None,
                    "department_id": "d-hr",
                    "access": "restricted",
                },
            ],
        )
        conn.execute(folder_members.insert(), [{"folder_id": "f-secret", "person_id": "p-head"}])
        records.bulk_insert(
            conn,
            "registries",
            [
                {
                    "id": "reg-open",
                    "code": "medicines",
                    "name": "Dərmanlar",
                    "description": "",
                    "columns": [{"key": "name", "label": "Ad", "type": "text", "filterable": True}],
                    "row_count": 3,
                    "personal_data": False,
                },
                {
                    "id": "reg-personal",
                    "code": "workers",
                    "name": "Tibb işçiləri",
                    "description": "",
                    "columns": [{"key": "name", "label": "Ad", "type": "text", "filterable": True}],
                    "row_count": 2,
                    "personal_data": True,
                },
            ],
        )
        records.bulk_insert(
            conn,
            "registry_rows",
            [
                {"id": f"row-open-{i}", "registry_id": "reg-open", "values": {"name": f"Drug {i}"}}
                for i in range(3)
            ]
            + [
                {
                    "id": f"row-pd-{i}",
                    "registry_id": "reg-personal",
                    "values": {"name": f"Doctor {i}"},
                }
                for i in range(2)
            ],
        )
        insert_users(
            conn,
            [
                NewUser(pid, name, _HASH, f"{name.title()} Test", roles, dep)
                for name, (pid, dep, roles) in USERS.items()
            ],
        )


@dataclass
class Api:
    """An httpx client for one signed-in user, with helpers for the API's headers."""

    http: httpx.Client
    login: dict[str, Any] = field(default_factory=dict)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.login['access_token']}"}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.http.get(path, headers={**self.auth, **kw.pop("headers", {})}, **kw)

    def post(self, path: str, *, key: str | None = "auto", **kw: Any) -> httpx.Response:
        headers = {**self.auth, **kw.pop("headers", {})}
        if key == "auto":
            key = uuid.uuid4().hex
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.http.post(path, headers=headers, **kw)

    def patch(self, path: str, version: int | None, **kw: Any) -> httpx.Response:
        headers = {**self.auth, **kw.pop("headers", {})}
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        return self.http.patch(path, headers=headers, **kw)

    def delete(self, path: str, version: int | None) -> httpx.Response:
        headers = dict(self.auth)
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        return self.http.delete(path, headers=headers)

    def sync_all(
        self, collection: str, *, since: str | None = None, limit: int = 1000, **params: Any
    ) -> tuple[dict[str, dict[str, Any]], list[str], str]:
        """Page through a collection: (items by id, deleted ids, final cursor)."""
        items: dict[str, dict[str, Any]] = {}
        deleted: list[str] = []
        cursor = since
        while True:
            query = {"limit": limit, **params}
            if cursor:
                query["since"] = cursor
            response = self.get(f"/sync/{collection}", params=query)
            assert response.status_code == 200, response.text
            page = response.json()
            for item in page["items"]:
                items[item["id"]] = item
            deleted.extend(page["deleted"])
            cursor = page["cursor"]
            if not page["has_more"]:
                return items, deleted, cursor


@dataclass
class World:
    server: ServerThread
    db: Database
    data_dir: Path
    _clients: list[httpx.Client] = field(default_factory=list)

    @property
    def api_url(self) -> str:
        return self.server.api_url

    def client(self) -> httpx.Client:
        http = httpx.Client(base_url=self.api_url, timeout=30)
        self._clients.append(http)
        return http

    def close(self) -> None:
        for http in self._clients:
            http.close()

    def sign_in(self, username: str, *, device_id: str | None = None) -> Api:
        http = self.client()
        response = http.post(
            "/auth/login",
            json={
                "username": username,
                "password": PASSWORD,
                "device_id": device_id or f"device-{uuid.uuid4().hex[:12]}",
                "device_name": "Test laptop",
            },
        )
        assert response.status_code == 200, response.text
        return Api(http, response.json())


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    return Settings(data_dir=data_dir, **overrides)


@pytest.fixture
def world_settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Server settings; parametrize it indirectly to change them for a test."""
    return dict(getattr(request, "param", {}))


# e.g. postgresql+psycopg://intranet:intranet@localhost/intranet_test (scripts/test-postgres)
POSTGRES_URL_VARIABLE = "INTRANET_TEST_DATABASE_URL"


@contextmanager
def fresh_database_url(data_dir: Path) -> Iterator[str]:
    """SQLite under ``data_dir``; or, when INTRANET_TEST_DATABASE_URL is set, a new empty
    PostgreSQL schema in that database, made the only one on the connections' search_path
    and dropped afterwards (much faster than a database per test, and just as empty)."""
    base = os.environ.get(POSTGRES_URL_VARIABLE)
    if not base:
        yield sqlite_url_for(data_dir)
        return
    schema = f"test_{uuid.uuid4().hex}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        url = make_url(base)
        options = f"{url.query.get('options', '')} -c search_path={schema}".strip()
        try:
            yield url.update_query_dict({"options": options}).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql("SET lock_timeout = '30s'")
                conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        admin.dispose()


@pytest.fixture
def world(tmp_path: Path, world_settings: dict[str, Any]) -> Iterator[World]:
    data_dir = tmp_path / "server"
    data_dir.mkdir()
    with fresh_database_url(data_dir) as database_url:
        db = Database(database_url)
        db.create_schema()
        build_world(db)
        settings = {"database_url": database_url, **world_settings}
        server = ServerThread(make_settings(data_dir, **settings)).start()
        made = World(server, server.app.state.services.db, data_dir)
        try:
            yield made
        finally:
            made.close()
            server.stop()
            db.dispose()
