"""Template upgrade safety and team customization: `streams-codegen templates`, `templates eject`,
and `generate/check --templates DIR` layering a team's folder over ours over the library's."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT
from support.generated_client import model_file
from support.spec_examples import request_schema_name

from generator.cli import main
from generator.codegen.templates import OVERRIDE, eject, sha256_of, templates, upstream_templates_dir
from generator.errors import CodegenError
from generator.output import read_tree

API_INIT = Path("generated/atlas-streams-client/atlas_streams/api/__init__.py")
UPSTREAM_DOCSTRING = '""" Contains methods for accessing the API """'


def test_no_original_we_override_changed_since_it_was_copied() -> None:
    """Fails after an openapi-python-client upgrade that changes a template we override."""
    overrides = [template for template in templates([ROOT / "templates"]) if template.kind == OVERRIDE]

    stale = [f"templates/{template.name}: {template.problem}" for template in overrides if template.problem]

    assert len(overrides) == 13
    assert not stale, "port the library's changes, then record the new sha256:\n" + "\n".join(stale)


def test_changed_original_is_named(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = project / "templates/model.py.jinja"
    text = template.read_text(encoding="utf-8")
    template.write_text(re.sub(r"\(sha256 [0-9a-f]{64}\)", f"(sha256 {'0' * 64})", text, count=1), encoding="utf-8")

    code = main(["templates"])

    out, err = capsys.readouterr()
    assert code == 1
    assert "model.py.jinja" in out and "override: original changed since the copy" in out
    assert err.startswith(
        "templates/model.py.jinja: original changed since the copy: templates/model.py.jinja (hint: port"
    )


def test_listing_shows_where_each_template_comes_from(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["templates"])

    rows = {line.split()[0]: line.split(None, 1)[1] for line in capsys.readouterr().out.splitlines()[:-1]}
    assert code == 0
    assert re.fullmatch(r"templates/\s+ours", rows["cli.py.jinja"])
    assert re.fullmatch(r"templates/\s+ours", rows["runtime/_auth.py"])
    assert re.fullmatch(r"templates/\s+override: original unchanged", rows["model.py.jinja"])
    assert re.fullmatch(r"openapi-python-client 0\.29\.1\s+default", rows["api_init.py.jinja"])


def test_eject_copies_the_original_under_a_header_and_changes_no_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = upstream_templates_dir() / "api_init.py.jinja"

    code = main(["templates", "eject", "api_init.py.jinja"])

    header, body = (project / "templates/api_init.py.jinja").read_text(encoding="utf-8").split("\n", 1)
    assert code == 0
    assert header.startswith(
        f"{{# Override of openapi-python-client 0.29.1 templates/api_init.py.jinja (sha256 {sha256_of(original)}): "
    )
    assert body == original.read_text(encoding="utf-8")
    main(["generate"])
    assert ": 0 added, 0 changed, 0 removed in " in capsys.readouterr().out


def test_eject_refuses_a_name_the_library_does_not_have(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["templates", "eject", "nope.py.jinja"])

    assert code == 2
    assert capsys.readouterr().err == (
        "error: no template 'nope.py.jinja' (hint: `streams-codegen templates` lists the names)\n"
    )


@pytest.mark.parametrize(
    "name",
    [
        "../../openapi_python_client/templates/model.py.jinja",
        "../templates/model.py.jinja",
        "property_templates/../../escape.py.jinja",
        "/etc/model.py.jinja",
    ],
)
def test_eject_refuses_a_name_that_leaves_the_template_folder(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    before = read_tree(project), sorted(os.listdir(project.parent))

    code = main(["templates", "eject", name, "--into", "team"])

    assert (code, capsys.readouterr().err) == (
        2,
        f"error: template name {name!r} is not a plain relative name "
        "(hint: use a name as `streams-codegen templates` lists it, such as model.py.jinja)\n",
    )
    assert (read_tree(project), sorted(os.listdir(project.parent))) == before


SEGMENTS = st.sampled_from(["..", ".", "", "property_templates", "model.py.jinja", "team", "x.jinja"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segments=st.lists(SEGMENTS, min_size=1, max_size=5), absolute=st.booleans())
def test_eject_writes_only_inside_the_folder_it_copies_into(
    tmp_path: Path, segments: list[str], absolute: bool
) -> None:
    name = ("/" if absolute else "") + "/".join(segments)
    into = tmp_path / "layers" / "team"
    into.mkdir(parents=True, exist_ok=True)

    try:
        written, _ = eject(name, into, [into, ROOT / "templates"])
    except CodegenError:
        written = None

    outside = [path for path in tmp_path.rglob("*") if path.is_file() and not path.is_relative_to(into)]
    assert not outside
    if written is not None:
        written.unlink()
        assert written.resolve().is_relative_to(into.resolve())


def test_eject_does_not_follow_a_link_out_of_the_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "team").mkdir()
    (project / "team/property_templates").symlink_to(project / "spec", target_is_directory=True)

    code = main(["templates", "eject", "property_templates/date_property.py.jinja", "--into", "team"])

    assert code == 2
    assert "would be written outside team" in capsys.readouterr().err
    assert not (project / "spec/date_property.py.jinja").exists()


def test_eject_keeps_an_existing_copy(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / "templates/model.py.jinja").read_bytes()

    code = main(["templates", "eject", "model.py.jinja"])

    assert code == 2
    assert "templates/model.py.jinja: error: model.py.jinja is already there" in capsys.readouterr().err
    assert (project / "templates/model.py.jinja").read_bytes() == before


def test_eject_into_a_team_folder_copies_our_override_so_that_generation_is_unchanged(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["templates", "eject", "model.py.jinja", "--into", "team"])

    assert code == 0
    assert "from templates/model.py.jinja" in capsys.readouterr().out
    assert (project / "team/model.py.jinja").read_bytes() == (project / "templates/model.py.jinja").read_bytes()
    assert main(["check", "--templates", "team"]) == 0


def test_eject_original_copies_the_librarys_template_under_a_fresh_header(project: Path) -> None:
    code = main(["templates", "eject", "model.py.jinja", "--into", "team", "--original"])

    header, body = (project / "team/model.py.jinja").read_text(encoding="utf-8").split("\n", 1)
    assert code == 0
    assert header.startswith("{# Override of openapi-python-client 0.29.1 templates/model.py.jinja (sha256 ")
    assert body == (upstream_templates_dir() / "model.py.jinja").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["cli.py.jinja", "runtime/_auth.py"])
def test_eject_copies_a_template_of_ours_that_the_library_lacks(project: Path, name: str) -> None:
    code = main(["templates", "eject", name, "--into", "team"])

    assert code == 0
    assert (project / "team" / name).read_bytes() == (project / "templates" / name).read_bytes()


def test_team_customization_of_a_library_template(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README walkthrough: eject into a team folder, edit, regenerate, see the change."""
    main(["templates", "eject", "api_init.py.jinja", "--into", "team-templates"])
    ejected = project / "team-templates/api_init.py.jinja"
    text = ejected.read_text(encoding="utf-8")
    ejected.write_text(
        text.replace(UPSTREAM_DOCSTRING, '"""Atlas Streams API. Owner: data-platform team."""'), encoding="utf-8"
    )

    code = main(["generate", "--templates", "team-templates"])

    out = capsys.readouterr().out
    assert code == 0 and ": 0 added, 1 changed, 0 removed in " in out
    first_line = (project / API_INIT).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == '"""Atlas Streams API. Owner: data-platform team."""'


def test_team_folder_wins_over_our_templates(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = project / "team-templates"
    team.mkdir()
    ours = (project / "templates/model.py.jinja").read_text(encoding="utf-8")
    (team / "model.py.jinja").write_text(
        ours.replace("@_attrs_define", "# reviewed by the team\n@_attrs_define"), encoding="utf-8"
    )

    code = main(["check", "--templates", "team-templates"])

    out = capsys.readouterr().out
    assert code == 1
    model = Path("generated/atlas-streams-client") / model_file(request_schema_name())  # any model would do
    assert f"+++ b/{model.as_posix()}" in out and "+# reviewed by the team\n" in out


def test_team_runtime_module_wins_over_ours_and_is_copied_as_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "team-templates/runtime").mkdir(parents=True)
    ours = (project / "templates/runtime/_auth.py").read_text(encoding="utf-8")
    (project / "team-templates/runtime/_auth.py").write_text(ours + '\n\nREVIEWED_BY = "team"\n', encoding="utf-8")

    listed = main(["templates", "--templates", "team-templates"])
    listing = capsys.readouterr().out
    code = main(["check", "--templates", "team-templates"])

    out = capsys.readouterr().out
    assert listed == 0 and re.search(r"^runtime/_auth\.py\s+team-templates/\s+ours$", listing, re.MULTILINE)
    assert code == 1
    assert "+++ b/generated/atlas-streams-client/atlas_streams/_auth.py" in out and '+REVIEWED_BY = "team"\n' in out


def test_missing_team_folder_is_bad_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["generate", "--templates", "no-such-folder"])

    assert code == 2
    assert capsys.readouterr().err.startswith("no-such-folder: error: template folder not found")


def test_check_with_a_team_folder_names_the_generate_command_that_uses_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["templates", "eject", "models_init.py.jinja", "--into", "team"])
    team = project / "team/models_init.py.jinja"
    team.write_text(team.read_text(encoding="utf-8") + "\n# the team's line\n", encoding="utf-8")
    capsys.readouterr()

    code = main(["check", "--templates", "team"])

    assert code == 1
    assert capsys.readouterr().err.rstrip().endswith("to fix, run: streams-codegen generate --templates team")
