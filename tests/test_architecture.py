"""The toolkit's layout holds: each package imports only the layers below it, only generator.codegen imports
openapi-python-client, and the docs render without loading it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "generator"

# layer -> the layers it may import. A layer is a package of generator/ or a core module.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "names": set(),
    "jinja_cache": {"cache"},
    "markdown": set(),
    "forked": {"errors"},
    "config": {"errors"},
    "output": {"errors"},
    "spec": {"errors"},
    "lint": {"spec", "errors"},
    "codegen": {"spec", "config", "errors", "names", "jinja_cache", "markdown", "cache"},
    "docs": {"spec", "config", "errors", "names", "jinja_cache", "markdown"},
    "evolve": {"spec", "lint", "config", "errors"},
    "cache": {"config", "errors", "output"},
    "pipeline": {
        "spec",
        "lint",
        "codegen",
        "docs",
        "config",
        "errors",
        "names",
        "output",
        "markdown",
        "cache",
        "forked",
    },
    "release": {"pipeline", "evolve", "output", "config", "errors"},
    "cli": {"spec", "lint", "codegen", "docs", "evolve", "pipeline", "release", "config", "errors", "output", "cache"},
    "__main__": {"cli"},
    "__init__": set(),
}


def _layer(module: str) -> str:
    """'generator.spec.loading' -> 'spec'; 'generator.cli' -> 'cli'; 'generator' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    relative = path.relative_to(GENERATOR.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" and len(relative.parts) > 1 else relative.parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (the command line imports inside its functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            if node.module == "generator":  # `from generator import pipeline`: a module, or a name of __init__
                found |= {f"generator.{alias.name}" for alias in node.names if _is_module(alias.name)}
    return found


def _is_module(name: str) -> bool:
    return (GENERATOR / f"{name}.py").is_file() or (GENERATOR / name).is_dir()


MODULES = sorted(GENERATOR.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(GENERATOR)))
def test_each_module_imports_only_the_layers_below_it(path: Path) -> None:
    here = _layer(_module_name(path))
    assert here in ALLOWED, f"{path}: a new layer; add it to ALLOWED with what it may import"
    wrong = sorted(
        module
        for module in _imports(path)
        if module.startswith("generator.") and _layer(module) not in ALLOWED[here] | {here} and module != "generator"
    )
    assert not wrong, f"{_module_name(path)} ({here}) imports {wrong}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(GENERATOR)))
def test_only_codegen_imports_openapi_python_client(path: Path) -> None:
    if _layer(_module_name(path)) == "codegen":
        return
    assert not {m for m in _imports(path) if m.split(".")[0] == "openapi_python_client"}


def test_every_package_says_what_it_owns_and_may_import() -> None:
    for init in GENERATOR.glob("*/__init__.py"):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import:" in docstring, f"{init}: say what the package owns and what it may import"


def test_rendering_the_docs_never_loads_openapi_python_client() -> None:
    probe = "import sys, generator.docs.render; print('openapi_python_client' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
