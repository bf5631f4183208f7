"""The generated package is a real, clean Python distribution."""

from __future__ import annotations

import inspect
import subprocess
import sys
import venv
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from atlas_streams.api.streams import create_stream_workspace
from atlas_streams.models import (
    StreamsConnectionBase,
    StreamsS3Connection,
    StreamsSampleConnection,
    StreamsTenant,
    streams_schema_registry_connection,
    streams_tenant,
)
from support import ROOT, SPEC_PATH
from support.spec_examples import body_operation

from generator.codegen.project import render_project
from generator.config import load_settings
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec
from generator.spec.pointers import node_at

CLIENT = ROOT / "generated/atlas-streams-client"


def run(*command: str | Path, cwd: Path = CLIENT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False)


def rendered(data: dict[str, Any], tmp_path: Path) -> Path:
    """The client code alone (no docs, not formatted) generated from the spec `data` below `tmp_path`."""
    settings = load_settings(ROOT / "pyproject.toml")
    package = tmp_path / "atlas-streams-client"
    render_project(apply_spec_fixes(data), settings, [settings.templates], package)
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

    probe = run(
        python,
        "-c",
        "from atlas_streams.api.streams import create_stream_workspace; print(create_stream_workspace.sync.__name__)",
        cwd=tmp_path,
    )
    assert probe.stdout.strip() == "sync", probe.stderr


def test_operation_docstrings_describe_each_parameter() -> None:
    for function in (create_stream_workspace.sync, create_stream_workspace.asyncio_detailed):
        text = " ".join((function.__doc__ or "").split())
        assert "group_id (str): 24-character hexadecimal ID of the project that will own" in text
        assert "envelope (bool | Unset): Set to true to have Atlas wrap the response" in text
        assert "pretty (bool | Unset): Set to true to receive an indented" in text


def test_operation_docstrings_link_to_the_atlas_reference_as_the_docs_do() -> None:
    link = (
        "[/groups](https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Projects/operation/listProjects)"
    )
    for function in (create_stream_workspace.sync, create_stream_workspace.asyncio_detailed):
        text = function.__doc__ or ""

        assert link in text and "](#" not in text
    docs = (CLIENT / "docs/operations/create_stream_workspace.md").read_text(encoding="utf-8")
    assert link in docs


def test_operation_docstrings_start_every_paragraph_at_the_margin() -> None:
    for function in (create_stream_workspace.sync, create_stream_workspace.asyncio_detailed):
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
    schemas["StreamsTenant"]["properties"]["outer"] = {"$ref": "#/components/schemas/Outer"}
    package = rendered(data, tmp_path)
    parse = 'from atlas_streams.models import Outer; print(Outer.from_dict({"inner": {"outer": {}}}).to_dict())'

    result = run(sys.executable, "-c", parse, cwd=package)

    assert (result.stderr, result.stdout) == ("", "{'inner': {'outer': {}}}\n")


@pytest.mark.parametrize(
    ("module", "parent", "table"),
    [
        (streams_tenant, "StreamsConnection", "_STREAMS_CONNECTION_SUBTYPES"),
        (
            streams_schema_registry_connection,
            "SchemaRegistryAuthentication",
            "_SCHEMA_REGISTRY_AUTHENTICATION_SUBTYPES",
        ),
    ],
)
def test_a_discriminated_union_has_the_spec_mapping_as_its_table(module: ModuleType, parent: str, table: str) -> None:
    mapping = load_spec(SPEC_PATH).data["components"]["schemas"][parent]["discriminator"]["mapping"]

    subtypes = {value: model.__name__ for value, model in getattr(module, table).items()}

    assert subtypes == {value: ref.rpartition("/")[2] for value, ref in mapping.items()}


def test_a_discriminator_value_maps_to_its_model_through_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(streams_tenant._STREAMS_CONNECTION_SUBTYPES, "Kafka", StreamsS3Connection)

    tenant = StreamsTenant.from_dict({"connections": [{"type": "Kafka"}, {"type": "Sample"}, {"type": "New"}]})

    assert [type(c) for c in tenant.connections or []] == [
        StreamsS3Connection,
        StreamsSampleConnection,
        StreamsConnectionBase,
    ]


def test_discriminated_unions_anywhere_type_check_and_parse(tmp_path: Path) -> None:
    # The curated spec has them only as required properties and list items; a response, an optional and a
    # nullable property take the other ways through the templates.
    data = load_spec(SPEC_PATH).data
    connection = {"$ref": "#/components/schemas/StreamsConnection"}
    data["components"]["schemas"]["StreamsTenant"]["properties"] |= {
        "primary": connection,
        "backup": {"oneOf": [connection], "nullable": True},
    }
    (success,) = node_at(data, body_operation().pointer)["responses"]["200"]["content"].values()
    success["schema"] = connection
    package = rendered(data, tmp_path)
    parse = (
        "from atlas_streams.api.streams.create_stream_workspace import _parse_success\n"
        "from atlas_streams.models import StreamsTenant\n"
        "tenant = StreamsTenant.from_dict({'primary': {'type': 'Kafka'}, 'backup': None})\n"
        "print(type(_parse_success({'type': 'S3'})).__name__, type(tenant.primary).__name__, tenant.backup)\n"
        "print(StreamsTenant.from_dict({'backup': {'type': 'New'}}).to_dict())"
    )

    typed = run(sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", "atlas_streams", cwd=package)
    parsed = run(sys.executable, "-c", parse, cwd=package)

    assert typed.returncode == 0, typed.stdout
    assert (parsed.stderr, parsed.stdout) == (
        "",
        "StreamsS3Connection StreamsKafkaConnection None\n{'backup': {'type': 'New'}}\n",
    )


def test_response_has_an_attribute_for_each_response_header_the_spec_documents(tmp_path: Path) -> None:
    data = load_spec(SPEC_PATH).data
    responses = [
        node_at(data, body_operation().pointer)["responses"]["200"],
        data["components"]["responses"]["tooManyRequests"],
    ]
    for response in responses:
        del response["headers"]["RateLimit-Remaining"]
    responses[0]["headers"]["X-Request-Id"] = {"description": "Trace id.", "schema": {"type": "string"}}
    package = rendered(data, tmp_path)
    probe = (
        "from atlas_streams.types import Response\n"
        "r = Response(200, b'', {'RateLimit-Limit': '5', 'X-Request-Id': 'abc'}, None)\n"
        "print(r.rate_limit_limit, r.x_request_id, hasattr(r, 'rate_limit_remaining'))"
    )

    result = run(sys.executable, "-c", probe, cwd=package)

    assert (result.stderr, result.stdout) == ("", "5 abc False\n")
