"""A discriminator's mapping names values that the enum of its property leaves out (upstream's StreamsConnection maps
S3; the `type` enum omits it): the spec fix makes them known values, and lint warns where a gap is not acknowledged."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from support import SPEC_PATH

from generator.lint.stages import lint
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec
from generator.spec.schema_facts import discriminator_gaps
from generator.spec.vocabulary import KNOWN_DISCRIMINATOR_GAP

TYPE = ("components", "schemas", "StreamsConnectionBase", "properties", "type")


def _spec() -> dict[str, Any]:
    return copy.deepcopy(load_spec(SPEC_PATH).data)


def _type_enum(data: dict[str, Any]) -> list[str]:
    node: Any = data
    for key in TYPE:
        node = node[key]
    return list(node["enum"])


def test_the_gap_is_found_at_the_enum_of_the_split_out_base() -> None:
    (gap,) = discriminator_gaps(_spec())

    assert (gap.parent, gap.pointer, gap.missing) == ("StreamsConnection", TYPE, ("S3",))


def test_the_fix_adds_every_value_the_mapping_names_to_the_enum() -> None:
    fixed = apply_spec_fixes(_spec())

    assert "S3" in _type_enum(fixed)
    assert discriminator_gaps(fixed) == []


def test_lint_warns_about_a_gap_the_spec_does_not_acknowledge(tmp_path: Path) -> None:
    text = SPEC_PATH.read_text(encoding="utf-8")
    acknowledgment = f"          {KNOWN_DISCRIMINATOR_GAP}:\n          - S3\n"
    assert acknowledgment in text
    spec_path = tmp_path / "streams.yaml"
    edited = text.replace(acknowledgment, "")
    spec_path.write_text(edited, encoding="utf-8")
    kind = edited.index("description: Kind of connection")
    enum_line = 1 + edited[: edited.index("enum:", kind)].count("\n")

    findings = [finding for finding in lint(load_spec(spec_path)) if finding.severity == "warning"]

    assert len(findings) == 1
    assert "'S3', which the discriminator mapping of StreamsConnection names" in str(findings[0])
    assert findings[0].line == enum_line


def test_lint_is_quiet_about_an_acknowledged_gap() -> None:
    assert lint(load_spec(SPEC_PATH)) == []
