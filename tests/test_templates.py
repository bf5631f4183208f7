"""Template upgrade safety and team customization: `streams-codegen templates`, `templates eject`,
and `generate/check --templates DIR` layering a team's folder over ours over the library's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import ROOT
from support.generated_client import model_file
from support.spec_examples import request_schema_name

from generator.cli import main
from generator.codegen.templates import OVERRIDE, sha256_of, templates, upstream_templates_dir

MODELS_INIT = Path("generated/atlas-streams-client/atlas_streams/models/__init__.py")
UPSTREAM_DOCSTRING = '""" Contains all the data models used in inputs/outputs """'


def test_no_original_we_override_changed_since_it_was_copied() -> None:
    """Fails after an openapi-python-client upgrade that changes a template we override."""
    overrides = [template for template in templates([ROOT / "templates"]) if template.kind == OVERRIDE]

    stale = [f"templates/{template.name}: {template.problem}" for template in overrides if template.problem]

    assert len(overrides) == 11
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
    assert re.fullmatch(r"openapi-python-client 0\.29\.1\s+default", rows["models_init.py.jinja"])


def test_eject_copies_the_original_under_a_header_and_changes_no_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = upstream_templates_dir() / "models_init.py.jinja"

    code = main(["templates", "eject", "models_init.py.jinja"])

    header, body = (project / "templates/models_init.py.jinja").read_text(encoding="utf-8").split("\n", 1)
    assert code == 0
    assert header.startswith(
        f"{{# Override of openapi-python-client 0.29.1 templates/models_init.py.jinja (sha256 {sha256_of(original)}): "
    )
    assert body == original.read_text(encoding="utf-8")
    main(["generate"])
    assert ": 0 added, 0 changed, 0 removed in " in capsys.readouterr().out


def test_eject_refuses_a_name_the_library_does_not_have(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["templates", "eject", "nope.py.jinja"])

    assert code == 2
    assert capsys.readouterr().err == (
        "error: openapi-python-client 0.29.1 has no template 'nope.py.jinja' "
        "(hint: `streams-codegen templates` lists the names)\n"
    )


def test_eject_keeps_an_existing_copy(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / "templates/model.py.jinja").read_bytes()

    code = main(["templates", "eject", "model.py.jinja"])

    assert code == 2
    assert "templates/model.py.jinja: error: model.py.jinja is already there" in capsys.readouterr().err
    assert (project / "templates/model.py.jinja").read_bytes() == before


def test_team_customization_of_a_library_template(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README walkthrough: eject into a team folder, edit, regenerate, see the change."""
    main(["templates", "eject", "models_init.py.jinja", "--into", "team-templates"])
    ejected = project / "team-templates/models_init.py.jinja"
    text = ejected.read_text(encoding="utf-8")
    ejected.write_text(
        text.replace(UPSTREAM_DOCSTRING, '"""Atlas Streams models. Owner: data-platform team."""'), encoding="utf-8"
    )

    code = main(["generate", "--templates", "team-templates"])

    out = capsys.readouterr().out
    assert code == 0 and ": 0 added, 1 changed, 0 removed in " in out
    first_line = (project / MODELS_INIT).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == '"""Atlas Streams models. Owner: data-platform team."""'


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
