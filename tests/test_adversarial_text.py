"""Spec text that could break out of what it is rendered into (docstrings, string literals, Jinja, Markdown)
still generates a package that compiles, passes mypy --strict, and says exactly what the spec said, and
reference docs whose tables keep their columns and that show the text as written, HTML and template
syntax included, as text.
"""

from __future__ import annotations

import dataclasses
import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_python_client.strings import ClassName
from support import ROOT, SPEC_PATH
from support.generated_client import attribute, operation_module_name, operation_slug
from support.markdown_pages import (
    MARKDOWN,
    assert_tables_keep_their_cells,
    pages,
    rendered_cells,
    table_row,
    visible_text,
)
from support.spec_examples import (
    body_operation,
    documented_headers,
    documented_parameters,
    documented_statuses,
    request_schema_name,
    spec_data,
)

from generator.config import load_settings
from generator.pipeline import build
from generator.spec.loading import load_spec
from generator.spec.pointers import Pointer, follow_refs, node_at

# Each fragment has broken a code generator somewhere: closing quotes, escapes, template syntax, table pipes,
# markup, and text outside ASCII.
ADVERSARIAL = (
    'Quotes """ and \'\'\' and "", a backslash \\ and \\n and \\u0041, Jinja {{ model }} {% if x %}{% endif %} '
    "{# note #}, a Markdown | pipe | table |, HTML <script>alert('x')</script> &amp; <b>, "
    "and Korean: 스트림 작업 공간을 만듭니다."
)
ENDS_WITH_QUOTE = 'A summary that ends on a quote "'
ENDS_WITH_BACKSLASH = "A description that ends on a backslash \\"


def described_property() -> str:
    """The first property of the request body's schema that has a description."""
    properties = spec_data()["components"]["schemas"][request_schema_name()]["properties"]
    return str(next(name for name, prop in properties.items() if "description" in prop))


def path_parameter() -> tuple[Pointer, str]:
    """Where the operation's first path parameter is written, and its name."""
    return next((where, p["name"]) for where, p in documented_parameters() if p.get("in") == "path")


def documented_header() -> tuple[Pointer, str] | None:
    """Where the first header that a response of the operation documents is written, and its name (Retry-After
    is the retry policy's, not an attribute of Response)."""
    for status in documented_statuses():
        for name in documented_headers(status):
            if name.lower() != "retry-after":
                response = (*body_operation().pointer, "responses", str(status))
                return follow_refs(spec_data(), (*follow_refs(spec_data(), response)[0], "headers", name))[0], name
    return None


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The client generated from the curated spec with adversarial text in every kind of description."""
    scratch = tmp_path_factory.mktemp("adversarial")
    data = load_spec(SPEC_PATH).data
    operation = node_at(data, body_operation().pointer)
    operation["summary"] = ENDS_WITH_QUOTE
    operation["description"] = ADVERSARIAL
    schema = data["components"]["schemas"][request_schema_name()]
    schema["description"] = ADVERSARIAL
    schema["properties"][described_property()]["description"] = ENDS_WITH_BACKSLASH
    node_at(data, path_parameter()[0])["description"] = ADVERSARIAL
    if (header := documented_header()) is not None:
        node_at(data, header[0])["description"] = ADVERSARIAL
    spec = scratch / "streams.json"  # JSON is YAML, and spares us quoting the text for YAML
    spec.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    settings = dataclasses.replace(load_settings(ROOT / "pyproject.toml"), spec=spec)
    out_dir = scratch / "atlas-streams-client"
    build(settings, out_dir)
    return out_dir


def run_python(package: Path, code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=package, capture_output=True, text=True, check=True)
    return result.stdout


def squashed(text: str) -> str:
    """Docstrings are word-wrapped, so compare with runs of whitespace made one space."""
    return " ".join(text.split())


def test_adversarial_text_generates_a_package_that_passes_mypy_strict(package: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", "atlas_streams"],
        cwd=package,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_adversarial_text_reaches_the_model_docstring_unchanged(package: Path) -> None:
    model = ClassName(request_schema_name(), "")
    doc = run_python(package, f"from atlas_streams.models import {model}; print({model}.__doc__)")

    assert squashed(ADVERSARIAL) in squashed(doc)
    assert squashed(ENDS_WITH_BACKSLASH) in squashed(doc)


def test_adversarial_text_reaches_the_endpoint_docstring_unchanged(package: Path) -> None:
    doc = run_python(package, f"import {operation_module_name()} as e; print(e.sync_detailed.__doc__)")

    assert squashed(ENDS_WITH_QUOTE) in squashed(doc)
    assert squashed(ADVERSARIAL) in squashed(doc)


def test_adversarial_text_reaches_the_response_header_docstring_unchanged(package: Path) -> None:
    _, name = documented_header() or pytest.skip("no response of the operation documents a header")
    doc = run_python(package, f"from atlas_streams.types import Response; print(Response.{attribute(name)}.__doc__)")

    assert squashed(doc) == squashed(f"{name}: {ADVERSARIAL}")


def docs_pages(package: Path) -> dict[str, str]:
    return {page.relative_to(package).as_posix(): page.read_text(encoding="utf-8") for page in pages(package / "docs")}


def test_adversarial_text_keeps_every_docs_table_row_whole(package: Path) -> None:
    # At the least, each model page has a row per property of its schema, in each language.
    properties = sum(len(schema.get("properties", {})) for schema in spec_data()["components"]["schemas"].values())

    assert assert_tables_keep_their_cells(docs_pages(package)) >= 2 * properties


def page_of(kind: str) -> str:
    """The docs page of a kind: the operation's, in English or Korean, the request body model's, or the index."""
    return {
        "operation": f"docs/operations/{operation_slug()}.md",
        "korean operation": f"docs/ko/operations/{operation_slug()}.md",
        "model": f"docs/models/{request_schema_name()}.md",
        "index": "docs/index.md",
    }[kind]


@pytest.mark.parametrize(
    ("page", "texts"),
    [
        ("operation", (ENDS_WITH_QUOTE, ADVERSARIAL)),
        ("model", (ADVERSARIAL, ENDS_WITH_BACKSLASH)),
        ("index", (ENDS_WITH_QUOTE, ADVERSARIAL)),
        ("korean operation", (ENDS_WITH_QUOTE, ADVERSARIAL)),
    ],
)
def test_adversarial_text_reads_as_written_on_the_docs_pages(package: Path, page: str, texts: tuple[str, ...]) -> None:
    seen = squashed(visible_text(docs_pages(package)[page_of(page)]))

    for text in texts:
        assert squashed(text) in seen


def test_adversarial_text_in_a_docs_table_cell_renders_as_text(package: Path) -> None:
    row, header = table_row(docs_pages(package)[page_of("operation")], f"`{path_parameter()[1]}`")

    assert rendered_cells(row, header)[-1] == html.escape(ADVERSARIAL, quote=False).replace('"', "&quot;")


def test_adversarial_html_is_never_markup_on_the_docs_pages(package: Path) -> None:
    for name, text in docs_pages(package).items():
        assert "<script>" not in MARKDOWN.render(text), name
