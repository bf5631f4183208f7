"""The fast loader for big upstream specs gives exactly what PyYAML's safe loader gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.shared_files import CURRENT_UPSTREAM, shared_file

from generator.errors import CodegenError
from generator.spec.plain_yaml import load_plain

SCALARS = """\
plain: text
quoted: '2023-02-01'
date: 2023-02-01
int: 42
hex: 0x1f
float: 1.5
bool: true
yes_word: yes
nothing: null
tilde: ~
"200": status
401: numeric key
explicit: !!str 123
nested:
  list: [1, two, {three: 3}]
  block:
  - a
  - b: c
multiline: |
  line one
  line two
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_scalars_and_structure_match_pyyaml_except_that_timestamps_stay_strings(tmp_path: Path) -> None:
    expected = yaml.safe_load(SCALARS)
    expected["date"] = "2023-02-01"

    assert load_plain(write(tmp_path, SCALARS)) == expected


def test_full_upstream_spec_loads_as_pyyaml_loads_it() -> None:
    path = shared_file(CURRENT_UPSTREAM)

    assert load_plain(path) == yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def test_alias_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\nb: &anchor 2\nc: *anchor\n")

    with pytest.raises(CodegenError) as raised:
        load_plain(path)

    assert str(raised.value) == f"{path}:2:4: error: YAML anchors (&name) are not supported"


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\nb: [2\n")

    with pytest.raises(CodegenError, match=rf"^{path}:3:1: error: YAML: did not find expected"):
        load_plain(path)
