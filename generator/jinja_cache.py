"""A shared on-disk cache of compiled templates. Compiling the ~60 templates costs about a quarter of a
generation; Jinja keys each entry by template name and source checksum, so a changed template is never
served stale, and output does not depend on whether the cache was warm."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, FileSystemBytecodeCache


def bytecode_cache(purpose: str) -> BytecodeCache | None:
    """The cache under $XDG_CACHE_HOME (or ~/.cache), or None where no cache directory can be made.

    One directory per `purpose` (one per Environment set-up): Jinja's cache key is the template's name
    and source, not the Environment's settings (such as `finalize`) that the compiled code depends on."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    # Bytecode is specific to the Python and Jinja versions that compiled it.
    version = f"jinja-{jinja2.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    directory = base / "streams-codegen" / version / purpose
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(directory))
