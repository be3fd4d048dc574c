"""Azerbaijan's economic regions and their districts (the division of 7 July 2021)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["city", "rayon", "baku"]


@dataclass(frozen=True)
class District:
    code: str
    short: str  # "Şəki", "Sumqayıt", "Yasamal"
    kind: Kind
    population: int  # thousands, approximate; only scales the generated statistics

    @property
    def name(self) -> str:
        if self.kind == "city":
            return f"{self.short} şəhəri"
        if self.kind == "baku":
            return f"Bakı şəhəri, {self.short} rayonu"
        return f"{self.short} rayonu"

    @property
    def adjective(self) -> str:
        """The form used in institution names: "Şəki rayon", "Gəncə şəhər"."""
        return f"{self.short} şəhər" if self.kind == "city" else f"{self.short} rayon"


@dataclass(frozen=True)
class EconomicRegion:
    code: str
    short: str
    centre: str  # where its regional health administration sits
    area_code: str  # the landline code of that centre
    districts: tuple[District, ...]

    @property
    def name(self) -> str:
        return f"{self.short} iqtisadi rayonu"


def _d(code: str, short: str, population: int, kind: Kind = "rayon") -> District:
    return District(code, short, kind, population)


ECONOMIC_REGIONS: tuple[EconomicRegion, ...] = (
    EconomicRegion("baki", "Bakı", "Bakı", "12", (
        _d("baki-bineqedi", "Binəqədi", 270, "baku"),
        _d("baki-qaradag", "Qaradağ", 130, "baku"),
        _d("baki-xetai", "Xətai", 290, "baku"),
        _d("baki-xezer", "Xəzər", 170, "baku"),
        _d("baki-nerimanov", "Nərimanov", 170, "baku"),
        _d("baki-nesimi", "Nəsimi", 230, "baku"),
        _d("baki-nizami", "Nizami", 200, "baku"),
        _d("baki-pirallahi", "Pirallahı", 20, "baku"),
        _d("baki-sabuncu", "Sabunçu", 250, "baku"),
        _d("baki-sebail", "Səbail", 100, "baku"),
        _d("baki-suraxani", "Suraxanı", 220, "baku"),
        _d("baki-yasamal", "Yasamal", 260, "baku"),
    )),
    EconomicRegion("abseron-xizi", "Abşeron-Xızı", "Sumqayıt", "18", (
        _d("sumqayit", "Sumqayıt", 350, "city"),
        _d("abseron", "Abşeron", 220),
        _d("xizi", "Xızı", 17),
    )),
    EconomicRegion("dagliq-sirvan", "Dağlıq Şirvan", "Şamaxı", "20", (
        _d("agsu", "Ağsu", 80),
        _d("ismayilli", "İsmayıllı", 90),
        _d("qobustan", "Qobustan", 50),
        _d("samaxi", "Şamaxı", 110),
    )),
    EconomicRegion("gence-daskesen", "Gəncə-Daşkəsən", "Gəncə", "22", (
        _d("gence", "Gəncə", 335, "city"),
        _d("naftalan", "Naftalan", 10, "city"),
        _d("daskesen", "Daşkəsən", 35),
        _d("goranboy", "Goranboy", 100),
        _d("goygol", "Göygöl", 65),
        _d("samux", "Samux", 60),
    )),
    EconomicRegion("qarabag", "Qarabağ", "Bərdə", "20", (
        _d("xankendi", "Xankəndi", 8, "city"),
        _d("agcabedi", "Ağcabədi", 135),
        _d("agdam", "Ağdam", 60),
        _d("berde", "Bərdə", 160),
        _d("fuzuli", "Füzuli", 30),
        _d("xocali", "Xocalı", 5),
        _d("xocavend", "Xocavənd", 6),
        _d("susa", "Şuşa", 6),
        _d("terter", "Tərtər", 105),
    )),
    EconomicRegion("qazax-tovuz", "Qazax-Tovuz", "Tovuz", "22", (
        _d("agstafa", "Ağstafa", 90),
        _d("gedebey", "Gədəbəy", 100),
        _d("qazax", "Qazax", 100),
        _d("semkir", "Şəmkir", 215),
        _d("tovuz", "Tovuz", 180),
    )),
    EconomicRegion("quba-xacmaz", "Quba-Xaçmaz", "Quba", "23", (
        _d("xacmaz", "Xaçmaz", 175),
        _d("quba", "Quba", 170),
        _d("qusar", "Qusar", 100),
        _d("siyezen", "Siyəzən", 42),
        _d("sabran", "Şabran", 60),
    )),
    EconomicRegion("lenkeran-astara", "Lənkəran-Astara", "Lənkəran", "25", (
        _d("astara", "Astara", 110),
        _d("celilabad", "Cəlilabad", 225),
        _d("lenkeran", "Lənkəran", 230),
        _d("lerik", "Lerik", 85),
        _d("masalli", "Masallı", 225),
        _d("yardimli", "Yardımlı", 65),
    )),
    EconomicRegion("merkezi-aran", "Mərkəzi Aran", "Yevlax", "22", (
        _d("mingecevir", "Mingəçevir", 105, "city"),
        _d("agdas", "Ağdaş", 110),
        _d("goycay", "Göyçay", 125),
        _d("kurdemir", "Kürdəmir", 115),
        _d("ucar", "Ucar", 85),
        _d("yevlax", "Yevlax", 130),
        _d("zerdab", "Zərdab", 60),
    )),
    EconomicRegion("mil-mugan", "Mil-Muğan", "İmişli", "21", (
        _d("beyleqan", "Beyləqan", 100),
        _d("imisli", "İmişli", 130),
        _d("saatli", "Saatlı", 110),
        _d("sabirabad", "Sabirabad", 175),
    )),
    EconomicRegion("seki-zaqatala", "Şəki-Zaqatala", "Şəki", "24", (
        _d("balaken", "Balakən", 100),
        _d("qax", "Qax", 60),
        _d("qebele", "Qəbələ", 110),
        _d("oguz", "Oğuz", 45),
        _d("seki", "Şəki", 185),
        _d("zaqatala", "Zaqatala", 125),
    )),
    EconomicRegion("serqi-zengezur", "Şərqi Zəngəzur", "Zəngilan", "26", (
        _d("cebrayil", "Cəbrayıl", 5),
        _d("kelbecer", "Kəlbəcər", 4),
        _d("qubadli", "Qubadlı", 4),
        _d("lacin", "Laçın", 6),
        _d("zengilan", "Zəngilan", 5),
    )),
    EconomicRegion("sirvan-salyan", "Şirvan-Salyan", "Şirvan", "21", (
        _d("sirvan", "Şirvan", 85, "city"),
        _d("bilesuvar", "Biləsuvar", 105),
        _d("haciqabul", "Hacıqabul", 75),
        _d("neftcala", "Neftçala", 90),
        _d("salyan", "Salyan", 140),
    )),
    EconomicRegion("naxcivan", "Naxçıvan", "Naxçıvan", "36", (
        _d("naxcivan-seheri", "Naxçıvan", 95, "city"),
        _d("babek", "Babək", 75),
        _d("culfa", "Culfa", 45),
        _d("kengerli", "Kəngərli", 30),
        _d("ordubad", "Ordubad", 50),
        _d("sederek", "Sədərək", 17),
        _d("sahbuz", "Şahbuz", 25),
        _d("serur", "Şərur", 115),
    )),
)  # fmt: skip

DISTRICTS: tuple[District, ...] = tuple(d for er in ECONOMIC_REGIONS for d in er.districts)


def region_records() -> Iterator[dict[str, Any]]:
    """Economic regions first (no parent), then their districts."""
    for er in ECONOMIC_REGIONS:
        yield {
            "id": f"region-{er.code}",
            "code": er.code,
            "name": er.name,
            "parent_code": None,
            "population": None,
        }
    for er in ECONOMIC_REGIONS:
        for d in er.districts:
            yield {
                "id": f"region-{d.code}",
                "code": d.code,
                "name": d.name,
                "parent_code": er.code,
                "population": d.population * 1000,
            }
