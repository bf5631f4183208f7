"""Code generation: everything that touches openapi-python-client, the only package that imports it. The
rendered project (project.py), the escaping guard (guard.py), what templates ask of the spec
(template_globals.py), the Python names the generated code uses (python_names.py), the template layers and
their upgrade check (templates.py), and formatting with the pinned ruff (formatting.py).

May import: generator.spec, generator.config, generator.errors, generator.names, generator.jinja_cache,
generator.markdown.
"""

import importlib
import importlib.util
import sys
import types
from typing import Any


class _Deferred(types.ModuleType):
    """Stands in for a module until one of its attributes is used, then loads it and becomes it."""

    def __getattr__(self, attribute: str) -> Any:
        if sys.modules.get(self.__name__) is self:  # not yet replaced by another thread's first use
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, attribute)


def _defer_import(name: str) -> None:
    """Let `import name` bind a stand-in that loads the module on first use. openapi-python-client imports httpx
    and httpcore at its top only to download a spec from a URL, which generation never does: a tenth of
    its import time. (importlib's LazyLoader does not do: on Python 3.11 `import` itself reads `__spec__`, which
    loads the module.)"""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _Deferred(name)
    stand_in.__spec__ = spec  # what `import` reads of a module already in sys.modules
    sys.modules[name] = stand_in


for _network_module in ("httpx", "httpcore"):
    _defer_import(_network_module)
