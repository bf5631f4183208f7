"""Bad input: one line naming file and line, exit 2, and generated/ exactly as it was.

A broken spec is lint's business: tests/test_lint.py runs generate over the corpus of tests/support/broken_specs.py."""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import ROOT
from support.spec_edit import edited, put

from generator.cli import main
from generator.output import read_tree
from generator.spec.loading import load_spec
from generator.spec.translations import fingerprint
from generator.spec.vocabulary import operations

OUTPUT = Path("generated/atlas-streams-client")


def run_generate(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, dict[str, bytes]]:
    before = read_tree(project / OUTPUT)
    code = main(["generate"])
    err = capsys.readouterr().err
    assert read_tree(project / OUTPUT) == before, "a failed generation must leave generated/ untouched"
    return code, err, before


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line containing `old`; returns its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if old in line:
            lines[number - 1] = line.replace(old, new)
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"{old!r} not in {path}")


def test_unknown_settings_key_names_pyproject_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = replace_line(
        project / "pyproject.toml", 'spec = "spec/streams.yaml"', 'spec = "spec/streams.yaml"\nspce = "x"'
    )

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith(f"pyproject.toml:{line + 1}: error: unknown settings key 'spce' in [tool.streams-codegen]")
    assert "known keys: " in err and err.count("\n") == 1


def test_missing_spec_file_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "spec/streams.yaml").unlink()

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith("spec/streams.yaml: error: cannot read spec")


def test_template_rendering_spec_text_unescaped_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = project / "templates/model.py.jinja"
    line = replace_line(template, "@_attrs_define", "# {{ model.description }}\n@_attrs_define")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith(f"templates/model.py.jinja:{line}: error: template renders a UntrustedString"), err


def test_template_rendering_code_object_unescaped_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = project / "templates/model.py.jinja"
    replace_line(template, "@_attrs_define", "# {{ model.required_properties[0].get_type_string() }}\n@_attrs_define")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert "template renders a PythonCode without an escaping filter" in err


MODEL_TEMPLATE = "templates/model.py.jinja"
MODEL_DESCRIPTION = (
    "{{ model.description | safe_for_docstring | wordwrap(116, break_long_words=False, break_on_hyphens=False) }}"
)
ESCAPE_HINT = (
    "(hint: escape it first: | safe_for_docstring, | in_double_quote_literal, | in_f_string_literal or "
    "| as_unembedded_code)"
)


def generate_with_description_as(
    project: Path, capsys: pytest.CaptureFixture[str], replacement: str
) -> tuple[int, str, int]:
    """Generate after the model template renders its description as `replacement`: (exit status, stderr, the
    template line)."""
    line = replace_line(project / MODEL_TEMPLATE, MODEL_DESCRIPTION, replacement)
    code, err, _ = run_generate(project, capsys)
    return code, err, line


@pytest.mark.parametrize(
    ("replacement", "message"),
    [
        (
            "{{ model.description | lower }}",
            "template passes a UntrustedString to the filter 'lower' without an escaping filter",
        ),
        (
            "{{ model.description | wordwrap(116) }}",
            "template passes a UntrustedString to the filter 'wordwrap' without an escaping filter",
        ),
        (
            '{{ "Model: " ~ model.description }}',
            "template converts a UntrustedString to text without an escaping filter",
        ),
    ],
    ids=["lower", "wordwrap", "concatenation"],
)
def test_spec_text_turned_into_text_without_escaping_fails(
    project: Path, capsys: pytest.CaptureFixture[str], replacement: str, message: str
) -> None:
    code, err, line = generate_with_description_as(project, capsys, replacement)

    assert (code, err) == (2, f"{MODEL_TEMPLATE}:{line}: error: {message} {ESCAPE_HINT}\n")


def test_any_template_failure_is_one_line_at_the_template_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err, line = generate_with_description_as(project, capsys, "{{ model.no_such_field.name }}")

    assert (code, err) == (
        2,
        f"{MODEL_TEMPLATE}:{line}: error: template uses an undefined name: "
        "'openapi_python_client.parser.properties.model_property.ModelProperty object' has no attribute "
        "'no_such_field'\n",
    )


@pytest.mark.parametrize(
    "replacement",
    ["{{ no_such_name }}", "{{ no_such_name | safe_for_docstring }}", "{% for item in no_such_name %}{% endfor %}"],
    ids=["rendered", "through-an-escaping-filter", "iterated"],
)
def test_an_undefined_name_stops_generation_at_its_template_line(
    project: Path, capsys: pytest.CaptureFixture[str], replacement: str
) -> None:
    code, err, line = generate_with_description_as(project, capsys, replacement)

    assert (code, err) == (
        2,
        f"{MODEL_TEMPLATE}:{line}: error: template uses an undefined name: 'no_such_name' is undefined\n",
    )


def test_template_syntax_error_names_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, line = generate_with_description_as(project, capsys, "{{ model.description | }}")

    assert code == 2
    assert err.startswith(f"{MODEL_TEMPLATE}:{line}: error: template syntax: "), err
    assert err.count("\n") == 1


def test_translation_for_a_location_the_spec_lacks_is_a_lint_error_at_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = replace_line(
        project / "spec/i18n/ko.yaml",
        "/components/schemas/StreamsTenant/properties/name/description:",
        "/components/schemas/StreamsTenant/properties/nmae/description:",
    )

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err == (
        f"spec/i18n/ko.yaml:{line}:1: error: translation of '/components/schemas/StreamsTenant/properties/nmae/"
        "description', where the spec has no text (hint: remove it (upstream-diff --apply does), or fix the JSON "
        "pointer)\n"
    )


def test_translation_of_a_text_the_docs_do_not_show_names_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `openapi` is a text of the spec, so lint lets it through; no page shows it.
    translations = project / "spec/i18n/ko.yaml"
    version = load_spec(project / "spec/streams.yaml").data["openapi"]
    edited(translations, translations, put(("/openapi",), {"english": fingerprint(version), "text": "삼"}))
    line = load_spec(translations).position_of(("/openapi",))[0]

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith(f"spec/i18n/ko.yaml:{line}:1: error: translation for '/openapi', which the docs do not show")


def test_unknown_locale_string_names_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = replace_line(project / "templates/docs/locales/ko.yaml", "path_parameters:", "path_parametres:")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err == (
        f"templates/docs/locales/ko.yaml:{line}: error: unknown locale string 'path_parametres' "
        "(hint: the keys are those of en.yaml)\n"
    )


def test_locale_string_with_other_placeholders_names_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = replace_line(project / "templates/docs/locales/ko.yaml", "{model}에서 상속됩니다.", "{모델}에서 상속됩니다.")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith(f"templates/docs/locales/ko.yaml:{line}: error: locale string 'inherited_from' has "), err
    assert "(hint: use exactly those of en.yaml: model)" in err


def test_translations_without_interface_strings_are_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "templates/docs/locales/ko.yaml").unlink()

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith("spec/i18n/ko.yaml: error: translations for locale 'ko' but no interface strings for it")


# --------------------------------------------------------------------------- input no loader or tool may choke on

SPEC = Path("spec/streams.yaml")
# The first operation's summary line, as the spec under test writes it.
SUMMARY = f"summary: {next(iter(operations(load_spec(ROOT / SPEC).data).values()))['summary']}"


def spec_with(project: Path, transform: Callable[[str], str | bytes]) -> None:
    path = project / SPEC
    changed = transform(path.read_text(encoding="utf-8"))
    path.write_bytes(changed if isinstance(changed, bytes) else changed.encode())


def nested_schema(levels: int) -> str:
    """The curated spec as JSON (which is YAML) with a property nesting `levels` object schemas."""
    data = load_spec(ROOT / SPEC).data
    node: dict[str, Any] = {"type": "string"}
    for level in range(levels):
        node = {"type": "object", "properties": {f"level{level}": node}}
    data["components"]["schemas"]["StreamsTenant"]["properties"]["deep"] = node
    return json.dumps(data, indent=1)


def allof_chain(length: int) -> dict[str, Any]:
    data = load_spec(ROOT / SPEC).data
    schemas = data["components"]["schemas"]
    for n in range(length):
        schemas[f"Chain{n}"] = {"allOf": [{"$ref": f"#/components/schemas/Chain{n + 1}"}, {"properties": {}}]}
    schemas[f"Chain{length}"] = {"type": "object"}
    schemas["StreamsTenant"]["properties"]["chain"] = {"$ref": "#/components/schemas/Chain0"}
    return data


# Expectations name the line of the operation's summary as {summary}, and the column just past it as {end}.
UNREADABLE: dict[str, tuple[Callable[[str], str | bytes], str]] = {
    "latin-1 byte": (
        lambda text: text.replace(SUMMARY, "summary: Créer").encode("latin-1"),
        ":{summary}:18: error: not UTF-8",
    ),
    "utf-16": (lambda text: text.encode("utf-16"), ":1:1: error: the file is UTF-16, not UTF-8"),
    "NUL": (
        lambda text: text.replace(SUMMARY, SUMMARY + "\0"),
        ":{summary}:{end}: error: YAML: unacceptable character #x0000",
    ),
    "DEL": (
        lambda text: text.replace(SUMMARY, SUMMARY + "\x7f"),
        ":{summary}:{end}: error: YAML: unacceptable character #x007f",
    ),
    "5000-digit integer": (
        lambda text: text.replace("version: '2.0'", "version: " + "9" * 5000),
        ":9:12: error: YAML: integer longer",
    ),
    "100k flow levels": (
        lambda text: text + "x-deep: " + "[" * 100_000 + "]" * 100_000 + "\n",
        ": error: YAML: nested deeper than 64",
    ),
    "3000 block levels": (
        lambda text: text + "".join(" " * i + f"k{i}:\n" for i in range(3000)) + "v: 1\n",
        ": error: YAML: nested deeper than 64",
    ),
    "200-level schema": (lambda text: nested_schema(200), ": error: YAML: nested deeper than 64"),
    "billion laughs": (
        lambda text: (
            text
            + "x-lol:\n"
            + "".join(f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9) if n else 'lol'}]\n" for n in range(9))
        ),
        ": error: YAML: alias *l",
    ),
}


@pytest.mark.parametrize("command", ["lint", "generate"])
@pytest.mark.parametrize("case", UNREADABLE, ids=list(UNREADABLE))
def test_input_past_what_the_toolkit_takes_is_one_line_with_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    transform, expected = UNREADABLE[case]
    lines = (project / SPEC).read_text(encoding="utf-8").splitlines()
    summary = next(number for number, line in enumerate(lines, start=1) if line.strip() == SUMMARY)
    expected = expected.replace("{summary}", str(summary)).replace("{end}", str(len(lines[summary - 1]) + 1))
    spec_with(project, transform)
    before = read_tree(project / OUTPUT)

    code = main([command])

    err = capsys.readouterr().err
    assert (code, err.count("\n")) == (2, 1), err
    assert err.startswith(str(SPEC)) and expected in err, err
    assert read_tree(project / OUTPUT) == before


def test_a_long_allof_chain_is_a_lint_error_and_the_change_commands_survive_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chained = project / "chained.json"
    chained.write_text(json.dumps(allof_chain(1500)), encoding="utf-8")

    lint_code = main(["lint", "--spec", str(chained)])
    lint_out = capsys.readouterr().out
    diff_code = main(["upstream-diff", "--upstream", str(chained)])
    diff_out = capsys.readouterr().out
    changes_code = main(["changes", str(SPEC), str(chained)])
    changes_out = capsys.readouterr().out

    assert (lint_code, lint_out.count("\n")) == (1, 1)
    assert "schema Chain0 is composed through a chain of 1501 schemas" in lint_out
    assert diff_code == changes_code == 1
    assert "Chain1499: new model" in diff_out and "Chain1499: new model" in changes_out


def refuse_writes(monkeypatch: pytest.MonkeyPatch, error: int, below: Path) -> None:
    """Make every file write under `below` fail as the filesystem would with `error`."""
    write_text = Path.write_text

    def failing(self: Path, *args: Any, **kwargs: Any) -> int:
        if below in self.resolve().parents:
            raise OSError(error, os.strerror(error), str(self))
        return write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)


def test_a_full_disk_is_one_line_and_generated_stays(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    refuse_writes(monkeypatch, errno.ENOSPC, project / "generated")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert re.fullmatch(
        r"generated/atlas-streams-client/\S+: error: cannot write the output: No space left on device "
        r"\(hint: the disk is full: free some space, then run again\)\n",
        err,
    ), err


def test_a_read_only_output_directory_is_one_line_and_generated_stays(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As root (CI containers) chmod does not stop writes, so the filesystem's refusal is simulated.
    mkdir = os.mkdir

    def refusing(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path).parent == project / "generated":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", refusing)

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert re.fullmatch(
        r"generated/\.atlas-streams-client\.streams-codegen-tmp-[0-9a-f]+: error: cannot create a directory beside "
        r"the output: Permission denied \(hint: make the directory writable, or set output to a directory you can "
        r"write\)\n",
        err,
    ), err


def circular_parameters() -> dict[str, Any]:
    data = load_spec(ROOT / SPEC).data
    data["components"]["parameters"]["envelope"] = {"$ref": "#/components/parameters/pretty"}
    data["components"]["parameters"]["pretty"] = {"$ref": "#/components/parameters/envelope"}
    return data


def test_changes_refuses_a_spec_whose_refs_go_in_a_circle(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    circular = project / "circular.json"
    circular.write_text(json.dumps(circular_parameters()), encoding="utf-8")

    code = main(["changes", str(SPEC), str(circular)])

    err = capsys.readouterr().err
    assert (code, err.count("\n")) == (2, 1), err
    assert err.startswith("circular.json:") and "error: reference cycle #/components/parameters/envelope" in err


def test_upstream_diff_reports_refs_in_a_circle_in_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    circular = project / "circular.json"
    circular.write_text(json.dumps(circular_parameters()), encoding="utf-8")

    code = main(["upstream-diff", "--upstream", str(circular)])

    err = capsys.readouterr().err
    assert (code, err) == (
        2,
        "circular.json: error: unresolved or circular $ref '#/components/parameters/envelope' in spec/streams.yaml "
        "or here\n",
    )


@pytest.mark.parametrize(
    "name",
    ["pyproject.toml", "templates/model.py.jinja", "templates/docs/model.md.jinja", "spec/i18n/ko.yaml"],
)
def test_a_file_of_the_project_that_is_not_utf8_is_one_line_at_its_byte(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = project / name
    lines = path.read_bytes().count(b"\n")
    path.write_bytes(path.read_bytes() + "# café\n".encode("latin-1"))

    code, err, _ = run_generate(project, capsys)

    assert (code, err) == (
        2,
        f"{name}:{lines + 1}:6: error: not UTF-8: byte 0xe9 cannot start or continue a character "
        "(hint: save the file as UTF-8 (a Latin-1 or Windows-1252 editor writes such bytes))\n",
    )
