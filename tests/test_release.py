"""Releasing the generated package: `streams-codegen dist` builds a wheel and an sdist that a package index accepts
and shows in full, byte for byte the same on any machine, and the wheel works where it is installed.

The build itself is checked here on every run: the same bytes from another directory, umask, mtimes and clock;
exactly the expected files; `twine check --strict`; an install into a fresh venv that imports, answers `--help`,
calls a loopback server and shows its metadata in `pip show`. With RELEASE_MATRIX=1 (`make release-check`), the
client's own tests (those marked `client`) also run against the installed wheel under each Python the package
declares, and with the lowest httpx and attrs it declares.
"""

from __future__ import annotations

import ast
import email.parser
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import venv
import zipfile
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from support import PROJECT_VARIABLE, ROOT, SPEC_PATH, TOOLKIT
from support.atlas_fakes import GROUP_ID, documented_response
from support.generated_client import command_words
from support.loopback import LoopbackServer
from support.project_copy import copy_project
from support.spec_examples import request_example, response_example

from generator.cli import main
from generator.config import load_settings
from generator.evolve.changelog import newest_entry, source_date_epoch
from generator.output import read_tree
from generator.output.ownership import MARKER

CLIENT = ROOT / "generated/atlas-streams-client"
CONSTRAINTS = TOOLKIT / "constraints.txt"
SETTINGS = load_settings(ROOT / "pyproject.toml")
DECLARED = tomllib.loads((CLIENT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION = DECLARED["version"]
WHEEL = f"atlas_streams_client-{VERSION}-py3-none-any.whl"
SDIST = f"atlas_streams_client-{VERSION}.tar.gz"
EPOCH = source_date_epoch(newest_entry(SETTINGS.changelog).day)
MATRIX = os.environ.get("RELEASE_MATRIX") == "1"
PIP = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--only-binary", ":all:"]


def run(
    *command: str | Path, cwd: Path = ROOT, umask: int = -1, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """`command` with this environment but PYTHONPATH and the project under test (a process here runs what its own
    directory holds), plus `env`."""
    unset = ("PYTHONPATH", PROJECT_VARIABLE)
    environment = {key: value for key, value in os.environ.items() if key not in unset} | (env or {})
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        umask=umask,
    )


@dataclass(frozen=True)
class Build:
    out: Path
    stdout: str

    def bytes_of(self, name: str) -> bytes:
        return (self.out / name).read_bytes()


def dist(project: Path, out: Path, umask: int = 0o022, env: dict[str, str] | None = None) -> Build:
    result = run(
        Path(sys.executable).parent / "streams-codegen", "dist", "--out", out, cwd=project, umask=umask, env=env
    )
    assert result.returncode == 0, result.stderr
    return Build(out, result.stdout)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """The committed project built as is, and a copy of it elsewhere, built under umask 077 with every file's mtime
    moved and SOURCE_DATE_EPOCH set to another day."""
    first = dist(ROOT, tmp_path_factory.mktemp("first"))
    copy = copy_project(tmp_path_factory.mktemp("elsewhere") / "another-checkout")
    for path in copy.rglob("*"):
        os.utime(path, (1_900_000_000, 1_900_000_000))
    second = dist(copy, tmp_path_factory.mktemp("second"), umask=0o077, env={"SOURCE_DATE_EPOCH": "1"})
    return first, second


@pytest.fixture(scope="module")
def built(builds: tuple[Build, Build]) -> Path:
    return builds[0].out


def test_dist_prints_each_file_with_its_sha256(builds: tuple[Build, Build]) -> None:
    first, _ = builds
    day = newest_entry(SETTINGS.changelog).day

    lines = first.stdout.splitlines()

    assert lines[0].startswith(f"built atlas-streams-client {VERSION}, every file dated {day} (spec/CHANGELOG.md:")
    assert [line.split("  ")[1].rpartition("/")[2] for line in lines[1:]] == [WHEEL, SDIST]
    assert [line.split("  ")[0] for line in lines[1:]] == [
        hashlib.sha256(first.bytes_of(name)).hexdigest() for name in (WHEEL, SDIST)
    ]


def test_another_path_umask_mtimes_and_clock_give_the_same_bytes(builds: tuple[Build, Build]) -> None:
    first, second = builds

    assert [first.bytes_of(name) == second.bytes_of(name) for name in (WHEEL, SDIST)] == [True, True]
    assert [line.split("  ")[0] for line in first.stdout.splitlines()[1:]] == [
        line.split("  ")[0] for line in second.stdout.splitlines()[1:]
    ]


def test_every_archived_file_is_dated_the_newest_changelog_entry_and_world_readable(built: Path) -> None:
    with zipfile.ZipFile(built / WHEEL) as wheel, tarfile.open(built / SDIST) as sdist:
        zipped = {(info.date_time, info.external_attr >> 16 & 0o777) for info in wheel.infolist()}
        tarred = {(member.mtime, member.mode, member.uid, member.gid, member.uname) for member in sdist.getmembers()}

    midnight = (*time.gmtime(EPOCH)[:3], 0, 0, 0)
    assert zipped == {(midnight, 0o644)}
    assert tarred == {(EPOCH, 0o644, 0, 0, "")}


def package_files() -> list[str]:
    """What generate writes into the package directory, as read from the committed tree."""
    return [name for name in read_tree(CLIENT) if name.startswith(f"{SETTINGS.package_name}/")]


def test_wheel_holds_exactly_the_package_and_its_metadata(built: Path) -> None:
    info = f"atlas_streams_client-{VERSION}.dist-info"
    expected = [*package_files(), *(f"{info}/{name}" for name in ("METADATA", "WHEEL", "entry_points.txt"))]
    expected += [f"{info}/licenses/LICENSE", f"{info}/RECORD"]

    with zipfile.ZipFile(built / WHEEL) as wheel:
        names = wheel.namelist()

    assert sorted(names) == sorted(expected)
    assert f"{SETTINGS.package_name}/py.typed" in names
    assert not [name for name in names if re.search(r"(__pycache__|\.pyc$|\.old$|\.tmp$|~$|^tests?/)", name)]


def test_sdist_holds_exactly_what_generate_writes_but_its_mark(built: Path) -> None:
    top = f"atlas_streams_client-{VERSION}"
    expected = [f"{top}/{name}" for name in read_tree(CLIENT) if name != MARKER] + [f"{top}/PKG-INFO"]

    with tarfile.open(built / SDIST) as sdist:
        names = sdist.getnames()

    assert sorted(names) == sorted(expected)
    assert f"{top}/docs/index.md" in names and f"{top}/docs/ko/index.md" in names


def test_twine_check_strict_passes_the_wheel_and_the_sdist(built: Path) -> None:
    result = run(sys.executable, "-m", "twine", "check", "--strict", built / WHEEL, built / SDIST)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


def wheel_metadata(built: Path) -> Message:
    with zipfile.ZipFile(built / WHEEL) as wheel:
        text = wheel.read(f"atlas_streams_client-{VERSION}.dist-info/METADATA").decode("utf-8")
    return email.parser.Parser().parsestr(text)


def test_metadata_carries_what_an_index_shows_from_the_settings(built: Path) -> None:
    metadata = wheel_metadata(built)

    assert metadata["Metadata-Version"] == "2.4"
    assert metadata["Summary"] == DECLARED["description"]
    assert (metadata["License-Expression"], metadata["License-File"]) == (SETTINGS.license, "LICENSE")
    assert metadata.get_all("Project-URL") == [f"{label}, {url}" for label, url in SETTINGS.urls]
    assert metadata["Author-email"] == ", ".join(f"{author.name} <{author.email}>" for author in SETTINGS.authors)
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload() == (CLIENT / "README.md").read_text(encoding="utf-8")


def declared_pythons() -> list[str]:
    """The Python versions the package's classifiers name, e.g. ["3.11", "3.12", "3.13"]."""
    prefix = "Programming Language :: Python :: "
    return [c.removeprefix(prefix) for c in DECLARED["classifiers"] if re.fullmatch(r"3\.\d+", c.removeprefix(prefix))]


def test_classifiers_name_typed_and_start_at_requires_python() -> None:
    assert "Typing :: Typed" in DECLARED["classifiers"]
    assert DECLARED["requires-python"] == f">={declared_pythons()[0]}"
    assert declared_pythons() == sorted(declared_pythons(), key=lambda version: int(version.split(".")[1]))


def test_the_package_pins_the_build_backend_the_toolkit_builds_with() -> None:
    build_system = tomllib.loads((CLIENT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    pinned = [line for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines() if line.startswith("hatchling==")]

    assert build_system["requires"] == pinned


def test_the_license_file_is_the_apache_license_2_0_verbatim() -> None:
    # The sha256 of the Apache Software Foundation's LICENSE-2.0.txt.
    digest = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30"

    assert hashlib.sha256((CLIENT / "LICENSE").read_bytes()).hexdigest() == digest


# --------------------------------------------------------------------------- what dist refuses to build


def dist_refusal(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The one line `streams-codegen dist` prints for `project`, which must build nothing and exit 2."""
    code = main(["--config", str(project / "pyproject.toml"), "dist"])

    err = capsys.readouterr().err
    assert (code, err.count("\n"), (project / "dist").exists()) == (2, 1, False), err
    return err.strip()


def test_an_output_that_generate_would_change_is_not_released(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = project / SETTINGS.relative(SETTINGS.output) / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")

    assert dist_refusal(project, capsys).endswith(
        "error: not what generate writes (0 added, 1 changed, 0 removed), so it is not released "
        "(hint: run make generate, review and commit the result, then make dist)"
    )


def test_a_version_the_changelog_does_not_record_is_not_released(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = project / "pyproject.toml"
    recorded = f'package-version = "{VERSION}"'
    bumped = pyproject.read_text(encoding="utf-8").replace(recorded, 'package-version = "99.0.0"')
    pyproject.write_text(bumped, encoding="utf-8")
    entry = newest_entry(SETTINGS.changelog)

    assert dist_refusal(project, capsys).endswith(
        f"{SETTINGS.relative(SETTINGS.changelog)}:{entry.line}: error: the newest entry is {entry.version}, but "
        "package-version is 99.0.0 (hint: record the release with streams-codegen changes OLD --changelog, "
        "which writes both)"
    )


def test_a_project_without_a_changelog_is_not_released(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / SETTINGS.relative(SETTINGS.changelog)).unlink()

    assert dist_refusal(project, capsys).endswith(
        "error: no changelog, so no release date (hint: record a release: streams-codegen changes OLD --changelog)"
    )


# --------------------------------------------------------------------------- the wheel, installed


def new_venv(directory: Path, python: str | Path = sys.executable) -> Path:
    """A fresh venv with pip; returns its python."""
    if Path(python) == Path(sys.executable):
        venv.create(directory, with_pip=True)
    else:
        created = run(python, "-m", "venv", directory)
        assert created.returncode == 0, created.stderr
    return directory / "bin/python"


@pytest.fixture(scope="module")
def installed(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel in a fresh venv with what it declares (at the toolkit's pinned versions) and a current pip."""
    python = new_venv(tmp_path_factory.mktemp("installed") / "venv")
    result = run(python, *PIP, "-c", CONSTRAINTS, "pip", built / WHEEL)
    assert result.returncode == 0, result.stderr
    return python


def test_installed_wheel_imports_from_its_venv(installed: Path) -> None:
    result = run(installed, "-c", "import atlas_streams; print(atlas_streams.__file__)", cwd=installed.parent)

    assert Path(result.stdout.strip()).is_relative_to(installed.parent.parent), result.stderr


def test_installed_command_answers_help(installed: Path) -> None:
    result = run(installed.parent / "atlas-streams", "--help", cwd=installed.parent)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: atlas-streams")


def test_installed_command_calls_a_loopback_server(installed: Path, atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))
    keys = {"MONGODB_ATLAS_PUBLIC_API_KEY": "public", "MONGODB_ATLAS_PRIVATE_API_KEY": "private"}
    command = [*command_words(), "--base-url", atlas_server.url, "--group-id", GROUP_ID]

    result = run(
        installed.parent / "atlas-streams", *command, "--file", "-", cwd=installed.parent, env=keys,
        stdin=json.dumps(request_example()),
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == response_example(200)
    assert [request.json() for request in atlas_server.requests] == [request_example()]


def test_pip_show_lists_license_urls_and_authors(installed: Path) -> None:
    shown = run(installed, "-m", "pip", "show", "--verbose", "atlas-streams-client", "--disable-pip-version-check")

    fields = dict(line.split(": ", 1) for line in shown.stdout.splitlines() if ": " in line)
    assert fields["License-Expression"] == SETTINGS.license
    assert fields["Author-email"] == ", ".join(f"{author.name} <{author.email}>" for author in SETTINGS.authors)
    assert [f"  {label}, {url}" for label, url in SETTINGS.urls] == [
        line for line in shown.stdout.splitlines() if line.startswith("  ") and ", http" in line
    ]


# --------------------------------------------------------------------------- the client's own tests, against the wheel

# What the client's tests need besides the wheel, by distribution and the name it is imported as, installed at the
# versions of constraints.txt: the runner, Hypothesis, the contract check of tests/support/contract.py, and what reads
# the spec under test (the toolkit's generator.spec, which support/spec_examples.py and support/generated_client.py
# import, and the library whose naming rules support/generated_client.py follows).
CLIENT_TEST_REQUIREMENTS = {
    "pytest": "pytest",
    "hypothesis": "hypothesis",
    "openapi-core": "openapi_core",
    "ruamel.yaml": "ruamel",
    "PyYAML": "yaml",
    "openapi-python-client": "openapi_python_client",
}
# The toolkit modules those tests may reach: the spec readers, which work on every Python the package declares (the
# wheel runs put the toolkit's source on PYTHONPATH for them), never the code generator itself.
SPEC_READERS = {"generator", "generator.errors", "generator.spec"}


def client_test_files() -> list[Path]:
    """The test files marked `client` as a whole (`pytestmark = pytest.mark.client`)."""
    return [
        path
        for path in sorted((TOOLKIT / "tests").glob("test_*.py"))
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
        and [ast.unparse(target) for target in node.targets] == ["pytestmark"]
        and ast.unparse(node.value) == "pytest.mark.client"
    ]


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at any depth, by its full name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def source_of(module: str) -> Path:
    """The file of a tests/support or toolkit module."""
    base = TOOLKIT / "tests" if module.partition(".")[0] == "support" else TOOLKIT
    path = base / (module.replace(".", "/") + ".py")
    return path if path.is_file() else path.with_suffix("") / "__init__.py"


def client_test_imports() -> tuple[set[str], set[str]]:
    """(toolkit modules, other modules outside the standard library) that the client's tests import, following
    tests/support and the toolkit through every module they import."""
    pending, seen = [TOOLKIT / "tests/conftest.py", *client_test_files()], set[Path]()
    toolkit: set[str] = set()
    others: set[str] = set()
    while pending:
        path = pending.pop()
        seen.add(path)
        for module in imported_modules(path):
            top = module.partition(".")[0]
            if top in ("support", "generator"):
                toolkit |= {module} if top == "generator" else set()
                pending += [source_of(module)] if source_of(module) not in seen else []
            elif top not in sys.stdlib_module_names:
                others.add(top)
    return toolkit, others


def test_the_client_tests_import_the_client_their_helpers_the_spec_readers_and_what_the_wheel_run_installs() -> None:
    toolkit, others = client_test_imports()

    assert len(client_test_files()) >= 10
    assert {".".join(module.split(".")[:2]) for module in toolkit} <= SPEC_READERS
    assert others <= {"atlas_streams", "httpx", *CLIENT_TEST_REQUIREMENTS.values()}


def client_tests_tree(directory: Path) -> Path:
    """The client's tests laid out to run against an installed wheel: tests/ with conftest.py, support/ and the files
    marked `client`, the spec under test that they read, and the toolkit's pytest options but its pythonpath, which
    puts generated/atlas-streams-client first."""
    tests = directory / "tests"
    shutil.copytree(TOOLKIT / "tests/support", tests / "support", ignore=shutil.ignore_patterns("__pycache__"))
    for path in [TOOLKIT / "tests/conftest.py", *client_test_files()]:
        shutil.copyfile(path, tests / path.name)
    (directory / "spec").mkdir()
    shutil.copyfile(SPEC_PATH, directory / "spec" / SPEC_PATH.name)
    options = tomllib.loads((TOOLKIT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    ini = ["[pytest]", "pythonpath = tests", f"addopts = {options['addopts']} -p no:cacheprovider", "markers ="]
    ini += [f"    {marker}" for marker in options["markers"]] + ["filterwarnings ="]
    ini += [f"    {warning}" for warning in options["filterwarnings"]]
    (directory / "pytest.ini").write_text("\n".join(ini) + "\n", encoding="utf-8")
    return directory


def python_for(version: str) -> Path:
    """The newest CPython `version` (e.g. "3.12") that pyenv holds, else the one on PATH."""
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = [
        path for path in versions.glob(f"{version}.*/bin/python{version}") if re.fullmatch(r"[\d.]+", path.parts[-3])
    ]
    found.sort(key=lambda path: [int(part) for part in path.parts[-3].split(".")])
    on_path = shutil.which(f"python{version}")
    if not found and on_path is None:
        pytest.fail(f"no Python {version} under {versions} nor on PATH, but the package declares it", pytrace=False)
    return found[-1] if found else Path(str(on_path))


def lowest_declared() -> list[str]:
    """`name==lowest` for each dependency of the package, from its `>=` bound."""
    pins = []
    for requirement in DECLARED["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(?:[<>=!~]=?[^,]*,\s*)*>=\s*([^,;\s]+).*", requirement)
        assert match, f"{requirement!r} declares no lowest version"
        pins.append(f"{match[1]}=={match[2]}")
    return pins


CASES = [(python, "current") for python in declared_pythons()] + [(declared_pythons()[0], "lowest")]


@pytest.mark.skipif(not MATRIX, reason="RELEASE_MATRIX=1 runs the client tests against the wheel (make release-check)")
@pytest.mark.parametrize(("python", "dependencies"), CASES, ids=[f"python{p}-{d}" for p, d in CASES])
def test_the_client_tests_pass_against_the_installed_wheel(
    python: str, dependencies: str, built: Path, tmp_path: Path
) -> None:
    interpreter = new_venv(tmp_path / "venv", python_for(python))
    tools = run(interpreter, *PIP[:-2], "-c", CONSTRAINTS, "pip", *CLIENT_TEST_REQUIREMENTS)
    assert tools.returncode == 0, tools.stderr
    pins = ["-c", CONSTRAINTS] if dependencies == "current" else lowest_declared()
    wheel = run(interpreter, *PIP, built / WHEEL, *pins)
    assert wheel.returncode == 0, wheel.stderr
    tree = client_tests_tree(tmp_path / "client-tests")
    declared = [pin.partition("==")[0] for pin in lowest_declared()]
    # One process imports the package, says where from and which versions of what it declares it runs with, then
    # runs the tests, which so use that very package; the toolkit's source is importable only for its spec readers.
    tests = (
        "import json, sys, sysconfig, importlib.metadata as metadata, atlas_streams, pytest; "
        "print(json.dumps([sysconfig.get_path('purelib'), atlas_streams.__file__, "
        f"{{name: metadata.version(name) for name in {declared!r}}}]), flush=True); "
        "sys.exit(pytest.main(['-q', '-m', 'client']))"
    )

    result = run(interpreter, "-c", tests, cwd=tree, env={"PYTHONPATH": str(TOOLKIT)})

    first_line = result.stdout.partition("\n")[0]
    assert first_line, result.stderr
    site_packages, where, versions = json.loads(first_line)
    assert Path(site_packages).is_relative_to(tmp_path / "venv")
    assert Path(where) == Path(site_packages) / "atlas_streams/__init__.py"
    if dependencies == "lowest":
        assert sorted(f"{name}=={version}" for name, version in versions.items()) == sorted(lowest_declared())
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
