"""Names typed the Russian way, found under their Azerbaijani spelling. No Qt.

Many users type Azerbaijani names as Russian spells them, on a Russian keyboard
(``Мамедов``, ``Алиев``, ``Исмайлов``) or in Latin letters copied from Soviet-era
papers (``Mamedov``, ``Aliev``, ``Guseynov``). The directory stores names once, in
Azerbaijani Latin; the QUERY is respelled into the folded Latin forms the index holds
(``search.query_terms``), never the names.

Russian spelling loses what Azerbaijani writes: ə becomes а or е, ı becomes и or
disappears (Исмайлов: İsmayılov), doubled consonants are halved (Мамедов: Məmmədov),
h, q and g are all г, x and h are х, and -yev is -ев. :func:`cyrillic_spellings`
turns a Cyrillic word into every folded Latin spelling those rules allow, letter by
letter: a bounded list (``MAX_SPELLINGS``), since each spelling becomes one prefix
term of the search. Where the list would grow past the bound the word is cut: a
prefix finds the same people, and a few more.
"""

from __future__ import annotations

__all__ = [
    "MAX_SPELLINGS",
    "cyrillic_spellings",
    "is_cyrillic",
    "latin_to_cyrillic",
    "respellings",
]

MAX_SPELLINGS = 32
MIN_WORD_LETTERS = 2
"""One letter respelled would match a third of the directory: kept as typed."""

# Folded Latin (ə as e or a, ı as i, ş as s, ...) that each Cyrillic letter may stand for.
# Azerbaijani Cyrillic (1958-1991: ә ғ һ ө ү ҹ ј ҝ) is read too.
_LETTERS: dict[str, tuple[str, ...]] = {
    "а": ("a", "e"),
    "б": ("b",),
    "в": ("v",),
    "г": ("g", "h", "q"),
    "д": ("d",),
    "е": ("e", "a"),
    "ё": ("yo", "o"),
    "ж": ("j",),
    "з": ("z",),
    "и": ("i",),
    "й": ("y",),
    "к": ("k", "q"),
    "л": ("l",),
    "м": ("m",),
    "н": ("n",),
    "о": ("o",),
    "п": ("p",),
    "р": ("r",),
    "с": ("s",),
    "т": ("t",),
    "у": ("u",),
    "ф": ("f",),
    "х": ("x", "h"),
    "ц": ("ts",),
    "ч": ("c",),
    "ш": ("s",),
    "щ": ("s",),
    "ъ": ("",),
    "ы": ("i",),
    "ь": ("",),
    "э": ("e",),
    "ю": ("yu", "u"),
    "я": ("ya", "a", "e"),
    "ә": ("e", "a"),
    "ғ": ("g",),
    "һ": ("h",),
    "ө": ("o",),
    "ү": ("u",),
    "ҹ": ("c",),
    "ј": ("y",),
    "ҝ": ("g",),
    "і": ("i",),
}
_VOWELS = frozenset("аеёиоуыэюяәөүі")
_DOUBLED = frozenset("млрб")
"""Consonants Azerbaijani names double and Russian spelling halves (Məmmədov, Abbasov)."""


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def _options(word: str, index: int) -> tuple[tuple[str, ...], int]:
    """The Latin spellings of the letter at ``index`` in context, and how many letters
    they stand for."""
    char = word[index]
    following = word[index + 1] if index + 1 < len(word) else ""
    before = word[index - 1] if index > 0 else ""
    if char == "д" and following == "ж":  # Джафаров: Cəfərov
        return ("c",), 2
    after_vowel = before in _VOWELS or before in "ьъ"
    if char == "е" and after_vowel:  # Алиев: Əliyev
        return ("ye", "ya"), 1
    if char == "и" and before in _VOWELS:  # Исмаилов: İsmayılov
        return ("i", "yi"), 1
    if char == "й" and following and following not in _VOWELS:  # Исмайлов: İsmayılov
        return ("y", "yi"), 1
    if char == "я" and not before:
        return ("ya", "ye"), 1
    options = _LETTERS.get(char, (char,))
    if char in _DOUBLED and before in _VOWELS and following in _VOWELS:
        options = (*options, *(option * 2 for option in options))  # Мамедов: Məmmədov
    return options, 1


def cyrillic_spellings(word: str, limit: int = MAX_SPELLINGS) -> list[str]:
    """The folded Latin spellings of a lower-case Cyrillic word, at most ``limit``
    (``мамедов`` gives ``memmedov`` and ``mammadov`` among others)."""
    spellings = [""]
    index = 0
    while index < len(word):
        options, used = _options(word, index)
        grown = list(dict.fromkeys(s + option for s in spellings for option in options))
        if len(grown) > limit:
            break  # cut the word here: its prefix
        spellings, index = grown, index + used
    return [spelling for spelling in spellings if spelling]


# Latin as Russian romanises it, back to Cyrillic (longest first).
_ROMANISED = (
    ("shch", "щ"),
    ("dzh", "дж"),
    ("zh", "ж"),
    ("kh", "х"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("ts", "ц"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("ye", "е"),
    ("a", "а"),
    ("b", "б"),
    ("c", "дж"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("j", "дж"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "в"),
    ("x", "х"),
    ("y", "й"),
    ("z", "з"),
)


def latin_to_cyrillic(word: str) -> str:
    """A folded Latin word read as Russian romanisation (``guseynov``: ``гусейнов``);
    other characters (digits) kept."""
    out: list[str] = []
    index = 0
    while index < len(word):
        for latin, cyrillic in _ROMANISED:
            if word.startswith(latin, index):
                out.append(cyrillic)
                index += len(latin)
                break
        else:
            out.append(word[index])
            index += 1
    return "".join(out)


def respellings(word: str, limit: int = MAX_SPELLINGS) -> list[str]:
    """Other spellings of a folded query word, as typed: for a Cyrillic word its Latin
    spellings; for a Latin one its Cyrillic reading and the Latin spellings of that
    (``mamedov``: ``мамедов``, ``memmedov``, ...). Digits and short words have none."""
    if len(word) < MIN_WORD_LETTERS or not word.isalpha():
        return []
    if is_cyrillic(word):
        return [s for s in cyrillic_spellings(word, limit) if s != word]
    cyrillic = latin_to_cyrillic(word)
    latin = [s for s in cyrillic_spellings(cyrillic, limit - 1) if s != word]
    return [cyrillic, *latin]
