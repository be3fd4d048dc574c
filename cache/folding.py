"""Azerbaijani-aware text folding (for search) and sort keys (for collation).

People type names without the Azerbaijani letters (``ismayilov`` for
``İsmayılov``), so search compares *folded* text: both the indexed text and
the query go through :func:`az_fold`. Sorting follows the Azerbaijani
alphabet, where ``x`` comes after ``h``, ``q`` after ``k`` and ``ı`` before
``i``: :func:`az_sort_key` maps text to a string that sorts that way with a
plain binary comparison, so SQLite can index it.

Both work with ``str.translate`` on tables built once at import: a C-speed
pass per call, because apply_page folds every person of every sync page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "ADDRESS_MARK",
    "AZ_ALPHABET",
    "FIELD_SEPARATOR",
    "az_fold",
    "az_lower",
    "az_search_text",
    "az_sort_key",
    "az_words",
    "email_search_words",
    "national_number",
    "phone_digits",
    "phone_search_words",
    "sort_key_of",
    "sort_key_prefixes",
]

AZ_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
"""The 32 letters of the Azerbaijani Latin alphabet, in collation order."""

# Latin blocks whose letters carry diacritics we strip: Latin-1 Supplement,
# Latin Extended-A and -B, Latin Extended Additional. Only Latin, like
# SQLite's unicode61 tokenizer with remove_diacritics 2: Cyrillic й and ё stay.
_LATIN_RANGES = ((0x00C0, 0x0250), (0x1E00, 0x1F00))
_COMBINING_MARKS = range(0x0300, 0x0370)

# Azerbaijani letters that do not decompose (ə, ı) or whose decomposition
# Python's lower() gets wrong for Azerbaijani ("İ".lower() is "i" + U+0307).
_AZ_FOLD = {"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "I": "i"}


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for start, stop in _LATIN_RANGES:
        for code in range(start, stop):
            char = chr(code)
            decomposed = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
            if base and base != char:
                table[code] = base
    for code in _COMBINING_MARKS:
        table[code] = None  # decomposed input: "o" + U+0308 folds like "ö"
    for char, folded in _AZ_FOLD.items():
        table[ord(char)] = folded
    return table


_FOLD_TABLE = _build_fold_table()


def az_fold(text: str) -> str:
    """Fold text for search: casefold, Azerbaijani letters to their ASCII look-alikes
    (ə→e, ı/İ/I→i, ö→o, ü→u, ç→c, ş→s, ğ→g) and other Latin diacritics stripped.

    ``az_fold("İSMAYILOV") == az_fold("Ismayilov") == az_fold("İsmayılov") == "ismayilov"``.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE).casefold()


_WORD = re.compile(r"[^\W_]+")
_SCHWA_TO_A = str.maketrans("əƏ", "aa")


def az_words(text: str) -> list[str]:
    """The folded words of a text: runs of letters and digits, as FTS5 splits them."""
    return _WORD.findall(az_fold(text))


def az_search_text(text: str) -> str:
    """The searchable form of a text: its folded words, separated by single spaces.

    ``ə`` is typed as ``e`` (Məmmədova: ``memmedova``) or, as in passports,
    as ``a`` (Cəfərov: ``cafarov``): a word with ``ə`` is there in both forms.
    Mixed spellings (``cefarov``) are not. Single spaces make ``' ' || text
    LIKE '% word%'`` mean exactly what the FTS5 prefix query ``"word"*`` means.
    """
    words = az_words(text)
    if "ə" in text or "Ə" in text:
        seen = set(words)
        words += [word for word in az_words(text.translate(_SCHWA_TO_A)) if word not in seen]
    return " ".join(words)


# --- phone numbers and e-mail addresses ---------------------------------------------

_PHONE_START = re.compile(r"\s*([+(]*[0-9][0-9 ()./\-]*)")
# Everything _PHONE_START's group may hold besides digits: deleting it leaves the digits
# (str.translate runs at C speed; apply_page folds two numbers per person).
_PHONE_PUNCTUATION = str.maketrans("", "", "+() ./-")
COUNTRY_CODE = "994"
"""Azerbaijan: +994, then a 2-digit area or operator code and a 7-digit subscriber number."""
SUBSCRIBER_DIGITS = 7
MIN_PHONE_DIGITS = 5


def phone_digits(text: str) -> str:
    """The digits of the number a text starts with (``+994 (12) 558-61-84`` gives
    ``994125586184``); empty when it does not start with one."""
    found = _PHONE_START.match(text)
    return found.group(1).translate(_PHONE_PUNCTUATION) if found else ""


def national_number(digits: str) -> str:
    """Digits without the country code (994) or the trunk 0: ``+994 12 558 61 84``,
    ``012 558 61 84`` and ``12 558 61 84`` all give ``125586184``. Digits that would
    leave nothing (``0``, ``994``) are kept as they are."""
    if digits.startswith(COUNTRY_CODE) and len(digits) > len(COUNTRY_CODE):
        national = digits[len(COUNTRY_CODE) :]
    else:
        national = digits
    national = national.lstrip("0")
    return national or digits


def phone_search_words(number: str) -> list[str]:
    """The number as people type it, each form one word of digits: national
    (``125586184``) and the subscriber number alone (``5586184``). The query joins its
    digit groups and drops the country code and trunk 0 the same way
    (``search.query_words``), so ``+994125586184``, ``012 558 61 84`` and ``558 61 84``
    are each a prefix of one of them."""
    digits = phone_digits(number)
    if len(digits) < MIN_PHONE_DIGITS:
        return []
    national = national_number(digits)
    forms = [national, national[-SUBSCRIBER_DIGITS:]]
    return list(dict.fromkeys(form for form in forms if len(form) >= MIN_PHONE_DIGITS))


ADDRESS_MARK = "\u0298"
"""Starts every joined address word (ʘ, a letter to SQLite's tokenizer that nobody types):
a name typed as a prefix (``tur``) never reaches the thousands of unique address words
(``turaneceferli…``), which would make every such prefix query merge them all."""


def email_search_words(address: str) -> list[str]:
    """An address as one joined word from each word of its local part on, domain included,
    behind ``ADDRESS_MARK``: ``turane.ceferli@health.gov.az`` gives
    ``ʘturaneceferlihealthgovaz`` and ``ʘceferlihealthgovaz``. A pasted address or its
    tail with the domain (``ceferli@health``, joined and marked by the query the same
    way) is found, while the domain alone starts no word: it does not match everyone."""
    local, at, domain = address.strip().partition("@")
    if not at:
        return []
    local_words, domain_words = az_words(local), az_words(domain)
    tail = "".join(domain_words)
    return [ADDRESS_MARK + "".join(local_words[start:]) + tail for start in range(len(local_words))]


# --- collation ---------------------------------------------------------------

_AZ_UPPER_TO_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def az_lower(text: str) -> str:
    """Lower-case by Azerbaijani rules: ``I`` is the capital of ``ı``, ``İ`` of ``i``."""
    return text.translate(_AZ_UPPER_TO_LOWER).lower()


_SEPARATOR = "\x02"  # spaces and punctuation: sort before every letter and digit
# Letters map to 0x40-0x7F (above the digits, two slots each: room for w), so the
# key of a Latin name is ASCII: one byte per letter in SQLite's UTF-8.
_LETTER_BASE = 0x40


def _letter_rank(letter: str) -> str:
    index = AZ_ALPHABET.index(letter)
    return chr(_LETTER_BASE + 2 * index)


class _SortMap(dict[int, str]):
    """Translation table for ``az_sort_key``; unknown characters are computed once."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.isdigit():
            value = char if char.isascii() else str(unicodedata.digit(char, 0))
        elif not char.isalnum():
            value = _SEPARATOR
        else:
            folded = char.translate(_FOLD_TABLE).casefold()
            if folded and folded[0] in AZ_ALPHABET:
                # é sorts as e, ß as ss; a letter outside the alphabet (w)
                # sits right after the letter before it.
                value = "".join(_letter_rank(c) if c in AZ_ALPHABET else _SEPARATOR for c in folded)
            elif folded == "w":
                value = chr(ord(_letter_rank("v")) + 1)
            else:
                # Other scripts after Latin, in code point order.
                value = chr(0x10000 + code) if code < 0xF0000 else char
        self[code] = value
        return value


_SORT_MAP = _SortMap({ord(letter): _letter_rank(letter) for letter in AZ_ALPHABET})


def az_sort_key(text: str) -> str:
    """A key that sorts by the Azerbaijani alphabet (a b c ç d e ə f g ğ h x ı i j k q
    l m n o ö p r s ş t u ü v y z) under plain binary comparison, as SQLite's
    default collation does; case-insensitive, spaces and punctuation first.
    """
    return az_lower(text).translate(_SORT_MAP)


FIELD_SEPARATOR = "\x01"
"""Between the fields of a composite sort key: below every character of a key, so
``Ali`` + given name sorts before ``Ali Bəy`` + given name."""


def sort_key_of(fields: Iterable[object]) -> str:
    """The sort key of several fields (family, given, patronymic), compared in turn."""
    return FIELD_SEPARATOR.join(
        az_sort_key(field) if isinstance(field, str) else "" for field in fields
    )


# Typed letters and the Azerbaijani letters they may stand for (ə is typed e or a).
_AZ_SPELLINGS = {
    "a": "aə",
    "c": "cç",
    "e": "eə",
    "g": "gğ",
    "i": "ıi",
    "o": "oö",
    "s": "sş",
    "u": "uü",
}


def sort_key_prefixes(folded: str, limit: int = 256) -> list[str] | None:
    """Sort-key prefixes of every Azerbaijani spelling of a folded word, in order.

    ``"ceferov"`` gives the keys of ``ceferov``, ``cefərov``, …, ``çəfərov``.
    The ranges they start are disjoint and sorted, so scanning them one after
    another on the ``sort_key`` index yields the matches already in Azerbaijani
    order. None when the word has more spellings than ``limit``.
    """
    keys = [""]
    for char in folded:
        spellings = [az_sort_key(letter) for letter in _AZ_SPELLINGS.get(char, char)]
        keys = [key + spelling for key in keys for spelling in spellings]
        if len(keys) > limit:
            return None
    return sorted(keys)
