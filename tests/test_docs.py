"""The generated reference docs (generator/docs/; templates/docs/): pages, links, tables,
escaping, locales.

The Python examples on the pages are run by tests/test_docs_examples.py; bad locale files are in
tests/test_bad_input.py.
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
from atlas_streams.cli import EXIT_STATUSES
from ruamel.yaml import YAML
from support import CLIENT_DIR, ROOT
from support.generated_client import attribute, operation_slug
from support.markdown_pages import (
    assert_tables_keep_their_cells,
    links,
    links_with_following_text,
    pages,
    rendered_cells,
    table_row,
    tables,
)
from support.project_copy import copy_project
from support.spec_edit import edited, put
from support.spec_examples import (
    atlas_reference_links,
    body_operation,
    documented_operation,
    documented_parameters,
    request_schema_name,
    spec_data,
    success_status,
)

from generator.config import load_settings
from generator.docs.prose import append_after_links
from generator.docs.render import python_source
from generator.markdown import md_cell, md_code, md_fence, md_text
from generator.pipeline import build_trees
from generator.spec.loading import load_spec
from generator.spec.pointers import json_pointer
from generator.spec.schema_facts import discriminators, pagination
from generator.spec.translations import english_at, fingerprint, load_translations
from generator.spec.vocabulary import RESOURCE, OperationKey, operations

PACKAGE = CLIENT_DIR
KO_OVERLAY = Path("spec/i18n/ko.yaml")
PYTHON_TYPES = {"boolean": "bool", "integer": "int", "number": "float", "string": "str"}


def operation_page(locale: str = "") -> str:
    """The docs page of the operation with a request body, in `locale` ("" for English)."""
    return f"docs/{locale}{'/' if locale else ''}operations/{operation_slug()}.md"


def summary_pointer() -> str:
    return json_pointer((*body_operation().pointer, "summary"))


def generate_docs(project: Path) -> dict[str, str]:
    """The Markdown files that generating `project` (a copy of this one) would write, by relative path."""
    tree, i18n = build_trees(load_settings(project / "pyproject.toml"))
    pages = {name: content.decode("utf-8") for name, content in tree.items() if name.endswith(".md")}
    return pages | {f"i18n/{name}": content.decode("utf-8") for name, content in i18n.items()}


def committed_docs() -> dict[str, str]:
    return {page.relative_to(PACKAGE).as_posix(): page.read_text(encoding="utf-8") for page in pages(PACKAGE)}


def overlay_keys(project: Path) -> dict[str, str]:
    """The Korean translations of the spec's texts: JSON pointer -> translated text."""
    return {pointer: entry.text for pointer, entry in load_translations(project / KO_OVERLAY).entries.items()}


def write_overlay(project: Path, overlay: dict[str, str]) -> None:
    """Write translations (JSON pointer -> text), each marked as made from the spec's current English."""
    data = load_spec(project / "spec/streams.yaml").data
    entries = {
        pointer: {"english": fingerprint(english_at(data, pointer) or ""), "text": text}
        for pointer, text in overlay.items()
    }
    yaml = YAML()
    yaml.width = 4096
    with (project / KO_OVERLAY).open("w", encoding="utf-8") as file:
        yaml.dump(entries, file)


# --- the committed pages -----------------------------------------------------------------------------------


def test_every_locale_has_an_index_and_a_page_per_operation_and_schema() -> None:
    schemas = spec_data()["components"]["schemas"]
    slugs = {operation_slug(key) for key in operations(spec_data())}
    expected = {"index.md", *(f"operations/{slug}.md" for slug in slugs), *(f"models/{name}.md" for name in schemas)}

    docs = committed_docs()

    english = {name.removeprefix("docs/") for name in docs if name.startswith("docs/") and "/ko/" not in name}
    korean = {name.removeprefix("docs/ko/") for name in docs if name.startswith("docs/ko/")}
    assert english == expected
    assert korean == expected


def test_every_relative_link_between_pages_resolves() -> None:
    checked = 0
    for page in pages(PACKAGE):
        for target in links(page.read_text(encoding="utf-8")):
            if target.startswith(("https://", "http://", "mailto:")):
                continue
            assert not target.startswith("#"), f"{page}: in-page anchor {target!r} (spec links must be made absolute)"
            resolved = (page.parent / target.partition("#")[0]).resolve()
            assert resolved.is_file(), f"{page.relative_to(PACKAGE)}: broken link {target!r}"
            assert PACKAGE in resolved.parents, f"{page}: link {target!r} leaves the package"
            checked += 1
    # Guards against a parser that finds no links: every docs page links to its other language at least.
    assert checked >= len([page for page in pages(PACKAGE) if "docs" in page.relative_to(PACKAGE).parts])


def test_every_table_row_has_as_many_cells_as_its_header() -> None:
    # At the least, each model page has a row per property of its schema, in each language.
    properties = sum(len(schema.get("properties", {})) for schema in spec_data()["components"]["schemas"].values())

    assert assert_tables_keep_their_cells(committed_docs()) >= 2 * properties


def test_atlas_reference_anchors_in_descriptions_become_absolute_links() -> None:
    text = (PACKAGE / operation_page()).read_text(encoding="utf-8")
    expected = atlas_reference_links() or pytest.skip("no parameter description links into the Atlas reference")

    assert [link for link in expected if link not in text] == []


def committed_row(page: str, first_cell: str) -> list[str]:
    """The rendered cells of a table row of a committed page."""
    return rendered_cells(*table_row((PACKAGE / page).read_text(encoding="utf-8"), first_cell))


def test_query_parameters_show_the_server_defaults_of_the_spec() -> None:
    with_default = (p for _, p in documented_parameters() if p.get("in") == "query" and "default" in p["schema"])
    parameter = next(with_default, None) or pytest.skip("no query parameter with a default")
    schema = parameter["schema"]

    assert committed_row(operation_page(), f"`{parameter['name']}`")[1:5] == [
        f"<code>{attribute(parameter['name'])}: {PYTHON_TYPES[schema['type']]} | Unset</code>",
        f"<code>{schema['type']}</code>",
        "yes" if parameter.get("required") else "no",
        f"<code>{json.dumps(schema['default'])}</code>",
    ]


def test_model_fields_show_python_attribute_and_type_beside_the_json_name() -> None:
    name = request_schema_name()
    schema = spec_data()["components"]["schemas"][name]
    read_only = (
        prop
        for prop, node in schema.get("properties", {}).items()
        if node.get("readOnly") and node.get("type") == "string" and prop not in schema.get("required", [])
    )
    prop = next(read_only, None) or pytest.skip(f"{name} has no optional readOnly string property")

    assert committed_row(f"docs/models/{name}.md", f"`{prop}`")[:5] == [
        f"<code>{prop}</code>",
        f"<code>{attribute(prop)}</code>",
        "<code>str | Unset</code>",
        "no",
        "read-only",
    ]


def test_discriminated_union_page_maps_values_and_names_the_fallback() -> None:
    unions = ((name, union) for name, union in discriminators(spec_data()).items() if union.fallback)
    name, union = next(unions, None) or pytest.skip("no discriminated union with a fallback")

    text = (PACKAGE / f"docs/models/{name}.md").read_text(encoding="utf-8")

    for value, model in union.mapping.items():
        assert f"| `{value}` | [{model}]({model}.md) |" in text
    assert f"is read as [{union.fallback}]({union.fallback}.md)." in text


def test_korean_pages_use_the_overlay_and_the_korean_interface_strings() -> None:
    text = (PACKAGE / operation_page("ko")).read_text(encoding="utf-8")
    overlay = overlay_keys(ROOT)

    assert text.startswith(f"[English](../../operations/{operation_slug()}.md) · **한국어**\n")
    assert f"# {overlay[summary_pointer()]}\n" in text
    for heading in ("## 경로 매개변수", "## 쿼리 매개변수", "### 요청 예시", f"#### 응답 예시({success_status()})"):
        assert f"\n{heading}\n" in text
    for where, _ in documented_parameters():
        first_sentence = overlay[json_pointer((*where, "description"))].split(". ")[0]
        assert f" | {first_sentence}" in text


def exit_status_table(text: str, header: str) -> dict[int, str]:
    """The exit-status table (under `header`) of a page: code -> meaning."""
    (table,) = [table for table in tables(text) if table[0] == header]
    return {int(row.split(" | ")[0].strip("| ")): row.split(" | ")[1].strip(" |") for row in table[2:]}


def test_operation_page_lists_the_exit_statuses_of_the_command_line() -> None:
    text = (PACKAGE / operation_page()).read_text(encoding="utf-8")

    assert exit_status_table(text, "| Exit status | Meaning |") == EXIT_STATUSES


def test_korean_operation_page_lists_every_exit_status_in_korean() -> None:
    text = (PACKAGE / operation_page("ko")).read_text(encoding="utf-8")

    table = exit_status_table(text, "| 종료 상태 | 의미 |")

    assert (sorted(table), table[0], table[5]) == (sorted(EXIT_STATUSES), "성공", "프로젝트나 다른 리소스가 없음(404)")


def test_korean_pages_mark_exactly_the_links_to_pages_not_in_korean() -> None:
    korean = PACKAGE / "docs/ko"
    marked = unmarked = 0
    for page in pages(korean):
        here = page.relative_to(korean).as_posix()
        for target, following in links_with_following_text(page.read_text(encoding="utf-8")):
            resolved = (page.parent / target.partition("#")[0]).resolve()
            language_line = resolved == (PACKAGE / "docs" / here).resolve()
            in_korean = "://" not in target and korean in resolved.parents
            if in_korean or language_line:
                assert not following.startswith("(영문)"), f"{here}: {target}"
                unmarked += 1
            else:
                assert following.startswith("(영문)"), f"{here}: {target} is not in Korean"
                marked += 1
    # Guards against a parser that finds no links: each operation page links to the Atlas reference, in English,
    # and each page to its English version.
    assert marked >= len(operations(spec_data())) and unmarked >= len(list(pages(korean)))


def test_a_marker_follows_each_selected_link_once_and_never_inside_code() -> None:
    text = "[a](https://x) [b](b.md) `[c](https://x)`\n```\n[d](https://x)\n```\n[e](https://x)(영문) ![f](https://x)"

    assert append_after_links(text, "(영문)", lambda target: "://" in target) == (
        "[a](https://x)(영문) [b](b.md) `[c](https://x)`\n```\n[d](https://x)\n```\n[e](https://x)(영문) ![f](https://x)"
    )


# --- spec text that could break the Markdown ---------------------------------------------------------------

HOSTILE = 'Name | with a pipe, <b>bold</b> & `a|b` code\nand a "second" line'


def test_pipes_html_and_line_breaks_in_spec_text_keep_tables_whole(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    spec = project / "spec/streams.yaml"
    model = request_schema_name()
    # A property whose description is its cell's whole text: no pattern, example or values appended to it.
    properties = spec_data()["components"]["schemas"][model]["properties"]
    plain = (prop for prop, node in properties.items() if set(node) == {"description", "type"})
    prop = next(plain, None) or pytest.skip(f"{model} has no property with a description and a type alone")
    where, parameter = next((where, p) for where, p in documented_parameters() if p.get("in") == "query")
    edited(
        spec,
        spec,
        put(("components", "schemas", model, "properties", prop, "description"), HOSTILE),
        put((*where, "description"), f"A | B <i>. {parameter['description']}"),
    )

    docs = generate_docs(project)

    assert_tables_keep_their_cells(docs)
    row, header = table_row(docs[f"docs/models/{model}.md"], f"`{prop}`")
    assert rendered_cells(row, header)[-1] == (
        "Name | with a pipe, &lt;b&gt;bold&lt;/b&gt; &amp; <code>a|b</code> code<br>and a &quot;second&quot; line"
    )
    row, header = table_row(docs[operation_page()], f"`{parameter['name']}`")
    assert rendered_cells(row, header)[-1].startswith("A | B &lt;i&gt;. ")


def test_md_cell_escapes_every_pipe_and_html_outside_code_spans() -> None:
    assert md_cell("a | b `c | <d>` <e> & f") == "a \\| b `c \\| <d>` &lt;e&gt; &amp; f"


def test_md_cell_turns_line_breaks_into_br() -> None:
    assert md_cell("one\ntwo\r\nthree") == "one<br>two<br>three"


def test_md_text_keeps_markdown_but_shows_html_as_text() -> None:
    assert md_text("[x](https://e.org?a=1) `<b>` <b>") == "[x](https://e.org?a=1) `<b>` &lt;b&gt;"


def test_md_code_wraps_text_with_backticks_in_a_longer_fence() -> None:
    assert md_code("a`b") == "``a`b``"
    assert md_code("`a`") == "`` `a` ``"


def test_md_fence_is_longer_than_any_backtick_run_inside() -> None:
    assert md_fence("x = '```'", "python") == "````python\nx = '```'\n````"


def test_python_source_is_python_for_the_same_data() -> None:
    data = {"a": [True, None, 1.5, {"q": 'say "hi"\n'}], "b": {}, "c": [], "ü": "ß"}

    assert ast.literal_eval(python_source(data)) == data


def test_json_pointer_escapes_tilde_and_slash() -> None:
    assert json_pointer(("paths", "/a~b/{id}", "post", 0)) == "/paths/~1a~0b~1{id}/post/0"


# --- locales -------------------------------------------------------------------------------------------------


def listed_as_untranslated(page: str) -> set[str]:
    return {row.split("`")[1] for table in tables(page) for row in table[2:]}


def test_untranslated_page_lists_exactly_the_locations_without_a_korean_entry(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    overlay = overlay_keys(project)
    removed = {summary_pointer(), list(overlay)[-1]}
    write_overlay(project, {key: text for key, text in overlay.items() if key not in removed})

    docs = generate_docs(project)

    committed = listed_as_untranslated((ROOT / "docs/i18n/ko.md").read_text(encoding="utf-8"))
    assert listed_as_untranslated(docs["i18n/ko.md"]) == removed | committed
    assert f"\n# {documented_operation()['summary']}\n" in docs[operation_page("ko")]


def test_committed_untranslated_page_matches_the_overlay(tmp_path: Path) -> None:
    # Every location shown is either translated or listed: with an empty overlay, all of them are listed,
    # and they are exactly the committed overlay's keys plus what the committed page lists.
    project = copy_project(tmp_path)
    write_overlay(project, {})

    docs = generate_docs(project)

    every_location = listed_as_untranslated(docs["i18n/ko.md"])
    committed_listed = listed_as_untranslated((ROOT / "docs/i18n/ko.md").read_text(encoding="utf-8"))
    assert every_location == set(overlay_keys(ROOT)) | committed_listed
    assert not set(overlay_keys(ROOT)) & committed_listed


def test_adding_a_locale_takes_its_strings_file_and_its_overlay(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    strings = project / "templates/docs/locales"
    english = (strings / "en.yaml").read_text(encoding="utf-8")
    (strings / "xx.yaml").write_text(
        english.replace("language_name: English", "language_name: Xxish").replace(
            "path_parameters: Path parameters", "path_parameters: Xx path parameters"
        ),
        encoding="utf-8",
    )
    shutil.copy(project / KO_OVERLAY, project / "spec/i18n/xx.yaml")

    docs = generate_docs(project)

    xx_page = docs[operation_page("xx")]
    assert "docs/xx/index.md" in docs and "i18n/xx.md" in docs
    assert "\n## Xx path parameters\n" in xx_page
    assert f"\n# {overlay_keys(ROOT)[summary_pointer()]}\n" in xx_page
    assert f"[Xxish](../xx/operations/{operation_slug()}.md)" in docs[operation_page()]


# --- resources, pagination, bodies -------------------------------------------------------------------------

LOCALES = {"": "en", "ko/": "ko"}  # docs folder prefix -> locale code


def interface_strings(code: str) -> dict[str, str]:
    strings: dict[str, str] = YAML(typ="safe").load(ROOT / "templates/docs/locales" / f"{code}.yaml")
    return strings


def resource_name(key: OperationKey, prefix: str) -> str:
    """The heading the index puts the operation under: its x-codegen-resource (translated), else its first tag."""
    operation = documented_operation(key)
    if RESOURCE not in operation:
        return str(operation["tags"][0])
    return overlay_keys(ROOT)[json_pointer((*key.pointer, RESOURCE))] if prefix else str(operation[RESOURCE])


def index_sections(text: str) -> dict[str, list[str]]:
    """Heading -> the operation pages linked under it, for each `### ` heading of the index."""
    sections: dict[str, list[str]] = {}
    for block in text.split("\n### ")[1:]:
        heading, _, body = block.partition("\n")
        body = body.partition("\n## ")[0]
        sections[heading] = [target for target in links(body) if target.startswith("operations/")]
    return sections


@pytest.mark.parametrize("prefix", list(LOCALES), ids=list(LOCALES.values()))
def test_the_index_lists_each_operation_under_its_resource(prefix: str) -> None:
    expected: dict[str, list[str]] = {}
    for key in operations(spec_data()):
        expected.setdefault(resource_name(key, prefix), []).append(f"operations/{operation_slug(key)}.md")

    text = (PACKAGE / f"docs/{prefix}index.md").read_text(encoding="utf-8")

    assert index_sections(text) == expected
    # the models follow the operations
    assert text.index("\n### ") < text.index(f"\n## {interface_strings(LOCALES[prefix])['models']}\n")


@pytest.mark.parametrize("prefix", list(LOCALES), ids=list(LOCALES.values()))
@pytest.mark.parametrize("key", list(operations(spec_data())), ids=str)
def test_only_a_list_operations_page_explains_paging_with_its_arguments(key: OperationKey, prefix: str) -> None:
    heading = f"\n## {interface_strings(LOCALES[prefix])['pagination']}\n"
    text = (PACKAGE / f"docs/{prefix}operations/{operation_slug(key)}.md").read_text(encoding="utf-8")

    pages = pagination(spec_data(), documented_operation(key), key.method)

    assert (heading in text) == (pages is not None)
    if pages is not None:
        section = text.partition(heading)[2].partition("\n## ")[0]
        for name in (pages.page_parameter, pages.size_parameter):
            assert md_code(attribute(name)) in section
        assert "`sync_all`" in section and "`asyncio_all`" in section


@pytest.mark.parametrize("prefix", list(LOCALES), ids=list(LOCALES.values()))
@pytest.mark.parametrize("key", list(operations(spec_data())), ids=str)
def test_only_an_operation_with_a_body_asks_to_save_the_request_example(key: OperationKey, prefix: str) -> None:
    text = (PACKAGE / f"docs/{prefix}operations/{operation_slug(key)}.md").read_text(encoding="utf-8")

    assert ("`body.json`" in text) == ("requestBody" in documented_operation(key))
