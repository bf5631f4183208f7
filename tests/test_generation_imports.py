"""Generation loads only what it uses: openapi-python-client's network modules wait until something uses them."""

from __future__ import annotations

import subprocess
import sys


def _probe(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_loading_the_code_generator_leaves_httpx_and_httpcore_unloaded() -> None:
    probe = (
        "import sys, generator.pipeline;"
        "print([name for name in ('httpx', 'httpcore') if '__file__' in vars(sys.modules[name])])"
    )

    assert _probe(probe) == "[]"


def test_a_deferred_module_loads_on_first_use() -> None:
    probe = "import generator.codegen, httpx; print(httpx.Client.__name__, type(httpx).__name__)"

    assert _probe(probe) == "Client _Deferred"


def test_after_first_use_importing_it_again_binds_the_real_module() -> None:
    probe = "import generator.codegen, httpx; httpx.Client; import sys; print(type(sys.modules['httpx']).__name__)"

    assert _probe(probe) == "module"
