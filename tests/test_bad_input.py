"""Bad input: one line naming file and line, exit 2, and generated/ exactly as it was.

A broken spec is lint's business: tests/test_lint.py runs generate over the corpus of tests/support/broken_specs.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.spec_edit import edited, put

from generator.cli import main
from generator.output import read_tree
from generator.spec.loading import load_spec
from generator.spec.translations import fingerprint

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
