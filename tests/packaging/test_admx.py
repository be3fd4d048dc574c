"""The Group Policy templates: committed as generated from POLICY_FIELDS (the description
the app reads), every field in the ADMX and every ADML, and sound in structure."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from client.policy import POLICY_FIELDS, REGISTRY_KEY, Kind
from scripts import admx

COMMITTED = Path(__file__).resolve().parents[2] / "packaging" / "admx"
NS = {"p": admx.NAMESPACE}
STRING_REF = re.compile(r"\$\(string\.([^)]+)\)")
PRESENTATION_REF = re.compile(r"\$\(presentation\.([^)]+)\)")


def test_the_committed_templates_are_what_the_generator_writes(tmp_path: Path) -> None:
    written = admx.write(tmp_path)
    assert {p.relative_to(tmp_path).as_posix() for p in written} == {
        "MinistryIntranet.admx",
        "en-US/MinistryIntranet.adml",
        "az-Latn-AZ/MinistryIntranet.adml",
        "ru-RU/MinistryIntranet.adml",
    }
    for path in written:
        relative = path.relative_to(tmp_path)
        assert (COMMITTED / relative).read_bytes() == path.read_bytes(), (
            f"{relative} is stale: run scripts/build-admx and commit"
        )


def _admx() -> ET.Element:
    root = ET.parse(COMMITTED / "MinistryIntranet.admx").getroot()  # noqa: S314 - our own files
    assert root.tag == f"{{{admx.NAMESPACE}}}policyDefinitions"
    return root


@pytest.mark.parametrize("culture", sorted(admx.CULTURES))
def test_every_field_is_in_the_admx_and_each_adml(culture: str) -> None:
    root = _admx()
    resources = ET.parse(COMMITTED / culture / "MinistryIntranet.adml").getroot()  # noqa: S314 - our own files
    assert resources.tag == f"{{{admx.NAMESPACE}}}policyDefinitionResources"
    strings = {
        s.get("id"): s.text for s in resources.findall("p:resources/p:stringTable/p:string", NS)
    }
    presentations = {
        p.get("id"): p
        for p in resources.findall("p:resources/p:presentationTable/p:presentation", NS)
    }
    policies = {p.get("name"): p for p in root.findall("p:policies/p:policy", NS)}
    assert set(policies) == {f.registry_name for f in POLICY_FIELDS}
    language = admx.CULTURES[culture]
    for field in POLICY_FIELDS:
        policy = policies[field.registry_name]
        assert policy.get("key") == REGISTRY_KEY
        assert "Wow6432Node" not in REGISTRY_KEY
        assert policy.get("class") == "Both"  # HKLM and HKCU
        assert strings[field.registry_name] == field.title.in_language(language)
        assert strings[f"{field.registry_name}_Explain"] == field.explanation.in_language(language)
        if field.kind is Kind.SWITCH:
            assert policy.get("valueName") == field.registry_name
            continue
        elements = policy.find("p:elements", NS)
        assert elements is not None and len(elements) == 1
        element = elements[0]
        assert element.get("valueName") == field.registry_name
        if field.kind is Kind.NUMBER:
            assert element.tag.endswith("decimal")
            assert (element.get("minValue"), element.get("maxValue")) == (
                str(field.minimum),
                str(field.maximum),
            )
        if field.kind is Kind.CHOICE:
            values = [v.text for v in element.findall("p:item/p:value/p:string", NS)]
            assert tuple(values) == field.choices
        # the presentation named by the policy exists and points at the element
        match = PRESENTATION_REF.fullmatch(policy.get("presentation") or "")
        assert match is not None
        boxes = list(presentations[match.group(1)])
        assert [box.get("refId") for box in boxes] == [element.get("id")]
    # every $(string.X) in the ADMX resolves in this ADML, in the other cultures too
    referenced = STRING_REF.findall(ET.tostring(root, encoding="unicode"))
    assert referenced and set(referenced) <= set(strings)
    assert all(text and text.strip() for text in strings.values())


def test_the_admx_structure() -> None:
    root = _admx()
    assert [child.tag.split("}")[1] for child in root] == [
        "policyNamespaces",
        "resources",
        "supportedOn",
        "categories",
        "policies",
    ]
    target = root.find("p:policyNamespaces/p:target", NS)
    assert target is not None and target.get("namespace") == admx.TARGET_NAMESPACE
    categories = {c.get("name") for c in root.findall("p:categories/p:category", NS)}
    supported = {
        d.get("name") for d in root.findall("p:supportedOn/p:definitions/p:definition", NS)
    }
    for policy in root.findall("p:policies/p:policy", NS):
        parent = policy.find("p:parentCategory", NS)
        assert parent is not None and parent.get("ref") in categories
        support = policy.find("p:supportedOn", NS)
        assert support is not None and support.get("ref") in supported


def test_a_field_missing_from_the_templates_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generator follows the description: a new field appears in every file."""
    extra = POLICY_FIELDS[0].__class__(
        "proxy_url",
        "ProxyUrl",
        Kind.WEB_ADDRESS,
        POLICY_FIELDS[0].title,
        POLICY_FIELDS[0].explanation,
    )
    monkeypatch.setattr(admx, "POLICY_FIELDS", (*POLICY_FIELDS, extra))
    for relative, content in admx.templates().items():
        assert b"ProxyUrl" in content, relative
        assert content != (COMMITTED / relative).read_bytes()


def test_the_reader_and_the_description_name_the_same_fields() -> None:
    from dataclasses import fields

    from client.policy import MachinePolicy

    assert [f.name for f in fields(MachinePolicy)] == [f.name for f in POLICY_FIELDS]
    assert len({f.registry_name for f in POLICY_FIELDS}) == len(POLICY_FIELDS)
