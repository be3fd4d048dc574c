"""Writes the Group Policy templates (ADMX, and ADML in en-US, az-Latn-AZ, ru-RU) from
``client.policy.POLICY_FIELDS``, the description the app itself reads, so a field the app
reads is always in the templates and never at another registry path.

    uv run python -m scripts.admx [OUTPUT_DIR]      (default: packaging/admx)

Every policy is ``class="Both"``: the same key under HKLM (Computer Configuration) and
HKCU (User Configuration); the app lets the machine's value win. The output is the same
bytes for the same description (tests/packaging/test_admx.py regenerates and compares).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from client.policy import POLICY_FIELDS, PRODUCT, REGISTRY_KEY, VENDOR, Kind, PolicyField, Texts

NAMESPACE = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
TARGET_NAMESPACE = f"{VENDOR}.Policies.{PRODUCT}"
BASE_NAME = "MinistryIntranet"
REVISION = "1.0"
CULTURES = {"en-US": "en", "az-Latn-AZ": "az", "ru-RU": "ru"}
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "packaging" / "admx"

# The templates' own words (the fields' words are in POLICY_FIELDS).
VENDOR_CATEGORY = Texts("Ministry of Health", "Səhiyyə Nazirliyi", "Министерство здравоохранения")
PRODUCT_CATEGORY = Texts("Intranet", "İntranet", "Интранет")
SUPPORTED = Texts(
    "Intranet 0.1 or later, on Windows 10 version 1809 or later",
    "İntranet 0.1 və ya daha yeni, Windows 10 1809 və ya daha yeni versiyada",
    "Интранет 0.1 или новее, в Windows 10 версии 1809 или новее",
)
TEMPLATE_NAME = Texts("Ministry Intranet", "Nazirliyin İntraneti", "Интранет министерства")
TEMPLATE_DESCRIPTION = Texts(
    "Settings of the Ministry of Health's Intranet desktop app.",
    "Səhiyyə Nazirliyinin İntranet masaüstü tətbiqinin parametrləri.",
    "Параметры настольного приложения Интранета Министерства здравоохранения.",
)
NATIVE_LANGUAGE_NAMES = {"az": "Azərbaycanca", "ru": "Русский", "en": "English"}


def _sub(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attributes)


def _root(tag: str) -> ET.Element:
    return ET.Element(f"{{{NAMESPACE}}}{tag}", {"revision": REVISION, "schemaVersion": "1.0"})


def explain_id(field: PolicyField) -> str:
    return f"{field.registry_name}_Explain"


def choice_id(field: PolicyField, choice: str) -> str:
    return f"{field.registry_name}_{choice}"


def has_presentation(field: PolicyField) -> bool:
    """A switch is the policy's own Enabled/Disabled; every other kind has a box."""
    return field.kind is not Kind.SWITCH


def _policy(policies: ET.Element, field: PolicyField) -> None:
    attributes = {
        "name": field.registry_name,
        "class": "Both",
        "displayName": f"$(string.{field.registry_name})",
        "explainText": f"$(string.{explain_id(field)})",
        "key": REGISTRY_KEY,
    }
    if has_presentation(field):
        attributes["presentation"] = f"$(presentation.{field.registry_name})"
    else:
        attributes["valueName"] = field.registry_name
    policy = _sub(policies, "policy", **attributes)
    _sub(policy, "parentCategory", ref=PRODUCT)
    _sub(policy, "supportedOn", ref="SUPPORTED_Intranet")
    if field.kind is Kind.SWITCH:
        _sub(_sub(policy, "enabledValue"), "decimal", value="1")
        _sub(_sub(policy, "disabledValue"), "decimal", value="0")
        return
    elements = _sub(policy, "elements")
    name = field.registry_name
    if field.kind is Kind.NUMBER:
        _sub(
            elements,
            "decimal",
            id=name,
            valueName=name,
            required="true",
            minValue=str(field.minimum or 0),
            maxValue=str(field.maximum or 0),
        )
    elif field.kind is Kind.CHOICE:
        choices = _sub(elements, "enum", id=name, valueName=name, required="true")
        for choice in field.choices:
            item = _sub(choices, "item", displayName=f"$(string.{choice_id(field, choice)})")
            _sub(_sub(item, "value"), "string").text = choice
    else:
        text = {"id": name, "valueName": name, "required": "true"}
        if field.max_length is not None:
            text["maxLength"] = str(field.max_length)
        _sub(elements, "text", **text)


def admx() -> ET.Element:
    root = _root("policyDefinitions")
    namespaces = _sub(root, "policyNamespaces")
    _sub(namespaces, "target", prefix="intranet", namespace=TARGET_NAMESPACE)
    _sub(namespaces, "using", prefix="windows", namespace="Microsoft.Policies.Windows")
    _sub(root, "resources", minRequiredRevision=REVISION)
    definitions = _sub(_sub(root, "supportedOn"), "definitions")
    _sub(
        definitions,
        "definition",
        name="SUPPORTED_Intranet",
        displayName="$(string.SUPPORTED_Intranet)",
    )
    categories = _sub(root, "categories")
    _sub(categories, "category", name=VENDOR, displayName=f"$(string.{VENDOR})")
    product = _sub(categories, "category", name=PRODUCT, displayName=f"$(string.{PRODUCT})")
    _sub(product, "parentCategory", ref=VENDOR)
    policies = _sub(root, "policies")
    for field in POLICY_FIELDS:
        _policy(policies, field)
    return root


def adml(language: str) -> ET.Element:
    root = _root("policyDefinitionResources")
    _sub(root, "displayName").text = TEMPLATE_NAME.in_language(language)
    _sub(root, "description").text = TEMPLATE_DESCRIPTION.in_language(language)
    resources = _sub(root, "resources")
    strings = _sub(resources, "stringTable")

    def string(identifier: str, text: str) -> None:
        _sub(strings, "string", id=identifier).text = text

    string(VENDOR, VENDOR_CATEGORY.in_language(language))
    string(PRODUCT, PRODUCT_CATEGORY.in_language(language))
    string("SUPPORTED_Intranet", SUPPORTED.in_language(language))
    for field in POLICY_FIELDS:
        string(field.registry_name, field.title.in_language(language))
        string(explain_id(field), field.explanation.in_language(language))
        for choice in field.choices:
            string(choice_id(field, choice), NATIVE_LANGUAGE_NAMES.get(choice, choice))
    presentations = _sub(resources, "presentationTable")
    for field in POLICY_FIELDS:
        if not has_presentation(field):
            continue
        presentation = _sub(presentations, "presentation", id=field.registry_name)
        label = field.title.in_language(language)
        name = field.registry_name
        if field.kind is Kind.NUMBER:
            _sub(presentation, "decimalTextBox", refId=name).text = label
        elif field.kind is Kind.CHOICE:
            _sub(presentation, "dropdownList", refId=name, noSort="true").text = label
        else:
            box = _sub(presentation, "textBox", refId=name)
            _sub(box, "label").text = label
    return root


def serialize(root: ET.Element) -> bytes:
    ET.register_namespace("", NAMESPACE)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()


def templates() -> dict[str, bytes]:
    """Relative path → content, every file of the templates."""
    files = {f"{BASE_NAME}.admx": serialize(admx())}
    for culture, language in CULTURES.items():
        files[f"{culture}/{BASE_NAME}.adml"] = serialize(adml(language))
    return files


def write(output: Path) -> list[Path]:
    written = []
    for relative, content in templates().items():
        path = output / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    for path in write(output):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
