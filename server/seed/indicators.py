"""Public-health indicators and five years of monthly values per district.

Each series is a district level plus a yearly trend, a seasonal wave and noise; counts scale
with the district's population, and small districts get noisier rates, as real data do.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from server.seed.geography import DISTRICTS


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    description: str
    level: float  # national level: a rate, or a monthly count per 1 000 inhabitants
    spread: float  # relative spread between districts
    trend: float  # relative change per year
    season_peak: int  # month of the seasonal maximum
    season: float  # relative seasonal amplitude
    noise: float  # relative noise in a district of 100 000 inhabitants
    count: bool  # a count scaled by population, else a rate
    ceiling: float | None = None
    adoption: bool = False  # grows along an S-curve (digital services being rolled out)
    target: float | None = None  # the level aimed at
    alert: float | None = None  # beyond it: attention
    higher_is_better: bool | None = None  # the direction of target and alert

    @property
    def id(self) -> str:
        return f"ind-{self.code}"

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "description": self.description,
            "target": self.target,
            "alert": self.alert,
            "higher_is_better": self.higher_is_better,
        }


INDICATORS = (
    Indicator(
        "immunization-coverage", "Uşaqların peyvəndlə əhatəsi (DTP3)", "%",
        "Müvafiq yaşda göy öskürək, difteriya və tetanusa qarşı üçüncü doza peyvənd almış "
        "uşaqların payı.", 94.0, 0.03, 0.003, 10, 0.004, 0.01, False, 99.8,
        target=95.0, alert=90.0, higher_is_better=True,
    ),
    Indicator(
        "infant-mortality", "Körpə ölümü əmsalı", "1000 diri doğulana",
        "Bir yaşadək ölən uşaqların sayı, 1000 diri doğulana görə.",
        11.0, 0.2, -0.04, 1, 0.06, 0.12, False,
        target=10.0, alert=14.0, higher_is_better=False,
    ),
    Indicator(
        "bed-occupancy", "Çarpayı fondundan istifadə", "%",
        "Stasionar çarpayıların orta tutumu, ay ərzində.", 68.0, 0.1, 0.007, 1, 0.1, 0.035,
        False, 98.0, target=85.0, alert=92.0, higher_is_better=False,
    ),
    Indicator(
        "tb-incidence", "Vərəm xəstələnməsi", "100 000 əhaliyə",
        "Vərəmin yeni və residiv halları, illik hesabla 100 000 əhaliyə.",
        55.0, 0.22, -0.04, 4, 0.08, 0.1, False,
        target=40.0, alert=60.0, higher_is_better=False,
    ),
    Indicator(
        "e-prescriptions", "Yazılmış elektron reseptlər", "ədəd",
        "Elektron resept sistemində ay ərzində yazılmış reseptlərin sayı.",
        260.0, 0.15, 0.0, 1, 0.08, 0.05, True, None, True,
    ),
    Indicator(
        "sick-leave-certificates", "Verilmiş elektron xəstəlik vərəqələri", "ədəd",
        "Əmək qabiliyyətinin müvəqqəti itirilməsi barədə ay ərzində verilmiş elektron "
        "vərəqələrin sayı.", 9.0, 0.15, 0.03, 1, 0.3, 0.06, True,
    ),
    Indicator(
        "discharge-summaries", "Verilmiş çıxarış epikrizləri", "ədəd",
        "Stasionardan yazılan xəstələrə ay ərzində verilmiş elektron çıxarış epikrizləri.",
        6.0, 0.2, 0.05, 12, 0.08, 0.05, True,
    ),
    Indicator(
        "maternal-mortality", "Ana ölümü əmsalı", "100 000 diri doğulana",
        "Hamiləlik, doğuş və doğuşdan sonrakı dövrdə ölüm halları, 100 000 diri doğulana.",
        18.0, 0.3, -0.05, 7, 0.05, 0.3, False,
        target=15.0, alert=25.0, higher_is_better=False,
    ),
    Indicator(
        "ambulance-calls", "Təcili tibbi yardım çağırışları", "ədəd",
        "Təcili tibbi yardım xidmətinə ay ərzində daxil olmuş çağırışların sayı.",
        25.0, 0.15, 0.02, 1, 0.15, 0.05, True,
    ),
    Indicator(
        "outpatient-visits", "Ambulator-poliklinik müraciətlər", "ədəd",
        "Ailə həkimlərinə və poliklinikalara ay ərzində edilmiş müraciətlərin sayı.",
        330.0, 0.15, 0.025, 2, 0.12, 0.04, True,
    ),
)  # fmt: skip


def periods(today: date, months: int = 60) -> list[date]:
    """The first days of the ``months`` months ending with the month before ``today``."""
    last = today.replace(day=1) - timedelta(days=1)
    year, month = last.year, last.month
    result = []
    for _ in range(months):
        result.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return result[::-1]


PROVISIONAL_MONTHS = 2
"""The newest months stay provisional (values may still be revised)."""
PUBLICATION_DAY = 15


def published_on(month: date, today: date) -> date:
    """A month's values are published on the 15th of the next month (not after today)."""
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=PUBLICATION_DAY)
    return min(following, today)


def indicator_values(rng: random.Random, today: date) -> Iterator[dict[str, Any]]:
    """Every indicator, for every district, month by month."""
    months = periods(today)
    provisional = set(months[-PROVISIONAL_MONTHS:])
    start = months[0]
    index = 0
    for indicator in INDICATORS:
        for district in DISTRICTS:
            level = indicator.level * (1 + rng.uniform(-1, 1) * indicator.spread)
            scale = district.population if indicator.count else 1.0
            noise = indicator.noise * min(4.0, math.sqrt(100 / max(district.population, 1)))
            for month in months:
                years = (month.year - start.year) + (month.month - start.month) / 12
                value = level * (1 + indicator.trend) ** years
                if indicator.adoption:  # from a few per cent to full use over five years
                    value *= 0.05 + 0.95 / (1 + math.exp(-1.6 * (years - 2.2)))
                value *= 1 + indicator.season * math.cos(
                    2 * math.pi * (month.month - indicator.season_peak) / 12
                )
                value *= 1 + rng.gauss(0, noise)
                value = max(value, 0.0) * scale
                if indicator.ceiling is not None:
                    value = min(value, indicator.ceiling)
                index += 1
                yield {
                    "id": f"ival-{index:06d}",
                    "indicator_id": indicator.id,
                    "region_code": district.code,
                    "period": f"{month:%Y-%m}",
                    "value": float(round(value)) if indicator.count else round(value, 1),
                    "published_on": f"{published_on(month, today):%Y-%m-%d}",
                    "provisional": month in provisional,
                }
