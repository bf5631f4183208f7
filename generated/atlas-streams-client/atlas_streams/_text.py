"""Server text made safe to show: control characters escaped, and only a short prefix of a long body."""

# Long enough for any real Atlas error message; a body longer than this is quoted by its start only.
PREFIX_CHARS = 200


def printable(text: str) -> str:
    """`text` with every character that a terminal could act on (ESC, CR, OSC, BEL, the C1 controls, bidi
    overrides, line separators) shown as its Python escape, so server text cannot forge output lines."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def prefix(text: str, limit: int = PREFIX_CHARS) -> str:
    """The start of `text`, at most `limit` characters, whitespace runs folded and made printable; "..." marks a
    cut. Only the prefix is looked at, so a 100 MiB body costs no more than a short one."""
    head = " ".join(text[: limit + 1].split())
    cut = len(text) > limit or len(head) > limit
    return printable(head[:limit]) + ("..." if cut else "")


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
