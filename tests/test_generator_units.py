"""The toolkit's own pieces, one behaviour each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from project_copy import ROOT

from generator.config import load_settings
from generator.errors import CodegenError
from generator.lint.stages import lint
from generator.output import compare, replace_directory
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec, round_trip_yaml
from generator.spec.schema_facts import discriminators, read_only_properties, write_only_properties


@pytest.fixture(scope="module")
def spec_data() -> dict[str, object]:
    return load_spec(ROOT / "spec/streams.yaml").data


def test_spec_fix_names_the_operation_from_the_xgen_override(spec_data: dict[str, object]) -> None:
    fixed = apply_spec_fixes(spec_data)

    operation = fixed["paths"]["/api/atlas/v2/groups/{groupId}/streams"]["post"]  # type: ignore[index]
    assert operation["operationId"] == "createStreamWorkspace"


def test_spec_fixes_leave_their_input_alone(spec_data: dict[str, object]) -> None:
    apply_spec_fixes(spec_data)

    operation = spec_data["paths"]["/api/atlas/v2/groups/{groupId}/streams"]["post"]  # type: ignore[index]
    assert operation["operationId"] == "createGroupStreamWorkspace"


def test_read_only_facts_include_inherited_and_schema_level_read_only(spec_data: dict[str, object]) -> None:
    facts = read_only_properties(spec_data)

    assert facts["StreamsTenant"] == {"_id", "connections", "groupId", "hostnames", "links"}
    assert {"id", "links", "state"} <= facts["StreamsKafkaConnection"]  # from StreamsConnectionBase via allOf
    assert "badRequestDetail" in facts["ApiError"]  # BadRequestDetail is readOnly as a whole


def test_discriminator_facts_keep_the_whole_mapping(spec_data: dict[str, object]) -> None:
    connection = discriminators(spec_data)["StreamsConnection"]

    assert connection.property_name == "type"
    assert len(connection.mapping) == 10
    assert connection.mapping["S3"] == "StreamsS3Connection"


def test_settings_resolve_paths_against_the_pyproject_directory() -> None:
    settings = load_settings(ROOT / "pyproject.toml")

    assert settings.spec == ROOT / "spec/streams.yaml"
    assert settings.output == ROOT / "generated/atlas-streams-client"
    assert (settings.project_name, settings.package_name) == ("atlas-streams-client", "atlas_streams")


def test_settings_with_a_missing_key_are_an_error(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.streams-codegen]\nspec = "s.yaml"\n', encoding="utf-8")

    with pytest.raises(CodegenError, match="missing settings key"):
        load_settings(pyproject)


def test_compare_sorts_files_into_added_changed_removed() -> None:
    changes = compare({"a": b"1", "b": b"2"}, {"b": b"3", "c": b"4"})

    assert (changes.added, changes.changed, changes.removed) == (["c"], ["b"], ["a"])


def test_replace_directory_swaps_in_the_new_tree(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old/stale.txt").write_text("stale", encoding="utf-8")
    (tmp_path / "new").mkdir()
    (tmp_path / "new/fresh.txt").write_text("fresh", encoding="utf-8")

    replace_directory(tmp_path / "new", tmp_path / "old")

    assert sorted(p.name for p in tmp_path.iterdir()) == ["old"]
    assert [p.name for p in (tmp_path / "old").iterdir()] == ["fresh.txt"]


def test_console_script_and_module_entry_point_agree() -> None:
    script = Path(sys.executable).parent / "streams-codegen"
    by_script = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    by_module = subprocess.run(
        [sys.executable, "-m", "generator", "--version"], capture_output=True, text=True, check=True
    )

    assert by_script.stdout == by_module.stdout
    assert by_script.stdout.startswith("streams-codegen ")


def test_spec_fix_requires_write_only_properties_in_requests_only(spec_data: dict[str, object]) -> None:
    fixed = apply_spec_fixes(spec_data)

    schemas = fixed["components"]["schemas"]  # type: ignore[index]
    assert schemas["ConfluentUserInfoAuthentication"]["required"] == ["type", "username"]
    assert schemas["SchemaRegistryAuthenticationBase"]["required"] == ["type"]  # nothing writeOnly there


def test_spec_fix_gives_each_parameter_schema_the_parameter_description(spec_data: dict[str, object]) -> None:
    fixed = apply_spec_fixes(spec_data)

    parameters = fixed["components"]["parameters"]  # type: ignore[index]
    assert {name: p["schema"].get("description") for name, p in parameters.items()} == {
        name: p["description"] for name, p in parameters.items()
    }


def test_spec_fix_keeps_a_parameter_schema_description_of_its_own() -> None:
    parameter = {"name": "n", "in": "query", "description": "The parameter.", "schema": {"description": "The value."}}

    fixed = apply_spec_fixes({"components": {"parameters": {"n": parameter}}})

    assert fixed["components"]["parameters"]["n"]["schema"]["description"] == "The value."


def test_write_only_facts_include_inherited_properties(spec_data: dict[str, object]) -> None:
    facts = write_only_properties(spec_data)

    assert facts["ConfluentUserInfoAuthentication"] == {"password"}
    assert facts["StreamsKafkaAuthentication"] == {"clientSecret", "password", "sslKey", "sslKeyPassword"}


def test_command_line_loads_no_heavy_module_before_a_command_needs_it() -> None:
    # `--help` and upstream-diff must stay fast: lint's validators and openapi-python-client take
    # most of a second to import.
    heavy = ("generator.lint", "generator.pipeline", "openapi_spec_validator", "openapi_python_client", "pydantic")
    probe = f"import sys, generator.cli; print([m for m in {heavy!r} if m in sys.modules])"

    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)

    assert loaded.stdout == "[]\n"


@pytest.mark.parametrize("path", ["spec/streams.yaml", "spec/i18n/ko.yaml", "templates/docs/locales/ko.yaml"])
def test_fast_loader_and_round_trip_loader_read_the_same_data(path: str) -> None:
    spec = load_spec(ROOT / path)

    assert spec.data == json.loads(json.dumps(round_trip_yaml().load(spec.text), default=str))


def test_a_clean_spec_is_linted_without_building_the_round_trip_tree() -> None:
    # ruamel.yaml's pure-Python loader is most of a generation's time: only findings need positions.
    spec = load_spec(ROOT / "spec/streams.yaml")

    findings = lint(spec)

    assert findings == []
    assert "tree" not in vars(spec)


def test_a_duplicate_key_is_named_by_the_round_trip_loader(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("openapi: 3.0.1\nopenapi: 3.0.2\n", encoding="utf-8")

    with pytest.raises(CodegenError, match="duplicate key") as raised:
        load_spec(path)

    assert raised.value.line == 2 and raised.value.hint is not None


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    script = Path(sys.executable).parent / "streams-codegen"
    listing = subprocess.Popen([script, "templates"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout is not None
    listing.stdout.close()  # like `| head -0`: gone before the listing is written

    _, err = listing.communicate()

    assert listing.returncode == 0
    assert b"Traceback" not in err
