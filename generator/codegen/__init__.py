"""Code generation: everything that touches openapi-python-client, the only package that imports it. The
rendered project (project.py), the escaping guard (guard.py), what templates ask of the spec
(template_globals.py), the Python names the generated code uses (python_names.py), the template layers and
their upgrade check (templates.py), and formatting with the pinned ruff (formatting.py).

May import: generator.spec, generator.config, generator.errors, generator.names, generator.jinja_cache,
generator.markdown.
"""

import importlib.util
import sys


def _defer_import(name: str) -> None:
    """Load module `name` on first use of an attribute, not at `import name`: openapi-python-client imports httpx
    and httpcore at its top only to download a spec from a URL, which generation never does (about a tenth of
    its import time)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


for _network_module in ("httpx", "httpcore"):
    _defer_import(_network_module)
