"""Azerbaijani personal names in the official form: family name, given name, patronymic."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from server.seed.draws import Draws
from server.seed.text import slug

Gender = Literal["m", "f"]

MALE_GIVEN = (
    "Rəşad", "Elçin", "Tural", "Vüqar", "Orxan", "Elvin", "Kamran", "Fərid", "Rauf", "Arif",
    "Anar", "Elnur", "Ramil", "Samir", "Nicat", "Murad", "Emin", "Ruslan", "Zaur", "Vüsal",
    "Cavid", "Rövşən", "Əli", "Hüseyn", "Məhəmməd", "Nurlan", "Səbuhi", "Azər", "Tofiq", "Fuad",
    "Rasim", "Elşən", "Mübariz", "İlqar", "Kənan", "Ceyhun", "Ayxan", "Toğrul", "Elmar", "Eldar",
    "Namiq", "Şahin", "Vaqif", "Yaşar", "Qabil", "Rüstəm", "İlham", "Pərviz", "Natiq", "Elmir",
    "Sənan", "Tərlan", "Ülvi", "Faiq", "Həsən", "Ramin", "Oqtay", "Cəlal", "Firuz", "Babək",
)  # fmt: skip

FEMALE_GIVEN = (
    "Leyla", "Günel", "Aysel", "Nigar", "Səbinə", "Aynur", "Könül", "Gülnar", "Nərmin", "Lalə",
    "Sevinc", "Şəbnəm", "Aytən", "Ülviyyə", "Fidan", "Aygün", "Vüsalə", "Samirə", "Gülnarə",
    "Xədicə", "Mehriban", "Nailə", "Rəna", "Təranə", "Zümrüd", "Günay", "Aytac", "Elnarə",
    "İlahə", "Kəmalə", "Səidə", "Mələk", "Nuray", "Lamiyə", "Pərvanə", "Afaq", "Sevda", "Arzu",
    "Aidə", "Solmaz", "Türkan", "Zəhra", "Fatimə", "Ayşən", "Həcər", "Gülşən", "Nərgiz", "Esmira",
    "Jalə", "Səadət", "Turanə", "Validə", "Şəhla", "Zərifə", "Ülkər", "Aybəniz", "Məryəm", "Rəfiqə",
)  # fmt: skip

# Family names in their masculine form; the feminine adds "-a" (Əliyev -> Əliyeva).
GENDERED_FAMILY = (
    "Əliyev", "Məmmədov", "Cəfərov", "İsmayılov", "Hüseynov", "Quliyev", "Həsənov", "Abbasov",
    "Babayev", "Kərimov", "Rzayev", "Əhmədov", "Orucov", "Nəsirov", "Sadıqov", "Qasımov",
    "Mustafayev", "Nəbiyev", "Süleymanov", "Bağırov", "Rəhimov", "İbrahimov", "Vəliyev",
    "Zeynalov", "Musayev", "Allahverdiyev", "Şükürov", "Əsgərov", "Paşayev", "Salmanov",
    "Hacıyev", "Mirzəyev", "Qəhrəmanov", "Həşimov", "Novruzov", "Tağıyev", "Səfərov", "Əsədov",
    "Kazımov", "Heydərov", "Məlikov", "Xəlilov", "Yusifov", "Məhərrəmov", "Nağıyev", "Əzizov",
    "Sultanov", "Şirinov", "Bayramov", "Eyvazov", "Qurbanov", "Ağayev", "Cavadov", "Fətullayev",
)  # fmt: skip

# Family names that do not change with gender.
NEUTRAL_FAMILY = ("Əlizadə", "Hüseynli", "Rzazadə", "Cəfərli", "Məmmədli", "Vəlizadə", "Qasımlı")


@dataclass(frozen=True)
class PersonName:
    family: str
    given: str
    father: str
    gender: Gender

    @property
    def patronymic(self) -> str:
        return f"{self.father} {'oğlu' if self.gender == 'm' else 'qızı'}"

    @property
    def full(self) -> str:
        """The official order used throughout: "İsmayılov Rəşad Elçin oğlu"."""
        return f"{self.family} {self.given} {self.patronymic}"

    @property
    def email_local(self) -> str:
        return f"{slug(self.given)}.{slug(self.family)}".replace("-", "")


def family_form(masculine: str, gender: Gender) -> str:
    if gender == "f" and masculine.endswith(("ov", "yev", "ev")):
        return masculine + "a"
    return masculine


def person_name(given: str, family_masculine: str, father: str, gender: Gender) -> PersonName:
    return PersonName(family_form(family_masculine, gender), given, father, gender)


def random_name(rng: random.Random, gender: Gender | None = None) -> PersonName:
    """A plausible name; about 55 % of the ministry's staff are women."""
    return drawn_name(Draws(rng), gender)


def drawn_name(draws: Draws, gender: Gender | None = None) -> PersonName:
    """``random_name`` for callers that keep one ``Draws`` (the same draws, in order:
    gender, given name, family name kind, family name, father's name)."""
    sex: Gender = gender or ("f" if draws.random() < 0.55 else "m")
    given = draws.choice(FEMALE_GIVEN if sex == "f" else MALE_GIVEN)
    family = (
        draws.choice(GENDERED_FAMILY) if draws.random() < 0.92 else draws.choice(NEUTRAL_FAMILY)
    )
    return person_name(given, family, draws.choice(MALE_GIVEN), sex)
