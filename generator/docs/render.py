"""Rendering the reference docs of the generated package: a Markdown page per operation and per component
schema and an index, through templates/docs/, in English and in every other locale that has its two files
(locales.py). Another locale `xx` is rendered into docs/xx/; whatever it does not translate is listed on the
translators' page of the toolkit's own docs, docs/i18n/xx.md (the untranslated list), which does not ship with
the package. Spec text reaches the pages only through generator/markdown.py's filters."""

from __future__ import annotations

import json
import posixpath
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.config import Settings
from generator.docs.locales import (
    BASE_LOCALE,
    TEMPLATES_SUBDIR,
    Locale,
    Texts,
    check_translations,
    load_locales,
    strings_path,
)
from generator.docs.model import Site
from generator.docs.particles import resolve_particles
from generator.docs.prose import append_after_links
from generator.docs.provenance import glossary_warnings
from generator.docs.site import SiteBuilder
from generator.errors import Finding
from generator.jinja_cache import bytecode_cache
from generator.markdown import md_cell, md_code, md_fence, md_text
from generator.names import PythonNames
from generator.spec.loading import Spec
from generator.spec.translations import translations_path
from generator.spec.vocabulary import atlas_link_rewriter

UNTRANSLATED_TEMPLATE = "untranslated.md.jinja"  # the untranslated list of a locale other than the base one


class LocaleText(str):
    """An interface string. Formatting it also picks the form of each particle written with both forms after a
    placeholder ("{model}(으)로"), now that the word before it is known (particles.py)."""

    def format(self, *args: object, **kwargs: object) -> str:
        return resolve_particles(super().format(*args, **kwargs))


class _Strings:
    """A locale's interface strings for templates: `t.key`, or `t[key]` for a computed key. (A dict would
    answer `t.values` with its method.)"""

    def __init__(self, strings: Mapping[str, str]) -> None:
        self._strings = strings

    def __getattr__(self, key: str) -> LocaleText:
        try:
            return LocaleText(self._strings[key])
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> LocaleText:
        return LocaleText(self._strings[key])


@dataclass(frozen=True)
class _Page:
    template: str
    path: str  # relative to the locale's docs directory
    context: dict[str, Any]


def render_docs(
    spec: Spec,
    names: PythonNames,
    settings: Settings,
    out_dir: Path,
    i18n_dir: Path | None = None,
    part: Literal["all", "base", "translations"] = "all",
) -> list[Finding]:
    """Write every locale's pages into `out_dir` (the generated project), and the untranslated list of each
    locale but the base one into `i18n_dir` as `<code>.md`, when given. Returns the glossary check's warnings
    about the pages of each locale that has a glossary. `part` "base" writes only the base locale's, and
    "translations" only the others' (two processes can share the work)."""
    env = _environment(settings.templates / TEMPLATES_SUBDIR)
    locales = load_locales(settings)
    rewrite = atlas_link_rewriter(spec.data)
    findings: list[Finding] = []
    for locale in locales:
        if part != "all" and (locale.code == BASE_LOCALE) != (part == "base"):
            continue
        texts = Texts(locale.translations, rewrite)
        site = SiteBuilder(spec.data, names, settings, texts).build()
        check_translations(locale, texts)
        pages = _pages(site)
        rendered = {}
        for page in pages:
            text = env.get_template(page.template).render(
                site=site,
                t=_Strings(locale.strings),
                locale=locale,
                page=page.path,
                languages=_languages(locales, locale, page.path),
                href=_linker(locale.prefix, page.path),
                models={model.name: model for model in site.models},
                operations={op.slug: op for op in site.operations},
                **page.context,
            )
            if locale.code != BASE_LOCALE:
                leaves = _leaves_language(locales, locale, page.path, {other.path for other in pages})
                text = append_after_links(text, locale.strings["link_in_english"], leaves)
            rendered[page.path] = text
            target = out_dir / locale.prefix / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        findings += glossary_warnings(settings, locale, texts, rendered)
        if i18n_dir is not None and locale.code != BASE_LOCALE:
            i18n_dir.mkdir(parents=True, exist_ok=True)
            base = next(other for other in locales if other.code == BASE_LOCALE)
            listed = _untranslated_list(env, settings, locale, texts, base)
            (i18n_dir / f"{locale.code}.md").write_text(listed, encoding="utf-8")
    return findings


def _untranslated_list(env: Environment, settings: Settings, locale: Locale, texts: Texts, base: Locale) -> str:
    """The translators' page of `locale`: what its pages show in English, in the toolkit's language (English)."""
    return env.get_template(UNTRANSLATED_TEMPLATE).render(
        t=_Strings(base.strings),
        locale=locale,
        untranslated=texts.untranslated(),
        overlay_path=settings.relative(translations_path(settings.spec, locale.code)).as_posix(),
        strings_path=settings.relative(strings_path(settings.templates, locale.code)).as_posix(),
    )


def _pages(site: Site) -> list[_Page]:
    return [
        _Page("index.md.jinja", "index.md", {}),
        *(_Page("operation.md.jinja", f"operations/{op.slug}.md", {"operation": op}) for op in site.operations),
        *(_Page("model.md.jinja", f"models/{model.name}.md", {"model": model}) for model in site.models),
    ]


def _leaves_language(locales: list[Locale], current: Locale, page: str, pages: set[str]) -> Callable[[str], bool]:
    """Whether a link from `page` of `current` leads to a page in another language: an external page (the spec's
    URLs are those of English pages) or a file of the project that is not one of `current`'s pages. Links to this
    very page in another locale are not: the line of languages at the top names each language."""
    here = posixpath.dirname(current.prefix + page)
    own = {current.prefix + path for path in pages}
    translations = {other.prefix + page for other in locales}

    def leaves(target: str) -> bool:
        if "://" in target or target.startswith("mailto:"):
            return True
        path = target.partition("#")[0]
        resolved = posixpath.normpath(posixpath.join(here, path)) if path else current.prefix + page
        return resolved not in own and resolved not in translations

    return leaves


def _languages(locales: list[Locale], current: Locale, page: str) -> list[tuple[str, str | None]]:
    """(language name, link to this page in it, or None for the current one), for each locale."""
    link = _linker(current.prefix, page)
    return [
        (other.strings["language_name"], None if other is current else link(other.prefix + page, within_docs=False))
        for other in locales
    ]


def _linker(prefix: str, page: str) -> Callable[..., str]:
    """Relative links from `page` of the locale whose pages are under `prefix`: `href("models/Link.md")` for a
    page of the same locale, `href("README.md", within_docs=False)` for any file of the generated project."""
    here = posixpath.dirname(prefix + page)

    def href(target: str, within_docs: bool = True) -> str:
        return posixpath.relpath(prefix + target if within_docs else target, here)

    return href


def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=False,  # Markdown, not HTML: spec text goes through md_text / md_cell / md_code instead
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache("docs"),
    )
    env.filters.update(
        md_text=md_text,
        md_cell=md_cell,
        md_code=md_code,
        md_fence=md_fence,
        python_source=python_source,
        shell_json=shell_json,
        shell_quote=shlex.quote,
    )
    env.globals["base_locale"] = BASE_LOCALE
    return env


def python_source(value: Any, indent: int = 0) -> str:
    """JSON data as Python source, laid out like json.dumps(indent=4) but with Python's literals."""
    inner = " " * (indent + 4)
    if isinstance(value, dict) and value:
        items = [
            f"{inner}{json.dumps(key, ensure_ascii=False)}: {python_source(item, indent + 4)},"
            for key, item in value.items()
        ]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and value:
        items = [f"{inner}{python_source(item, indent + 4)}," for item in value]
        return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's string escapes are all valid in Python
    return repr(value)


def shell_json(value: Any) -> str:
    """JSON data as one shell word."""
    return shlex.quote(json.dumps(value, separators=(",", ":"), ensure_ascii=False))
