"""The vCard of a person: 4.0 (RFC 6350) parsed back by a strict reader written here, and
3.0 (RFC 2426, the default) and 4.0 both by ``vobject``, a parser nobody here wrote."""

from __future__ import annotations

import re
from typing import Any

import pytest
import sqlite_utils
import vobject

from domains.directory.queries import (
    VCARD_3,
    VCARD_4,
    PersonCard,
    contact_file_name,
    person_card,
    person_vcard,
)

Property = tuple[dict[str, str], list[str]]


def split_unescaped(value: str, separator: str) -> list[str]:
    parts, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append(current)
            current = ""
        else:
            current += char
    assert not escaped, "a value ends in a lone backslash"
    return [*parts, current]


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse_vcard(data: bytes, version: str = VCARD_4) -> dict[str, list[Property]]:
    """Checks the transport rules (UTF-8, CRLF only, lines of at most 75 octets, folding
    never inside a character) and returns each property's parameters and components."""
    assert data.endswith(b"\r\n")
    physical = data.split(b"\r\n")[:-1]
    for line in physical:
        assert b"\r" not in line and b"\n" not in line, "a bare CR or LF"
        assert len(line) <= 75, f"not folded: {len(line)} octets"
        line.decode("utf-8")  # each physical line on its own: no character split
    logical: list[str] = []
    for line in (raw.decode("utf-8") for raw in physical):
        if line.startswith((" ", "\t")):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    assert logical[0] == "BEGIN:VCARD" and logical[1] == f"VERSION:{version}"
    assert logical[-1] == "END:VCARD"
    properties: dict[str, list[Property]] = {}
    for line in logical[2:-1]:
        head, value = line.split(":", 1)
        name, *raw_parameters = head.split(";")
        parameters = dict(p.split("=", 1) for p in raw_parameters)
        components = [unescape(part) for part in split_unescaped(value, ";")]
        properties.setdefault(name.upper(), []).append((parameters, components))
    return properties


def card(**changes: object) -> PersonCard:
    values: dict[str, object] = {
        "id": "person-00042",
        "full_name": "Məmmədova Gülnarə Şahin qızı",
        "given_name": "Gülnarə",
        "family_name": "Məmmədova",
        "patronymic": "Şahin qızı",
        "position": "Baş məsləhətçi",
        "email": "gulnare.memmedova@health.gov.az",
        "phone": "+994 12 345 67 89",
        "mobile": "+994 50 123 45 67",
        "office": "Bina A, 3-cü mərtəbə, otaq 305",
        "department_id": "dep-002",
        "department_path": [("dep-001", "Səhiyyə Nazirliyi"), ("dep-002", "Ümumi şöbə")],
        "manager": None,
        "reports": [],
        "reports_total": 0,
    }
    values.update(changes)
    return PersonCard(**values)  # type: ignore[arg-type]


def test_the_required_properties_and_the_person() -> None:
    properties = parse_vcard(person_vcard(card(), version=VCARD_4))
    assert properties["FN"] == [({}, ["Məmmədova Gülnarə Şahin qızı"])]
    assert properties["N"] == [({}, ["Məmmədova", "Gülnarə", "Şahin qızı", "", ""])]
    assert properties["ORG"] == [({}, ["Səhiyyə Nazirliyi", "Ümumi şöbə"])]
    assert properties["TITLE"] == [({}, ["Baş məsləhətçi"])]
    assert properties["EMAIL"] == [({"TYPE": "work"}, ["gulnare.memmedova@health.gov.az"])]
    work, mobile = properties["TEL"]
    assert work == ({"VALUE": "uri", "TYPE": "work,voice"}, ["tel:+994-12-345-67-89"])
    assert mobile == ({"VALUE": "uri", "TYPE": "work,cell"}, ["tel:+994-50-123-45-67"])
    (address,) = properties["ADR"]
    assert address[0] == {"TYPE": "work"}
    assert address[1] == ["", "Bina A, 3-cü mərtəbə, otaq 305", "", "", "", "", ""]
    assert properties["UID"][0][1][0].startswith("urn:uuid:")


def test_commas_semicolons_backslashes_and_newlines_are_escaped() -> None:
    tricky = "Əliyev; Bəy, \\ Jr.\nII"
    data = person_vcard(
        card(full_name=tricky, family_name="Ə;li,yev\\", office="a\r\nb"), version=VCARD_4
    )
    text = data.decode("utf-8")
    assert "FN:Əliyev\\; Bəy\\, \\\\ Jr.\\nII\r\n" in text
    properties = parse_vcard(data)
    assert properties["FN"][0][1] == [tricky]
    assert properties["N"][0][1][0] == "Ə;li,yev\\"
    assert properties["ADR"][0][1][1] == "a\nb"


def test_long_lines_are_folded_at_75_octets_between_characters() -> None:
    office = "Şəki-Zaqatala regional səhiyyə idarəsi, inzibati bina, " * 4
    data = person_vcard(card(office=office, position="ə" * 100), version=VCARD_4)
    assert max(len(line) for line in data.split(b"\r\n")) == 75
    properties = parse_vcard(data)  # checks every physical line decodes on its own
    assert properties["TITLE"][0][1] == ["ə" * 100]
    assert properties["ADR"][0][1][1] == office


def test_missing_fields_leave_their_properties_out() -> None:
    data = person_vcard(
        card(phone="", mobile="", email="", office="", position="", department_path=[]),
        version=VCARD_4,
    )
    properties = parse_vcard(data)
    assert set(properties) == {"KIND", "FN", "N", "UID"}


def test_a_number_that_is_no_tel_uri_stays_text() -> None:
    properties = parse_vcard(person_vcard(card(phone="12-34 (daxili 5)"), version=VCARD_4))
    assert properties["TEL"][0] == ({"TYPE": "work,voice"}, ["12-34 (daxili 5)"])


def test_a_real_person_from_the_cache(db: sqlite_utils.Database) -> None:
    person = db.conn.execute("SELECT id FROM people WHERE manager_id IS NOT NULL").fetchone()[0]
    found = person_card(db, person)
    assert found is not None
    properties = parse_vcard(person_vcard(found, version=VCARD_4))
    assert properties["FN"][0][1] == [found.full_name]
    assert properties["ORG"][0][1] == [name for _, name in found.department_path]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("İsmayılov Rəşad Elçin oğlu", "İsmayılov Rəşad Elçin oğlu.vcf"),
        ("../../etc/passwd", "etc passwd.vcf"),
        ("..\\..\\Windows\\win.ini", "Windows win.ini.vcf"),
        ('a<b>c:d"e|f?g*h', "a b c d e f g h.vcf"),
        ("CON", "contact CON.vcf"),
        ("lpt1.txt", "contact lpt1.txt.vcf"),
        ("", "contact.vcf"),
        ("  ...  ", "contact.vcf"),
        ("tab\tand\x00nul", "tab and nul.vcf"),
        (".hidden", "hidden.vcf"),
    ],
)
def test_contact_file_names_are_safe(name: str, expected: str) -> None:
    assert contact_file_name(name) == expected


def test_a_long_name_is_cut() -> None:
    name = contact_file_name("Ə" * 500)
    assert name.endswith(".vcf") and len(name) <= 124


# --- both versions through vobject, a parser nobody on this project wrote (issue 15) -------------


def _by_vobject(data: bytes) -> Any:
    parsed = vobject.readOne(data.decode("utf-8"))
    assert parsed.name == "VCARD"
    return parsed


FULL = card(
    full_name="Məmmədova Gülnarə Şahin qızı",
    position="Baş məsləhətçi, sektor müdiri; əvəz edən",
    office="Bina A, 3-cü mərtəbə, otaq 305",
    department_path=[
        ("dep-001", "Səhiyyə Nazirliyi"),
        ("dep-002", "Müalicə-profilaktika şöbəsi"),
        ("dep-003", "Ana və uşaq sağlamlığı sektoru, Bakı"),
    ],
)


@pytest.mark.parametrize("version", [VCARD_3, VCARD_4])
def test_every_field_round_trips_through_vobject(version: str) -> None:
    parsed = _by_vobject(person_vcard(FULL, version=version))
    assert parsed.version.value == version
    assert parsed.fn.value == FULL.full_name
    name = parsed.n.value
    assert (name.family, name.given, name.additional) == (
        "Məmmədova",
        "Gülnarə",
        "Şahin qızı",
    )
    assert parsed.org.value == [unit for _, unit in FULL.department_path]
    assert parsed.title.value == FULL.position
    assert parsed.email.value == FULL.email
    assert parsed.adr.value.extended == FULL.office
    phones = {tuple(sorted(t.params["TYPE"])): t.value for t in parsed.tel_list}
    if version == VCARD_3:  # the number as written: Outlook shows it as it is
        assert phones == {("VOICE", "WORK"): FULL.phone, ("CELL", "WORK"): FULL.mobile}
        assert sorted(parsed.email.params["TYPE"]) == ["INTERNET", "WORK"]
        assert "kind" not in parsed.contents
    else:  # a tel: URI of the same number
        assert phones == {
            ("voice", "work"): "tel:" + FULL.phone.replace(" ", "-"),
            ("cell", "work"): "tel:" + FULL.mobile.replace(" ", "-"),
        }
    assert parsed.uid.value.startswith("urn:uuid:")


def test_the_default_is_version_3_and_an_unknown_version_is_refused() -> None:
    data = person_vcard(FULL)
    assert b"\r\nVERSION:3.0\r\n" in data and b"VALUE=uri" not in data
    parse_vcard(data, version=VCARD_3)  # the transport rules hold for 3.0 too
    with pytest.raises(ValueError, match=r"2\.1"):
        person_vcard(FULL, version="2.1")
