"""Small Azerbaijani text helpers: ASCII folding, ordinal suffixes, safe file names."""

from __future__ import annotations

import re

# Azerbaijani letters outside ASCII, folded the way people type them on a Latin keyboard
# (and the way the client's search folds them: "Ismayilov" finds "İsmayılov").
_FOLD = str.maketrans(
    {
        "ə": "e",
        "Ə": "E",
        "ı": "i",
        "İ": "I",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
        "ç": "c",
        "Ç": "C",
        "ş": "s",
        "Ş": "S",
        "ğ": "g",
        "Ğ": "G",
        "«": '"',
        "»": '"',
        "№": "N",
        "—": "-",
        "–": "-",
    }
)

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# Device names Windows refuses as file names, whatever the extension.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)

MAX_FILENAME = 120


def fold(text: str) -> str:
    """ASCII transliteration of Azerbaijani text (case kept)."""
    return text.translate(_FOLD)


def slug(text: str, max_length: int = 80) -> str:
    """Lowercase ASCII words joined by hyphens; used for e-mail parts, codes and file names."""
    words = _NOT_SLUG.sub("-", fold(text).lower()).strip("-")
    if len(words) > max_length:
        words = words[:max_length].rsplit("-", 1)[0] or words[:max_length]
    return words.strip("-")


def safe_filename(title: str, extension: str) -> str:
    """A file name every OS accepts: ASCII, no separators, no device names, <= 120 chars."""
    stem = slug(title, MAX_FILENAME - len(extension) - 1) or "senad"
    if stem in _RESERVED:
        stem = f"{stem}-senad"
    return f"{stem}.{extension}"


# The ordinal suffix (-ci/-cı/-cu/-cü) follows the vowel of the last spoken number word.
_UNITS = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}


def ordinal(number: int) -> str:
    """``3`` -> ``"3-cü"``, ``2025`` -> ``"2025-ci"``, ``40`` -> ``"40-cı"``."""
    n = abs(number)
    if n % 10:
        suffix = _UNITS[n % 10]
    elif n % 100:
        suffix = _TENS[(n // 10) % 10]
    elif n % 1000:
        suffix = "cü"  # yüz
    elif n:
        suffix = "ci"  # min
    else:
        suffix = "cı"  # sıfır
    return f"{number}-{suffix}"


def capitalize(text: str) -> str:
    """Upper-case the first letter the Azerbaijani way: i -> İ, ı -> I (str.upper gives I)."""
    if not text:
        return text
    first = {"i": "İ", "ı": "I"}.get(text[0], text[0].upper())
    return first + text[1:]
