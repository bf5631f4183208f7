"""`streams-codegen dist`: the generated package's wheel and sdist, reproducible.

The same inputs give the same bytes, whatever the day, the umask, the working directory or the files' mtimes:

- the output directory must be what `generate` writes now (`pipeline.check`), so a stale or hand-edited tree is
  never released, and only its files are built: they are copied into a fresh directory with modes 0644 and
  0755 (the umask of a checkout never reaches the archives; hatchling normalizes modes too, but not every
  build frontend step does);
- the build is hatchling, pinned exactly in the package's [build-system], run by `build` without isolation, so
  the toolkit's pinned environment (constraints.txt) builds it and no newer release is fetched;
- SOURCE_DATE_EPOCH is midnight UTC of the changelog's newest entry (evolve/changelog.py), so every timestamp in
  both archives is the release's day and the clock is irrelevant; hatchling's reproducible mode sorts entries
  and drops owners.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator import pipeline
from generator.config import Settings
from generator.errors import CodegenError
from generator.evolve.changelog import Entry, newest_entry, source_date_epoch
from generator.output.trees import Tree, read_tree

FILE_MODE = 0o644
DIRECTORY_MODE = 0o755


@dataclass(frozen=True)
class Artifact:
    path: Path
    sha256: str


@dataclass(frozen=True)
class Release:
    entry: Entry  # the changelog's newest entry: the version, and the day that stamps every file
    artifacts: list[Artifact]  # the wheel, then the sdist


def make_dist(settings: Settings, out_dir: Path) -> Release:
    """Build the output directory's wheel and sdist into `out_dir`, replacing files of the same names."""
    entry = release_entry(settings)
    stale = pipeline.check(settings)
    if stale.changes:
        where = settings.relative(settings.output)
        raise CodegenError(
            f"not what generate writes ({stale.changes.summary()}), so it is not released",
            where,
            hint="run make generate, review and commit the result, then make dist",
        )
    built = build_distributions(read_tree(settings.output), source_date_epoch(entry.day), out_dir)
    return Release(entry, [Artifact(path, hashlib.sha256(path.read_bytes()).hexdigest()) for path in built])


def release_entry(settings: Settings) -> Entry:
    """The changelog's newest entry, which must record the version about to be built."""
    changelog = settings.changelog
    if not changelog.is_file():
        raise CodegenError(
            "no changelog, so no release date",
            changelog,
            hint="record a release: streams-codegen changes OLD --changelog",
        )
    entry = newest_entry(changelog)
    if entry.version != settings.package_version:
        raise CodegenError(
            f"the newest entry is {entry.version}, but package-version is {settings.package_version}",
            changelog,
            entry.line,
            hint="record the release with streams-codegen changes OLD --changelog, which writes both",
        )
    return entry


def build_distributions(tree: Tree, epoch: int, out_dir: Path) -> list[Path]:
    """Wheel and sdist of the package whose files are `tree`, every timestamp `epoch`, into `out_dir`."""
    with tempfile.TemporaryDirectory(prefix="streams-codegen-dist-") as scratch:
        source, built = Path(scratch) / "package", Path(scratch) / "built"
        stage(tree, source)
        environment = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
        command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(built), str(source)]
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            last = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()[-1]
            raise CodegenError(
                f"the build failed: {last}", hint=f"run {' '.join(command[1:4])} on the package to see why"
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        placed = []
        for artifact in [*sorted(built.glob("*.whl")), *sorted(built.glob("*.tar.gz"))]:
            placed.append(out_dir / artifact.name)
            _copy(artifact, placed[-1])
        return placed


def stage(tree: Tree, directory: Path) -> None:
    """Write `tree` below `directory` with fixed modes, whatever the umask."""
    for relative, content in tree.items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        path.chmod(FILE_MODE)
    for folder in [directory, *(path for path in directory.rglob("*") if path.is_dir())]:
        folder.chmod(DIRECTORY_MODE)


def _copy(source: Path, target: Path) -> None:
    """Copy, then rename into place, so that `target` is never seen half-written."""
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(source.read_bytes())
    os.replace(partial, target)
