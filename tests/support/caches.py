"""Ways a cache entry gets damaged: a flipped byte, a cut-off write, a file left by another version."""

from __future__ import annotations

from pathlib import Path

DAMAGES = ("flip", "truncate", "version")


def damage_entry(entry: Path, which: int, position: int = 0) -> None:
    """Damage `entry` in the way DAMAGES[which % 3] names; `position` picks the byte (modulo the length)."""
    data = bytearray(entry.read_bytes())
    damage = DAMAGES[which % len(DAMAGES)]
    if damage == "flip":
        data[position % len(data)] ^= 0xFF
    elif damage == "truncate":
        del data[position % len(data) :]
    else:
        header, _, rest = bytes(data).partition(b"\n")
        data = bytearray(header.rsplit(b" v", 1)[0] + b" v999\n" + rest)
    entry.write_bytes(bytes(data))
