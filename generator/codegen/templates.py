"""Which file the generator renders for each template name, and whether each override still matches
the openapi-python-client original it was copied from.

Besides Jinja templates, a layer holds runtime modules: plain Python under `runtime/`, copied byte for byte
into the package (docs/templates-runtime.md says why), resolved through the same layers.

Layers, first match wins: a team's folders (`--templates DIR`), ours (templates/), the library's
defaults. An override's first line names the original and records its sha256, so an upgrade of the
library that changes the original is caught:

    {# Override of openapi-python-client 0.29.1 templates/model.py.jinja (sha256 <hex>): why it differs ... #}

A header may record several originals (pyproject.toml.jinja folds in pyproject_ruff.toml.jinja).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, TemplateNotFound

from generator.errors import CodegenError, read_utf8
from generator.spec.python_naming import Reserved

UPSTREAM_TEMPLATES = "openapi_python_client"
UPSTREAM_DISTRIBUTION = "openapi-python-client"
UPSTREAM_VERSION = importlib.metadata.version(UPSTREAM_DISTRIBUTION)

_OVERRIDE_HEADER = re.compile(rf"^\{{#\s*Override of {re.escape(UPSTREAM_DISTRIBUTION)} \S+ templates/")
_RECORDED_ORIGINAL = re.compile(r"templates/(?P<name>[\w./-]+\.jinja) \(sha256 (?P<sha256>[0-9a-f]{64})\)")

RUNTIME = "runtime/"

DEFAULT = "default"  # the library's own template
OVERRIDE = "override"  # a copy of a library template, changed
OURS = "ours"  # no library original


@dataclass(frozen=True)
class Template:
    name: str  # loader name, e.g. "property_templates/union_property.py.jinja"
    file: Path  # what the generator renders
    layer: Path | None  # the template folder it comes from; None for the library's own
    kind: str  # DEFAULT, OVERRIDE or OURS
    problem: str | None = None  # why an override needs a look; None when it is up to date

    @property
    def status(self) -> str:
        if self.kind != OVERRIDE:
            return self.kind
        return f"override: {self.problem}" if self.problem else "override: original unchanged"


def template_loader(template_layers: Sequence[Path]) -> BaseLoader:
    """First match wins: each layer in order, then the library's own templates."""
    layers = [*template_layers, upstream_templates_dir()]
    return ChoiceLoader([FileSystemLoader(str(layer)) for layer in layers])


def require_utf8_templates(template_layers: Sequence[Path]) -> None:
    """CodegenError at the first byte that is not UTF-8 in any template of the layers (the docs' too): Jinja would
    fail with a traceback naming no file."""
    for layer in template_layers:
        for path in sorted(layer.rglob("*.jinja")):
            read_utf8(path, "template")


def upstream_templates_dir() -> Path:
    """The installed library's own templates, found without importing the library (a fifth of a second, which
    generation spends in the child that renders the client, beside lint)."""
    package = importlib.util.find_spec(UPSTREAM_TEMPLATES)
    if package is None or not package.submodule_search_locations:
        raise CodegenError(f"{UPSTREAM_TEMPLATES} is not installed", hint="run: make generate")
    return Path(next(iter(package.submodule_search_locations))) / "templates"


def template_names(template_layers: Sequence[Path]) -> list[str]:
    """Every template name the loader can resolve, ours and the library's, runtime modules included."""
    return sorted(
        name
        for name in template_loader(template_layers).list_templates()
        if name.endswith(".jinja") or _is_runtime_module(name)
    )


def _is_runtime_module(name: str) -> bool:
    return name.startswith(RUNTIME) and name.endswith(".py") and "/" not in name.removeprefix(RUNTIME)


def runtime_modules(template_layers: Sequence[Path]) -> dict[str, Path]:
    """Each runtime module's path inside the package -> the file that wins for it."""
    return {
        name.removeprefix(RUNTIME): template_file(template_layers, name)
        for name in template_names(template_layers)
        if _is_runtime_module(name)
    }


def template_file(template_layers: Sequence[Path], name: str) -> Path:
    """The file the loader renders for `name`."""
    _, filename, _ = template_loader(template_layers).get_source(Environment(), name)
    return Path(str(filename))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def templates(layers: Sequence[Path]) -> list[Template]:
    """Every template the generator can use, with the file that wins for it."""
    library = upstream_templates_dir()
    found = []
    for name in template_names(layers):
        file = template_file(layers, name).resolve()
        layer = next((layer for layer in layers if file.is_relative_to(layer.resolve())), None)
        if layer is None:
            found.append(Template(name, file, None, DEFAULT))
        elif (library / name).is_file():
            found.append(Template(name, file, layer, OVERRIDE, _override_problem(file, name, library)))
        else:
            found.append(Template(name, file, layer, OURS))
    return found


def _override_problem(file: Path, name: str, library: Path) -> str | None:
    header = read_utf8(file, "template").split("#}", 1)[0]
    if not _OVERRIDE_HEADER.match(header):
        return "no 'Override of' header naming its original"
    recorded = {match["name"]: match["sha256"] for match in _RECORDED_ORIGINAL.finditer(header)}
    if name not in recorded:
        return f"no sha256 recorded for templates/{name}"
    changed = [
        original
        for original, sha256 in recorded.items()
        if not (library / original).is_file() or sha256_of(library / original) != sha256
    ]
    if changed:
        return f"original changed since the copy: {', '.join(f'templates/{c}' for c in changed)}"
    return None


def header_for(name: str) -> str:
    """First line of a fresh copy of the library's `name`."""
    sha256 = sha256_of(upstream_templates_dir() / name)
    return (
        f"{{# Override of {UPSTREAM_DISTRIBUTION} {UPSTREAM_VERSION} templates/{name} (sha256 {sha256}): "
        "TODO: say why this copy differs #}\n"
    )


def eject(name: str, into: Path, layers: Sequence[Path], original: bool = False) -> tuple[Path, Path | None]:
    """Copy the template `name` into the layer `into`, ready to edit: the file that wins for it today (ours where
    we override the library, so that a copy never silently drops our changes), or with `original` the
    library's own under a fresh header. Returns the copy and where it came from."""
    _refuse_unsafe_name(name)
    if name not in template_names(layers):
        raise CodegenError(f"no template {name!r}", hint="`streams-codegen templates` lists the names")
    target = into / name
    if not target.parent.resolve().is_relative_to(into.resolve()):
        raise CodegenError(f"{name} would be written outside {into}", target, hint="a folder on its way is a link")
    if target.exists() or target.is_symlink():
        raise CodegenError(f"{name} is already there", target, hint="edit it, or delete it to copy it afresh")
    library = upstream_templates_dir() / name
    if original and not library.is_file():
        raise CodegenError(
            f"{UPSTREAM_DISTRIBUTION} {UPSTREAM_VERSION} has no template {name!r}", hint="leave out --original"
        )
    source: Path | None = None
    if original or template_file(layers, name).resolve() == library.resolve():
        text = header_for(name) + library.read_text(encoding="utf-8")
    else:
        source = template_file(layers, name)
        text = source.read_text(encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target, source


def _refuse_unsafe_name(name: str) -> None:
    """A template name is a plain relative name under a template root, as the loaders list it: with `..` or from
    the filesystem's root, the copy would land outside the folder it goes into."""
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or "\\" in name or "\0" in name or ".." in parts:
        raise CodegenError(
            f"template name {name!r} is not a plain relative name",
            hint="use a name as `streams-codegen templates` lists it, such as model.py.jinja",
        )


# --------------------------------------------------------------------------- names the templates use themselves

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_ASSIGNED = r"^[ ]{%d,}([a-z_]\w*)\s*(?::[^=\n]*)?=(?!=)"
_LOOP_TARGETS = re.compile(r"\bfor\s+(\w+(?:\s*,\s*\w+)*)\s+in\b")
_OPTION = re.compile(r"""add_argument\(\s*["'](-[^"']+)["']""")


def reserved_names(template_layers: Sequence[Path]) -> Reserved:
    """The names the generated code uses itself, read from the templates that win for the model class, the
    operation module and the command line: a spec name equal to one is renamed (generator/spec/python_naming.py).
    Read from the templates, so that an option or method a template gains is reserved without a list to update."""
    require_utf8_templates(template_layers)
    model = _code_of(template_layers, "model.py.jinja")
    operation = _code_of(template_layers, "endpoint_module.py.jinja")
    macros = _code_of(template_layers, "endpoint_macros.py.jinja")
    command = _code_of(template_layers, "cli.py.jinja")
    return Reserved(
        model_members=frozenset(_class_members(model) | _assigned(model, 0) | _loop_targets(model)),
        operation_arguments=frozenset(
            _imported(operation)
            | _functions(operation, 0)
            | _assigned(operation, 0)
            | _assigned(macros, 0)
            | _loop_targets(operation)
        ),
        command_options=frozenset(_options(command)),
    )


def _code_of(template_layers: Sequence[Path], name: str) -> str:
    """The template's text with its Jinja tags and expressions blanked: what is left is the code it writes (nothing
    when no layer has it: generation then reports the missing template)."""
    try:
        source, _, _ = template_loader(template_layers).get_source(Environment(), name)
    except TemplateNotFound:
        return ""
    return _JINJA.sub(" ", source)


def _class_members(code: str) -> set[str]:
    """Methods, their parameters (dunder methods' aside) and annotated attributes of a class at indent 4."""
    members = _functions(code, 4) | set(re.findall(r"^    ([a-z_]\w*)\s*:", code, re.MULTILINE))
    for name, parameters in re.findall(r"^    def\s+(\w+)\s*\(([^)]*)\)", code, re.MULTILINE):
        if not name.startswith("__"):
            members |= set(re.findall(r"(?:^|,)\s*\**(\w+)", parameters)) - {"self"}
    return members


def _functions(code: str, indent: int) -> set[str]:
    return set(re.findall(rf"^[ ]{{{indent}}}(?:async\s+)?def\s+(\w+)\s*\(", code, re.MULTILINE))


def _assigned(code: str, min_indent: int) -> set[str]:
    return set(re.findall(_ASSIGNED % min_indent, code, re.MULTILINE))


def _loop_targets(code: str) -> set[str]:
    return {name for targets in _LOOP_TARGETS.findall(code) for name in re.split(r"\s*,\s*", targets)}


def _imported(code: str) -> set[str]:
    names = set(re.findall(r"^\s*import\s+(\w+)", code, re.MULTILINE))
    for imported in re.findall(r"^\s*from\s+\S+\s+import\s+\(?([^)\n]+)", code, re.MULTILINE):
        names |= {part.split(" as ")[-1].strip() for part in imported.split(",") if part.strip()}
    return names


def _options(code: str) -> set[str]:
    """The options a command gets whatever the spec says: those the template adds, and argparse's help."""
    help_options = set() if "add_help=False" in code else {"-h", "--help"}
    return set(_OPTION.findall(code)) | help_options
