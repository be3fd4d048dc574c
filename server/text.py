"""What user-written text may contain: no character that hides or reorders what a reader
sees. Names and titles are one line; free text (descriptions, messages) may break lines.

Refused everywhere: C0 controls (but tab and line breaks in free text), DEL, C1 controls,
and the bidirectional controls (embeddings, overrides, isolates and the implicit marks),
so that ``invoice\\u202efdp.exe`` cannot pass for ``invoiceexe.pdf`` (ASVS 5.0 V1/V2).
"""

from __future__ import annotations

BIDI_CONTROLS = frozenset(
    "\u061c"  # ARABIC LETTER MARK
    "\u200e\u200f"  # LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, pop, overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
_LINE_BREAKS = frozenset("\t\n\r")


def _is_control(character: str) -> bool:
    code = ord(character)
    return code < 0x20 or 0x7F <= code <= 0x9F


def unsafe_character_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why ``text`` may not be stored, or None when it may."""
    for character in text:
        if character in BIDI_CONTROLS:
            return f"bidirectional control characters (U+{ord(character):04X}) are not allowed"
        if _is_control(character) and not (multiline and character in _LINE_BREAKS):
            return f"control characters (U+{ord(character):04X}) are not allowed"
    return None


def single_line(value: str) -> str:
    """A pydantic validator for names and titles."""
    problem = unsafe_character_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def free_text(value: str) -> str:
    """A pydantic validator for descriptions and messages: line breaks and tabs allowed."""
    problem = unsafe_character_problem(value, multiline=True)
    if problem is not None:
        raise ValueError(problem)
    return value
