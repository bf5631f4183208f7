"""The generated package is a real, clean Python distribution."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest
from openapi_python_client.strings import ClassName, snake_case
from support import CLIENT_DIR, ROOT, SPEC_PATH
from support.generated_client import (
    PACKAGE,
    attribute,
    model_class,
    operation,
    operation_module_name,
    operation_slug,
    success_model,
)
from support.spec_examples import (
    atlas_reference_links,
    body_operation,
    discriminated_list,
    documented_headers,
    documented_parameters,
    documented_statuses,
    request_schema_name,
    response_media,
    spec_data,
    success_status,
)

from generator.codegen.project import render_project
from generator.codegen.templates import reserved_names
from generator.config import load_settings
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec
from generator.spec.pointers import follow_refs
from generator.spec.schema_facts import discriminators
from generator.spec.vocabulary import operations

CLIENT = CLIENT_DIR
PYTHON_TYPES = {"boolean": "bool", "integer": "int", "number": "float", "string": "str"}


def run(*command: str | Path, cwd: Path = CLIENT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False)


def rendered(data: dict[str, Any], tmp_path: Path) -> Path:
    """The client code alone (no docs, not formatted) generated from the spec `data` below `tmp_path`."""
    settings = load_settings(ROOT / "pyproject.toml")
    package = tmp_path / "atlas-streams-client"
    layers = [settings.templates]
    render_project(apply_spec_fixes(data), settings, layers, reserved_names(layers), package)
    return package


def test_generated_package_passes_mypy_strict() -> None:
    result = run(sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", "atlas_streams")

    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_passes_ruff_check() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "--no-cache", ".")

    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_declares_its_names() -> None:
    pyproject = (CLIENT / "pyproject.toml").read_text(encoding="utf-8")

    assert 'name = "atlas-streams-client"' in pyproject
    assert 'build-backend = "hatchling.build"' in pyproject
    assert (CLIENT / "atlas_streams/py.typed").is_file()


def test_generated_package_installs_into_a_fresh_venv(tmp_path: Path) -> None:
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv/bin/python"

    install = run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", CLIENT, cwd=tmp_path)
    assert install.returncode == 0, install.stderr

    probe = run(python, "-c", f"import {operation_module_name()} as e; print(e.sync.__name__)", cwd=tmp_path)
    assert probe.stdout.strip() == "sync", probe.stderr


def test_operation_docstrings_describe_each_parameter() -> None:
    for function in (operation.sync, operation.asyncio_detailed):
        text = " ".join((function.__doc__ or "").split())
        for _, parameter in documented_parameters():
            kind = PYTHON_TYPES[parameter["schema"]["type"]] + ("" if parameter.get("required") else " | Unset")
            words = " ".join(parameter["description"].split()[:6])
            assert f"{attribute(parameter['name'])} ({kind}): {words}" in text


def test_operation_docstrings_link_to_the_atlas_reference_as_the_docs_do() -> None:
    links = atlas_reference_links() or pytest.skip("no parameter description links into the Atlas reference")
    docs = (CLIENT / f"docs/operations/{operation_slug()}.md").read_text(encoding="utf-8")
    for function in (operation.sync, operation.asyncio_detailed):
        text = function.__doc__ or ""

        assert all(link in text for link in links) and "](#" not in text
    assert all(link in docs for link in links)


def test_operation_docstrings_start_every_paragraph_at_the_margin() -> None:
    for function in (operation.sync, operation.asyncio_detailed):
        lines = inspect.cleandoc(function.__doc__ or "").splitlines()

        starts = [line for before, line in zip(["", *lines], lines, strict=False) if not before and line]

        assert starts and not [line for line in starts if line.startswith(" ")], starts


def test_models_that_refer_to_each_other_import_and_parse(tmp_path: Path) -> None:
    # The curated spec has no cycle through properties; upstream specs do. Neither module may need the other's
    # class before defining its own (models/__init__.py imports Inner, which refers to Outer, first).
    data = load_spec(SPEC_PATH).data
    schemas = data["components"]["schemas"]
    schemas["Outer"] = {"type": "object", "properties": {"inner": {"$ref": "#/components/schemas/Inner"}}}
    schemas["Inner"] = {"type": "object", "properties": {"outer": {"$ref": "#/components/schemas/Outer"}}}
    schemas[request_schema_name()]["properties"]["outer"] = {"$ref": "#/components/schemas/Outer"}
    package = rendered(data, tmp_path)
    parse = 'from atlas_streams.models import Outer; print(Outer.from_dict({"inner": {"outer": {}}}).to_dict())'

    result = run(sys.executable, "-c", parse, cwd=package)

    assert (result.stderr, result.stdout) == ("", "{'inner': {'outer': {}}}\n")


def subtype_table(parent: str) -> dict[str, Any]:
    """The table (discriminator value -> class) through which the models read `parent`'s subtypes, from the model
    module that holds it: _<PARENT>_SUBTYPES."""
    name = f"_{snake_case(parent).upper()}_SUBTYPES"
    folder = CLIENT / PACKAGE / "models"
    holders = [path.stem for path in sorted(folder.glob("*.py")) if name in path.read_text(encoding="utf-8")]
    assert holders, f"no model module holds {name}"
    table: dict[str, Any] = getattr(importlib.import_module(f"{PACKAGE}.models.{holders[0]}"), name)
    return table


@pytest.mark.parametrize("parent", sorted(discriminators(spec_data())))
def test_a_discriminated_union_has_the_spec_mapping_as_its_table(parent: str) -> None:
    mapping = discriminators(spec_data())[parent].mapping

    subtypes = {value: model.__name__ for value, model in subtype_table(parent).items()}

    assert subtypes == {value: str(ClassName(name, "")) for value, name in mapping.items()}


def test_a_discriminator_value_maps_to_its_model_through_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    name, union = discriminated_list(response_media(success=True)[1]["schema"])
    facts = discriminators(spec_data())[union]
    if len(facts.mapping) < 2 or facts.fallback is None:
        pytest.skip(f"{union} has fewer than two subtypes or no fallback")
    (first, first_model), (second, second_model), *_ = facts.mapping.items()
    monkeypatch.setitem(subtype_table(union), first, model_class(second_model))

    tag = facts.property_name
    parsed = success_model().from_dict({name: [{tag: first}, {tag: second}, {tag: "New"}]})

    assert [type(member) for member in getattr(parsed, attribute(name))] == [
        model_class(second_model),
        model_class(second_model),
        model_class(facts.fallback),
    ]


def test_discriminated_unions_anywhere_type_check_and_parse(tmp_path: Path) -> None:
    # The curated spec has them only as required properties and list items; a response, an optional and a
    # nullable property take the other ways through the templates.
    _, union = discriminated_list(response_media(success=True)[1]["schema"])
    facts = discriminators(spec_data())[union]
    if len(facts.mapping) < 2:
        pytest.skip(f"{union} has fewer than two subtypes")
    (first, first_model), (second, second_model), *_ = facts.mapping.items()
    data = load_spec(SPEC_PATH).data
    holder, tag = ClassName(request_schema_name(), ""), facts.property_name
    member = {"$ref": f"#/components/schemas/{union}"}
    data["components"]["schemas"][request_schema_name()]["properties"] |= {
        "primary": member,
        "backup": {"oneOf": [member], "nullable": True},
    }
    response = follow_refs(data, (*body_operation().pointer, "responses", str(success_status())))[1]
    (success,) = response["content"].values()
    success["schema"] = member
    package = rendered(data, tmp_path)
    parse = (
        f"from {operation_module_name()} import _parse_success\n"
        f"from atlas_streams.models import {holder}\n"
        f"holder = {holder}.from_dict({{'primary': {{'{tag}': '{first}'}}, 'backup': None}})\n"
        f"print(type(_parse_success({{'{tag}': '{second}'}})).__name__, type(holder.primary).__name__, holder.backup)\n"
        f"print({holder}.from_dict({{'backup': {{'{tag}': 'New'}}}}).to_dict())"
    )

    typed = run(sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", "atlas_streams", cwd=package)
    parsed = run(sys.executable, "-c", parse, cwd=package)

    assert typed.returncode == 0, typed.stdout
    assert (parsed.stderr, parsed.stdout) == (
        "",
        f"{ClassName(second_model, '')} {ClassName(first_model, '')} None\n{{'backup': {{'{tag}': 'New'}}}}\n",
    )


def response_headers() -> dict[str, bool]:
    """Each header that a response of the operation documents, once, and whether it is an integer (Retry-After
    is the retry policy's, not an attribute)."""
    documented = {
        name: header for status in documented_statuses() for name, header in documented_headers(status).items()
    }
    return {
        name: h["schema"].get("type") == "integer" for name, h in documented.items() if name.lower() != "retry-after"
    }


def test_response_has_an_attribute_for_each_response_header_the_spec_documents(tmp_path: Path) -> None:
    # The spec loses its last documented header, if it has one (in every response of every operation), and gains
    # X-Request-Id on one success response.
    headers = response_headers()
    removed = list(headers)[-1] if headers else "X-Never-Documented"
    kept = [name for name in headers if name != removed]
    data = load_spec(SPEC_PATH).data
    for key, documented in operations(data).items():
        for status in documented.get("responses", {}):
            response = follow_refs(data, (*key.pointer, "responses", status))[1]
            response.get("headers", {}).pop(removed, None)
    success = follow_refs(data, (*body_operation().pointer, "responses", str(success_status())))[1]
    success.setdefault("headers", {})["X-Request-Id"] = {"description": "Trace id.", "schema": {"type": "string"}}
    package = rendered(data, tmp_path)
    sent = {name: "5" for name in [*kept, removed]} | {"X-Request-Id": "abc"}
    read = [attribute(name) for name in [*kept, "X-Request-Id"]]
    probe = (
        "from atlas_streams.types import Response\n"
        f"r = Response(200, b'', {sent!r}, None)\n"
        f"print([getattr(r, name) for name in {read!r}], hasattr(r, {attribute(removed)!r}))"
    )

    result = run(sys.executable, "-c", probe, cwd=package)

    expected = [5 if headers[name] else "5" for name in kept] + ["abc"]
    assert (result.stderr, result.stdout) == ("", f"{expected} False\n")
