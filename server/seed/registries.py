"""The four medical registries and their rows, generated lazily (the large set has a million)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from server.seed.draws import Draws, Weighted
from server.seed.geography import DISTRICTS, ECONOMIC_REGIONS, District
from server.seed.names import drawn_name

Record = dict[str, Any]

AREA_CODES = {d.code: er.area_code for er in ECONOMIC_REGIONS for d in er.districts}
DISTRICT_NAMES = [d.name for d in DISTRICTS]
DISTRICT_WEIGHTS = [d.population for d in DISTRICTS]

STREETS = (
    "Nizami küçəsi", "Füzuli küçəsi", "Azadlıq prospekti", "Heydər Əliyev prospekti",
    "Səməd Vurğun küçəsi", "Üzeyir Hacıbəyov küçəsi", "Xətai prospekti", "Neftçilər prospekti",
    "Həsən bəy Zərdabi küçəsi", "Cəfər Cabbarlı küçəsi", "Atatürk prospekti",
    "Məhəmməd Hadi küçəsi", "Əli bəy Hüseynzadə küçəsi", "Bakıxanov küçəsi", "28 May küçəsi",
    "İstiqlaliyyət küçəsi",
    "Natəvan küçəsi", "Mirzə Fətəli Axundzadə küçəsi", "Qarabağ küçəsi", "Dədə Qorqud küçəsi",
)  # fmt: skip

INSTITUTION_TYPES: tuple[tuple[str, str, int, tuple[int, int], str], ...] = (
    # (type label, name pattern, weight, beds range, ownership)
    ("Poliklinika", "{adj} {n} saylı poliklinika", 14, (0, 0), "Dövlət"),
    ("Uşaq poliklinikası", "{adj} {n} saylı uşaq poliklinikası", 5, (0, 0), "Dövlət"),
    ("Həkim ambulatoriyası", "{adj} {n} saylı həkim ambulatoriyası", 18, (0, 0), "Dövlət"),
    ("Feldşer-mama məntəqəsi", "{adj} {n} saylı feldşer-mama məntəqəsi", 20, (0, 0), "Dövlət"),
    ("Xəstəxana", "{adj} {n} saylı xəstəxana", 8, (30, 350), "Dövlət"),
    ("Doğum evi", "{adj} {n} saylı doğum evi", 3, (40, 160), "Dövlət"),
    ("Stomatoloji poliklinika", "{adj} {n} saylı stomatoloji poliklinika", 5, (0, 0), "Dövlət"),
    ("Diaqnostika-müalicə mərkəzi", "{adj} {n} saylı diaqnostika-müalicə mərkəzi", 4, (20, 120),
     "Dövlət"),
    ("Təcili tibbi yardım stansiyası", "{adj} {n} saylı təcili tibbi yardım stansiyası", 3,
     (0, 0), "Dövlət"),
    ("Özəl tibb mərkəzi", "«{brand}» tibb mərkəzi, {short} filialı № {n}", 12, (0, 60), "Özəl"),
    ("Özəl stomatoloji klinika", "«{brand}» stomatoloji klinikası, {short} № {n}", 8, (0, 0),
     "Özəl"),
)  # fmt: skip
BRANDS = ("Şəfa", "Həyat", "Sağlam Ailə", "Mərhəm", "Avrasiya", "Dostluq", "Nur", "Mədinə", "Ulduz",
          "Loğman", "Aypara", "Xəzər")  # fmt: skip

SPECIALTIES = (
    "Ailə həkimi", "Terapevt", "Pediatr", "Cərrah", "Kardioloq", "Nevroloq", "Mama-ginekoloq",
    "Oftalmoloq", "Otorinolarinqoloq", "Stomatoloq", "Endokrinoloq", "Psixiatr", "Radioloq",
    "Anestezioloq-reanimatoloq", "Travmatoloq-ortoped", "İnfeksionist", "Ftiziatr", "Dermatoloq",
    "Uroloq", "Onkoloq", "Laborant", "Tibb bacısı", "Feldşer", "Mama", "Əczaçı",
)  # fmt: skip
SPECIALTY_WEIGHTS = (6, 5, 5, 3, 3, 2, 3, 2, 2, 3, 2, 1, 2, 2, 2, 1, 1, 1, 1, 1, 3, 18, 5, 3, 2)
CATEGORIES = ("Ali", "Birinci", "İkinci", "Kateqoriyasız")
FIN_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVXZ"  # 32 symbols

# One medicine per line: INN (Azerbaijani spelling) | ATC code | forms | strengths |
# "R" when sold on prescription only.
_MEDICINE_TABLE = """
    Parasetamol | N02BE01 | Tablet; Şərbət; Süpozitoriya | 500 mq; 120 mq/5 ml; 250 mq | -
    İbuprofen | M01AE01 | Örtüklü tablet; Suspenziya | 200 mq; 400 mq; 100 mq/5 ml | -
    Amoksisillin | J01CA04 | Kapsul; Suspenziya üçün toz | 250 mq; 500 mq | R
    Amoksisillin və klavulan turşusu | J01CR02 | Örtüklü tablet | 500 mq/125 mq; 875 mq/125 mq | R
    Azitromisin | J01FA10 | Kapsul; Örtüklü tablet | 250 mq; 500 mq | R
    Klaritromisin | J01FA09 | Örtüklü tablet | 250 mq; 500 mq | R
    Siprofloksasin | J01MA02 | Örtüklü tablet; İnfuziya üçün məhlul | 500 mq; 2 mq/ml | R
    Levofloksasin | J01MA12 | Örtüklü tablet | 500 mq; 750 mq | R
    Seftriakson | J01DD04 | İnyeksiya üçün toz | 1 q; 500 mq | R
    Sefuroksim | J01DC02 | Örtüklü tablet; İnyeksiya üçün toz | 250 mq; 750 mq | R
    Doksisiklin | J01AA02 | Kapsul | 100 mq | R
    Metformin | A10BA02 | Örtüklü tablet | 500 mq; 850 mq; 1000 mq | R
    Qliklazid | A10BB09 | Modifikasiya olunmuş tablet | 30 mq; 60 mq | R
    Sitaqliptin | A10BH01 | Örtüklü tablet | 50 mq; 100 mq | R
    Empaqliflozin | A10BK03 | Örtüklü tablet | 10 mq; 25 mq | R
    Dapaqliflozin | A10BK01 | Örtüklü tablet | 5 mq; 10 mq | R
    İnsulin qlargin | A10AE04 | İnyeksiya üçün məhlul | 100 TV/ml | R
    Atorvastatin | C10AA05 | Örtüklü tablet | 10 mq; 20 mq; 40 mq | R
    Rozuvastatin | C10AA07 | Örtüklü tablet | 5 mq; 10 mq; 20 mq | R
    Simvastatin | C10AA01 | Örtüklü tablet | 20 mq; 40 mq | R
    Amlodipin | C08CA01 | Tablet | 5 mq; 10 mq | R
    Enalapril | C09AA02 | Tablet | 5 mq; 10 mq; 20 mq | R
    Lizinopril | C09AA03 | Tablet | 5 mq; 10 mq; 20 mq | R
    Lozartan | C09CA01 | Örtüklü tablet | 50 mq; 100 mq | R
    Valsartan | C09CA03 | Örtüklü tablet | 80 mq; 160 mq | R
    Bisoprolol | C07AB07 | Örtüklü tablet | 2,5 mq; 5 mq; 10 mq | R
    Metoprolol | C07AB02 | Tablet | 25 mq; 50 mq; 100 mq | R
    Nebivolol | C07AB12 | Tablet | 5 mq | R
    İndapamid | C03BA11 | Modifikasiya olunmuş tablet | 1,5 mq | R
    Furosemid | C03CA01 | Tablet; İnyeksiya üçün məhlul | 40 mq; 10 mq/ml | R
    Spironolakton | C03DA01 | Tablet | 25 mq; 50 mq | R
    Hidroxlorotiazid | C03AA03 | Tablet | 25 mq | R
    Amiodaron | C01BD01 | Tablet | 200 mq | R
    Diqoksin | C01AA05 | Tablet | 0,25 mq | R
    Nitroqliserin | C01DA02 | Dilaltı sprey | 0,4 mq/doza | -
    Asetilsalisil turşusu | B01AC06 | Bağırsaqda həll olunan tablet | 75 mq; 100 mq | -
    Klopidoqrel | B01AC04 | Örtüklü tablet | 75 mq | R
    Varfarin | B01AA03 | Tablet | 2,5 mq; 5 mq | R
    Rivaroksaban | B01AF01 | Örtüklü tablet | 10 mq; 15 mq; 20 mq | R
    Apiksaban | B01AF02 | Örtüklü tablet | 2,5 mq; 5 mq | R
    Enoksaparin natrium | B01AB05 | İnyeksiya üçün məhlul | 4000 AV/0,4 ml | R
    Omeprazol | A02BC01 | Kapsul | 20 mq; 40 mq | -
    Pantoprazol | A02BC02 | Bağırsaqda həll olunan tablet | 20 mq; 40 mq | R
    Ezomeprazol | A02BC05 | Bağırsaqda həll olunan tablet | 20 mq; 40 mq | R
    Famotidin | A02BA03 | Örtüklü tablet | 20 mq; 40 mq | -
    Drotaverin | A03AD02 | Tablet; İnyeksiya üçün məhlul | 40 mq; 20 mq/ml | -
    Metoklopramid | A03FA01 | Tablet | 10 mq | R
    Loperamid | A07DA03 | Kapsul | 2 mq | -
    Levotiroksin natrium | H03AA01 | Tablet | 50 mkq; 100 mkq | R
    Prednizolon | H02AB06 | Tablet | 5 mq | R
    Deksametazon | H02AB02 | İnyeksiya üçün məhlul | 4 mq/ml | R
    Salbutamol | R03AC02 | İnhalyasiya üçün aerozol | 100 mkq/doza | R
    Budesonid | R03BA02 | İnhalyasiya üçün suspenziya | 0,25 mq/ml; 0,5 mq/ml | R
    Montelukast | R03DC03 | Çeynəmə tableti; Örtüklü tablet | 5 mq; 10 mq | R
    Setirizin | R06AE07 | Örtüklü tablet; Damcı | 10 mq; 10 mq/ml | -
    Loratadin | R06AX13 | Tablet; Şərbət | 10 mq; 5 mq/5 ml | -
    Ambroksol | R05CB06 | Tablet; Şərbət | 30 mq; 15 mq/5 ml | -
    Asetilsistein | R05CB01 | Suda həll olunan tablet | 200 mq; 600 mq | -
    Diklofenak | M01AB05 | Tablet; Gel; İnyeksiya üçün məhlul | 50 mq; 1 %; 25 mq/ml | -
    Meloksikam | M01AC06 | Tablet | 7,5 mq; 15 mq | R
    Ketorolak | M01AB15 | Tablet; İnyeksiya üçün məhlul | 10 mq; 30 mq/ml | R
    Tramadol | N02AX02 | Kapsul | 50 mq | R
    Karbamazepin | N03AF01 | Tablet | 200 mq | R
    Qabapentin | N03AX12 | Kapsul | 300 mq | R
    Sertralin | N06AB06 | Örtüklü tablet | 50 mq; 100 mq | R
    Essitalopram | N06AB10 | Örtüklü tablet | 10 mq; 20 mq | R
    Diazepam | N05BA01 | Tablet | 5 mq | R
    Flukonazol | J02AC01 | Kapsul | 50 mq; 150 mq | R
    Asiklovir | J05AB01 | Tablet; Krem | 400 mq; 5 % | -
    Oseltamivir | J05AH02 | Kapsul | 75 mq | R
    Metronidazol | P01AB01 | Tablet | 250 mq; 500 mq | R
    Mebendazol | P02CA01 | Tablet | 100 mq | -
    Allopurinol | M04AA01 | Tablet | 100 mq; 300 mq | R
    Tamsulozin | G04CA02 | Modifikasiya olunmuş kapsul | 0,4 mq | R
    Kolekalsiferol | A11CC05 | Oral damcı | 15000 BV/ml | -
    Fol turşusu | B03BB01 | Tablet | 1 mq; 5 mq | -
    Dəmir (II) sulfat | B03AA07 | Modifikasiya olunmuş tablet | 80 mq | -
    Ondansetron | A04AA01 | Örtüklü tablet; İnyeksiya üçün məhlul | 8 mq; 2 mq/ml | R
"""


def _medicines() -> tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], bool], ...]:
    result = []
    for line in _MEDICINE_TABLE.strip().splitlines():
        inn, atc, forms, strengths, prescription = (part.strip() for part in line.split("|"))
        result.append(
            (inn, atc, tuple(forms.split("; ")), tuple(strengths.split("; ")), prescription == "R")
        )
    return tuple(result)


MEDICINES = _medicines()
BRAND_ENDINGS = ("ex", "ol", "in", "vel", "max", "ron", "fort", "id", "an", "ra", "ta", "med")

MANUFACTURERS = (
    ("Xəzər Farm MMC", "Azərbaycan"), ("Qafqaz Dərman ASC", "Azərbaycan"),
    ("Anadolu İlaç A.Ş.", "Türkiyə"), ("Boğaziçi Farma A.Ş.", "Türkiyə"),
    ("Rheinmed Pharma GmbH", "Almaniya"), ("Elbe Arzneimittel GmbH", "Almaniya"),
    ("Vistula Pharma S.A.", "Polşa"), ("Danubia Gyógyszer Zrt.", "Macarıstan"),
    ("Sava Farma d.d.", "Sloveniya"), ("Ganga Remedies Ltd", "Hindistan"),
    ("Deccan Lifesciences Ltd", "Hindistan"), ("Alpenmed AG", "İsveçrə"),
    ("Lumière Santé SAS", "Fransa"), ("Appennino Farmaceutici S.p.A.", "İtaliya"),
    ("Volga Farm ASC", "Rusiya"), ("Nemunas Pharma UAB", "Litva"),
    ("Minsk Medpreparatlar ASC", "Belarus"), ("Jade River Pharma Co.", "Çin"),
)  # fmt: skip
COUNTRIES = sorted({country for _, country in MANUFACTURERS})
FORMS = sorted({form for _, _, forms, _, _ in MEDICINES for form in forms})

PHARMACY_NETWORKS = ("Şəfa", "Dərman Evi", "Sağlam Həyat", "Məlhəm", "Aptek Plus", "Nar Aptek",
                     "Xəzər Aptek")  # fmt: skip
INDEPENDENT = "Müstəqil aptek"


def _column(
    key: str, label: str, kind: str, filterable: bool = False, options: list[str] | None = None
) -> dict[str, Any]:
    column: dict[str, Any] = {"key": key, "label": label, "type": kind, "filterable": filterable}
    if kind == "enum":
        column["options"] = options or []
    return column


@dataclass(frozen=True)
class Registry:
    id: str
    code: str
    name: str
    description: str
    personal_data: bool
    columns: tuple[dict[str, Any], ...]

    def record(self, row_count: int) -> Record:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "description": self.description,
            "columns": list(self.columns),
            "row_count": row_count,
            "personal_data": self.personal_data,
        }


INSTITUTIONS = Registry(
    "reg-institutions", "institutions", "Tibb müəssisələrinin reyestri",
    "Ölkənin dövlət və özəl tibb müəssisələri: növü, yerləşdiyi rayon, çarpayı fondu və "
    "akkreditasiya vəziyyəti.", False,
    (
        _column("name", "Müəssisənin adı", "text"),
        _column("type", "Növü", "enum", True, [t[0] for t in INSTITUTION_TYPES]),
        _column("district", "Rayon / şəhər", "enum", True, DISTRICT_NAMES),
        _column("ownership", "Mülkiyyət forması", "enum", True, ["Dövlət", "Özəl"]),
        _column("beds", "Çarpayı sayı", "integer", True),
        _column("address", "Ünvan", "text"),
        _column("phone", "Telefon", "text"),
        _column("license_no", "Lisenziya nömrəsi", "text"),
        _column("opened", "Fəaliyyətə başlama tarixi", "date", True),
        _column("accredited", "Akkreditasiya olunub", "boolean", True),
    ),
)  # fmt: skip
HEALTH_WORKERS = Registry(
    "reg-health-workers", "health-workers", "Tibb işçilərinin reyestri",
    "Həkimlər, orta tibb işçiləri və əczaçılar: ixtisas, iş yeri, kateqoriya və lisenziya. "
    "Şəxsi məlumatlar: yalnız səlahiyyətli əməkdaşlar üçün.", True,
    (
        _column("full_name", "Soyadı, adı, atasının adı", "text"),
        _column("fin", "FİN", "text"),
        _column("gender", "Cinsi", "enum", True, ["Kişi", "Qadın"]),
        _column("birth_date", "Doğum tarixi", "date"),
        _column("specialty", "İxtisası", "enum", True, list(SPECIALTIES)),
        _column("institution", "İş yeri", "text"),
        _column("district", "Rayon / şəhər", "enum", True, DISTRICT_NAMES),
        _column("category", "Kateqoriya", "enum", True, list(CATEGORIES)),
        _column("experience_years", "İş stajı (il)", "integer", True),
        _column("license_valid_until", "Lisenziyanın etibarlılıq müddəti", "date", True),
        _column("mobile", "Mobil telefon", "text"),
        _column("active", "Fəaliyyətdədir", "boolean", True),
    ),
)  # fmt: skip
MEDICINE_REGISTRY = Registry(
    "reg-medicines", "medicines", "Dərman vasitələrinin dövlət reyestri",
    "Azərbaycan Respublikasında dövlət qeydiyyatından keçmiş dərman vasitələri: ticarət adı, "
    "beynəlxalq patentləşdirilməmiş adı (BPA), ATC kodu, istehsalçı və qeydiyyatın müddəti.",
    False,
    (
        _column("trade_name", "Ticarət adı", "text"),
        _column("inn", "Beynəlxalq patentləşdirilməmiş adı", "text", True),
        _column("atc_code", "ATC kodu", "text", True),
        _column("form", "Buraxılış forması", "enum", True, FORMS),
        _column("strength", "Dozası", "text"),
        _column("manufacturer", "İstehsalçı", "text", True),
        _column("country", "İstehsalçı ölkə", "enum", True, COUNTRIES),
        _column("registration_no", "Qeydiyyat nömrəsi", "text"),
        _column("valid_until", "Qeydiyyatın etibarlılıq müddəti", "date", True),
        _column("prescription_only", "Reseptlə buraxılır", "boolean", True),
    ),
)  # fmt: skip
PHARMACIES = Registry(
    "reg-pharmacies", "pharmacies", "Aptek müəssisələrinin reyestri",
    "Lisenziyalı apteklər: şəbəkə, ünvan, lisenziya və iş rejimi.", False,
    (
        _column("name", "Aptekin adı", "text"),
        _column("network", "Aptek şəbəkəsi", "enum", True, [*PHARMACY_NETWORKS, INDEPENDENT]),
        _column("district", "Rayon / şəhər", "enum", True, DISTRICT_NAMES),
        _column("address", "Ünvan", "text"),
        _column("phone", "Telefon", "text"),
        _column("license_no", "Lisenziya nömrəsi", "text"),
        _column("license_valid_until", "Lisenziyanın etibarlılıq müddəti", "date", True),
        _column("open_24h", "Gecə-gündüz işləyir", "boolean", True),
    ),
)  # fmt: skip

REGISTRIES = (INSTITUTIONS, HEALTH_WORKERS, MEDICINE_REGISTRY, PHARMACIES)


_DISTRICT = Weighted(DISTRICTS, DISTRICT_WEIGHTS)
_SPECIALTY = Weighted(SPECIALTIES, SPECIALTY_WEIGHTS)
_CATEGORY = Weighted(CATEGORIES, (2, 3, 3, 4))
_MOBILE_PREFIXES = ("50", "51", "55", "70", "77")


class _Rows:
    """Shared helpers for row generators: row ids, dates, addresses and phones.

    Draws go through ``Draws`` (the same numbers as ``rng.randint``/``choice``/``choices``,
    see ``server.seed.draws``); each helper draws in the order the fields are written."""

    def __init__(self, rng: random.Random, registry: Registry, today: date) -> None:
        self.rng = rng
        self.draws = Draws(rng)
        self.registry = registry
        self.today = today
        self.today_ordinal = today.toordinal()
        self.prefix = f"rrow-{registry.code}-"

    def row(self, index: int, values: Record) -> Record:
        return {
            "id": f"{self.prefix}{index:06d}",
            "registry_id": self.registry.id,
            "values": values,
        }

    def day(self, earliest: int, latest: int) -> str:
        """A date ``earliest``..``latest`` days from today (negative: in the past)."""
        offset = earliest + self.draws.below(latest - earliest + 1)
        return date.fromordinal(self.today_ordinal + offset).isoformat()

    def district(self) -> District:
        return _DISTRICT.pick(self.draws.random)

    def address(self, district: District) -> str:
        below = self.draws.below
        street = f"{STREETS[below(len(STREETS))]} {1 + below(180)}"
        if district.kind == "baku":
            return f"Bakı şəhəri, {district.short} rayonu, {street}"
        return f"{district.name}, {street}"

    def phone(self, district: District) -> str:
        below = self.draws.below
        return (
            f"+994 {AREA_CODES[district.code]} {200 + below(400)} {below(100):02d} {below(100):02d}"
        )


InstitutionType = tuple[str, str, int, tuple[int, int], str]


@dataclass(frozen=True)
class Institution:
    name: str
    district: District
    kind: InstitutionType


def institution_identities(rng: random.Random, count: int) -> list[Institution]:
    """Names and districts of the institutions, numbered per district and type; the health
    workers' registry refers to them."""
    kinds = Weighted(INSTITUTION_TYPES, [t[2] for t in INSTITUTION_TYPES])
    draws = Draws(rng)
    numbers: dict[tuple[str, str], int] = {}
    result = []
    for _ in range(count):
        district = _DISTRICT.pick(draws.random)
        kind = kinds.pick(draws.random)
        brand = draws.choice(BRANDS)
        key = (district.code, kind[0] + brand * (kind[4] == "Özəl"))
        numbers[key] = numbers.get(key, 0) + 1
        name = kind[1].format(
            adj=district.adjective, n=numbers[key], brand=brand, short=district.short
        )
        result.append(Institution(name, district, kind))
    return result


def institution_rows(
    rng: random.Random, today: date, institutions: list[Institution]
) -> Iterator[Record]:
    rows = _Rows(rng, INSTITUTIONS, today)
    draws = rows.draws
    for index, institution in enumerate(institutions, start=1):
        label, _pattern, _weight, (low, high), ownership = institution.kind
        district = institution.district
        yield rows.row(
            index,
            {
                "name": institution.name,
                "type": label,
                "district": district.name,
                "ownership": ownership,
                "beds": draws.randint(low, high) if high else 0,
                "address": rows.address(district),
                "phone": rows.phone(district),
                "license_no": f"TM-{draws.randint(2005, today.year)}-{index:06d}",
                "opened": rows.day(-60 * 365, -200),
                "accredited": draws.random() < 0.72,
            },
        )


def worker_rows(
    rng: random.Random, today: date, count: int, institutions: list[Institution]
) -> Iterator[Record]:
    rows = _Rows(rng, HEALTH_WORKERS, today)
    below, random_ = rows.draws.below, rows.draws.random
    pick_specialty, pick_category = _SPECIALTY.pick, _CATEGORY.pick
    today_ordinal = rows.today_ordinal
    fin_space = len(FIN_ALPHABET) ** 7
    workplaces = len(institutions)
    for index in range(1, count + 1):
        name = drawn_name(rows.draws)
        age = 23 + below(46)  # randint(23, 68)
        born = date.fromordinal(today_ordinal - age * 365 - below(365))
        workplace = institutions[below(workplaces)]
        # A bijection of the index, so FİN codes are unique yet look random.
        code = (index * 2_654_435_761 + 97_531) % fin_space
        fin = "".join(FIN_ALPHABET[(code >> (5 * i)) & 31] for i in range(7))
        r = 200 + below(800)  # randint(200, 999)
        yield rows.row(
            index,
            {
                "full_name": name.full,
                "fin": fin,
                "gender": "Kişi" if name.gender == "m" else "Qadın",
                "birth_date": born.isoformat(),
                "specialty": pick_specialty(random_),
                "institution": workplace.name,
                "district": workplace.district.name,
                "category": pick_category(random_),
                "experience_years": max(0, age - 23 - below(9)),
                "license_valid_until": rows.day(-60, 5 * 365),
                "mobile": f"+994 {_MOBILE_PREFIXES[below(5)]} {r} "
                f"{below(100):02d} {below(100):02d}",
                "active": random_() < 0.93,
            },
        )


def medicine_rows(rng: random.Random, today: date, count: int) -> Iterator[Record]:
    rows = _Rows(rng, MEDICINE_REGISTRY, today)
    below, random_ = rows.draws.below, rows.draws.random
    today_ordinal = rows.today_ordinal
    for index in range(1, count + 1):
        inn, atc, forms, strengths, prescription = MEDICINES[below(len(MEDICINES))]
        maker, country = MANUFACTURERS[below(len(MANUFACTURERS))]
        if random_() < 0.5:
            trade = f"{inn.split()[0]}-{maker.split()[0]}"
        else:
            trade = (
                inn.split()[0][: 3 + below(3)].rstrip("- ")
                + BRAND_ENDINGS[below(len(BRAND_ENDINGS))]
            )
        # randint(30, 5 * 365 - 1) days ago
        registered = date.fromordinal(today_ordinal - 30 - below(5 * 365 - 30))
        valid_until = registered + timedelta(days=5 * 365)  # registrations last five years
        yield rows.row(
            index,
            {
                "trade_name": trade,
                "inn": inn,
                "atc_code": atc,
                "form": forms[below(len(forms))],
                "strength": strengths[below(len(strengths))],
                "manufacturer": maker,
                "country": country,
                "registration_no": f"DV-{registered.year}-{index:06d}",
                "valid_until": valid_until.isoformat(),
                "prescription_only": prescription,
            },
        )


def pharmacy_rows(rng: random.Random, today: date, count: int) -> Iterator[Record]:
    rows = _Rows(rng, PHARMACIES, today)
    draws = rows.draws
    numbers: dict[str, int] = {}
    for index in range(1, count + 1):
        district = rows.district()
        network = draws.choice(PHARMACY_NETWORKS) if draws.random() < 0.6 else INDEPENDENT
        key = network if network != INDEPENDENT else district.code
        numbers[key] = numbers.get(key, 0) + 1
        name = (
            f"«{network}» apteki № {numbers[key]}"
            if network != INDEPENDENT
            else f"{district.adjective} {numbers[key]} saylı aptek"
        )
        yield rows.row(
            index,
            {
                "name": name,
                "network": network,
                "district": district.name,
                "address": rows.address(district),
                "phone": rows.phone(district),
                "license_no": f"AP-{draws.randint(2010, today.year)}-{index:06d}",
                "license_valid_until": rows.day(-30, 5 * 365),
                "open_24h": draws.random() < 0.12,
            },
        )
