"""Folders, documents with real file content and their versions, and shares between staff."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any, Literal

from server.blobs import BlobStore
from server.records import iso
from server.seed.directory import Directory
from server.seed.files import CONTENT_TYPES, Content, build
from server.seed.text import capitalize, ordinal, safe_filename

Access = Literal["ministry", "department", "restricted"]

MONTHS = (
    "yanvar", "fevral", "mart", "aprel", "may", "iyun",
    "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
)  # fmt: skip

# (phrase usable before "üzrə" / "sahəsində", tag)
TOPICS = (
    ("ana və uşaq sağlamlığı", "ana-uşaq"), ("immunoprofilaktika", "peyvənd"),
    ("vərəmlə mübarizə", "vərəm"), ("elektron səhiyyə", "e-səhiyyə"),
    ("dərman təminatı", "dərman"), ("tibbi kadrların hazırlanması", "kadr"),
    ("təcili tibbi yardım", "təcili-yardım"), ("ilkin səhiyyə xidməti", "ilkin-yardım"),
    ("yoluxucu xəstəliklərə nəzarət", "epidemiologiya"),
    ("qeyri-infeksion xəstəliklərin profilaktikası", "profilaktika"),
    ("psixi sağlamlıq", "psixi-sağlamlıq"), ("reabilitasiya xidmətləri", "reabilitasiya"),
    ("icbari tibbi sığorta", "sığorta"), ("qan xidməti", "qan-xidməti"),
    ("tibbi avadanlıqların təchizatı", "avadanlıq"),
    ("informasiya təhlükəsizliyi", "təhlükəsizlik"), ("büdcənin icrası", "büdcə"),
    ("vətəndaş müraciətləri", "müraciətlər"),
)  # fmt: skip
PROTOCOLS = (
    "arterial hipertenziya", "2-ci tip şəkərli diabet", "bronxial astma",
    "icmadan qazanılmış pnevmoniya", "kəskin miokard infarktı", "işemik insult",
    "dəmir çatışmazlığı anemiyası", "xroniki hepatit C", "uşaqlarda kəskin bronxiolit",
)  # fmt: skip

# Title templates per folder purpose: (template, file kinds to choose from, tag).
Template = tuple[str, tuple[str, ...], str]
TEMPLATES: dict[str, tuple[Template, ...]] = {
    "reports": (
        ("{year} il üzrə illik hesabat", ("pdf", "docx"), "hesabat"),
        ("{year_gen} {quarter} rübü üzrə fəaliyyət hesabatı", ("pdf", "docx"), "hesabat"),
        ("{Topic} üzrə {year} il hesabatı", ("pdf", "docx", "xlsx"), "hesabat"),
        (
            "{year_gen} {month} ayı üzrə statistik göstəricilər",
            ("xlsx", "xlsx", "pdf"),
            "statistika",
        ),
        ("{Topic} üzrə göstəricilərin dinamikası", ("png", "xlsx"), "qrafik"),
        ("{Topic} sahəsində vəziyyətə dair arayış", ("docx", "pdf", "txt"), "arayış"),
    ),
    "letters": (
        ("Məktub № {n}/{yy}: {topic} məsələsi", ("docx", "pdf"), "məktub"),
        ("Xidməti qeyd: {topic}", ("docx", "txt"), "xidməti-qeyd"),
        ("{date} tarixli müşavirənin protokolu", ("docx", "pdf", "txt"), "protokol"),
        ("Daxil olan sorğuya cavab layihəsi № {n}", ("docx",), "məktub"),
        ("Regional idarələrə məktub: {topic}", ("docx", "pdf"), "məktub"),
    ),
    "plans": (
        ("{year_next} il üçün iş planı", ("docx", "xlsx"), "plan"),
        ("{Topic} üzrə tədbirlər planı", ("docx", "xlsx"), "plan"),
        ("{Topic} üzrə fəaliyyət planının icrası", ("xlsx", "pdf"), "plan"),
        ("{year_next} il üçün büdcə sifarişi", ("xlsx",), "büdcə"),
        ("{Topic} mövzusunda təqdimat", ("pdf", "png"), "təqdimat"),
    ),
    "orders": (
        ("Əmr № {n}: {topic} üzrə tədbirlər haqqında", ("pdf",), "əmr"),
        ("Sərəncam № {n}: işçi qrupunun yaradılması haqqında", ("pdf",), "sərəncam"),
        ("Əmr № {n}: {year_next} il üçün iş planının təsdiqi haqqında", ("pdf",), "əmr"),
    ),
    "norms": (
        ("{Topic} sahəsində fəaliyyət qaydaları", ("pdf", "docx"), "qaydalar"),
        ("{Topic} üzrə metodiki tövsiyələr", ("pdf", "docx"), "tövsiyə"),
        ("Klinik protokol: {protocol}", ("pdf",), "klinik-protokol"),
    ),
    "forms": (
        ("Ezamiyyə hesabatının forması", ("docx",), "forma"),
        ("Məzuniyyət üçün ərizə forması", ("docx",), "forma"),
        ("Aylıq hesabat cədvəli ({topic})", ("xlsx",), "forma"),
        ("Tədbir planının şablonu", ("xlsx", "docx"), "şablon"),
    ),
    "news": (
        ("Elan: {topic} mövzusunda seminar", ("txt", "pdf"), "elan"),
        ("Təlim qrafiki: {year_gen} {month} ayı", ("xlsx",), "təlim"),
        ("İnfoqrafika: {topic}", ("png",), "infoqrafika"),
    ),
    "board": (
        ("Kollegiya iclasının protokolu № {n}", ("pdf",), "kollegiya"),
        ("Kollegiya iclasına məruzə: {topic}", ("docx", "pdf"), "kollegiya"),
        ("Kollegiya qərarının layihəsi: {topic}", ("docx",), "kollegiya"),
    ),
    "personnel": (
        ("{year} il üzrə kadr ehtiyatı siyahısı", ("xlsx",), "kadr"),
        ("Attestasiya komissiyasının qərarı № {n}", ("pdf",), "attestasiya"),
        ("{year_next} il üçün ştat cədvəli", ("xlsx",), "ştat"),
    ),
    "audit": (
        ("Daxili audit hesabatı № {n}", ("pdf", "docx"), "audit"),
        ("{year_next} il üçün audit planı", ("xlsx",), "audit"),
    ),
    "project": (
        ("Elektron səhiyyə platforması: texniki tapşırıq", ("docx",), "e-səhiyyə"),
        ("İşçi qrupunun iclas qeydləri № {n}", ("txt", "docx"), "iclas"),
        ("Sistem arxitekturasının sxemi", ("png",), "arxitektura"),
        ("İnteqrasiya üzrə iş qrafiki", ("xlsx",), "qrafik"),
    ),
}

DEPARTMENT_SUBFOLDERS = (
    ("Hesabatlar", "reports"),
    ("Yazışmalar", "letters"),
    ("İş planları", "plans"),
)
MINISTRY_SUBFOLDERS = (
    ("Nazirin əmrləri", "orders"), ("Normativ hüquqi aktlar", "norms"),
    ("Şablonlar və blanklar", "forms"), ("Elanlar və xəbərlər", "news"),
)  # fmt: skip

SENTENCES = (
    "Sənəddə hesabat dövrü ərzində görülmüş işlər və əldə olunmuş nəticələr əks etdirilir.",
    "Əsas göstəricilər əvvəlki dövrlə müqayisədə təhlil edilmiş, əsas meyillər qeyd olunmuşdur.",
    "Regional səhiyyə idarələrindən daxil olmuş məlumatlar ümumiləşdirilmişdir.",
    "Aşkar edilmiş çatışmazlıqların aradan qaldırılması üçün təkliflər hazırlanmışdır.",
    "Məsələ növbəti kollegiya iclasında müzakirəyə çıxarılacaqdır.",
    "Tibb müəssisələrinin rəhbərlərinə müvafiq tapşırıqlar verilmişdir.",
    "İcra müddəti cari rübün sonunadək müəyyən edilmişdir.",
    "Məlumatlar Səhiyyə Nazirliyinin elektron informasiya sistemlərindən götürülmüşdür.",
    "Ümumdünya Səhiyyə Təşkilatının tövsiyələri nəzərə alınmışdır.",
    "Sənədlə bağlı əlavə məlumat üçün müəlliflə əlaqə saxlamaq olar.",
)  # fmt: skip

DESCRIPTIONS = {
    "reports": "Hesabat dövrü üzrə yekun məlumat və təhlil.",
    "letters": "Xidməti yazışma; icra nəzarətdədir.",
    "plans": "Planlaşdırılan tədbirlər, məsul şəxslər və icra müddətləri.",
    "orders": "Nazirin imzaladığı sənəd; icrası məcburidir.",
    "norms": "Qüvvədə olan qaydalar və tövsiyələr.",
    "forms": "Doldurulmaq üçün boş forma.",
    "news": "Əməkdaşlar üçün məlumat.",
    "board": "Kollegiya üçün məxfi material.",
    "personnel": "Kadr məsələləri üzrə məxfi material.",
    "audit": "Daxili audit üzrə məxfi material.",
    "project": "İşçi qrupunun materialı.",
}

MESSAGES = (
    "Zəhmət olmasa, tanış olun.",
    "Qeydlərinizi sabaha qədər gözləyirəm.",
    "Müşavirədə müzakirə etmək üçün göndərirəm.",
    "Son redaksiyadır, baxa bilərsinizmi?",
    "Sizin şöbəyə aid hissəyə diqqət yetirin.",
    "Məlumat üçün.",
    "Rəyinizi bildirməyinizi xahiş edirəm.",
    "Hesabata əlavə etmək üçün.",
)  # fmt: skip


@dataclass
class Folder:
    id: str
    name: str
    parent_id: str | None
    department_id: str | None
    access: Access
    purpose: str
    weight: float
    members: list[str] = field(default_factory=list)  # restricted folders only

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "parent_id": self.parent_id,
            "department_id": self.department_id,
            "access": self.access,
        }


def build_folders(directory: Directory, rng: random.Random) -> list[Folder]:
    """Ministry-wide folders, three working folders under a folder per department, and a
    few restricted folders with explicit members."""
    folders: list[Folder] = []

    def add(
        name: str,
        parent: str | None,
        department: str | None,
        access: Access,
        purpose: str,
        weight: float,
        members: list[str] | None = None,
    ) -> str:
        folder_id = f"fld-{len(folders) + 1:04d}"
        folders.append(
            Folder(folder_id, name, parent, department, access, purpose, weight, members or [])
        )
        return folder_id

    top = add("Nazirlik üzrə ümumi sənədlər", None, None, "ministry", "news", 0.5)
    for name, purpose in MINISTRY_SUBFOLDERS:
        add(name, top, None, "ministry", purpose, 3)
    for dep in directory.departments:
        parent = add(dep.name, None, dep.id, "department", "reports", 0.5)
        for name, purpose in DEPARTMENT_SUBFOLDERS:
            add(name, parent, dep.id, "department", purpose, 1)

    by_name = {d.name: d for d in directory.departments}
    root = directory.departments[0]
    central_heads = [
        d.head_id
        for d in directory.departments
        if d.parent_id == root.id and d.central and d.head_id is not None
    ]
    board = _unique(root.members + central_heads)
    hr = by_name["İnsan resursları şöbəsi"]
    audit = by_name["Daxili audit şöbəsi"]
    it = by_name["Rəqəmsal səhiyyə və informasiya texnologiyaları şöbəsi"]
    project = [directory.accounts[u] for u in ("head", "staff", "analyst", "admin")]
    project += it.members[:3] + rng.sample(directory.central_people, 3)
    add("Kollegiya materialları", None, None, "restricted", "board", 2, board)
    add("Kadr işləri (məxfi)", None, hr.id, "restricted", "personnel", 1, hr.members[:4])
    add("Daxili audit materialları", None, audit.id, "restricted", "audit", 1,
        _unique([*audit.members, root.members[0]]))  # fmt: skip
    add("İşçi qrupu: elektron səhiyyə", None, None, "restricted", "project", 1, _unique(project))
    return folders


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


@dataclass
class Document:
    record: dict[str, Any]
    versions: list[dict[str, Any]]
    folder: Folder


def _working_moment(rng: random.Random, day: date) -> datetime:
    """A time on ``day`` in Baku office hours, in UTC, to the minute."""
    minute = rng.randint(9 * 60, 17 * 60 + 50) - 4 * 60
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(minutes=minute)


def _fill(template: str, rng: random.Random, created: date, number: int) -> str:
    """A title about the period before ``created`` (reports describe the month just ended)."""
    topic, _tag = rng.choice(TOPICS)
    period = created.replace(day=1) - timedelta(days=1)
    values = {
        "topic": topic,
        "Topic": capitalize(topic),
        "year": ordinal(created.year if created.month > 2 else created.year - 1),
        "year_gen": f"{ordinal(period.year)} ilin",
        "year_next": ordinal(created.year + (created.month >= 10)),
        "quarter": ordinal((period.month - 1) // 3 + 1),
        "month": MONTHS[period.month - 1],
        "n": str(number),
        "yy": f"{created.year % 100:02d}",
        "date": f"{created:%d.%m.%Y}",
        "protocol": rng.choice(PROTOCOLS),
    }
    return capitalize(template.format(**values))


def _content(
    rng: random.Random,
    title: str,
    author: str,
    organisation: str,
    created: datetime,
    version_no: int,
    reference: str,
) -> Content:
    sentences = rng.sample(SENTENCES, 4)
    paragraphs = [
        f"Bu sənəd «{title}» mövzusunda {organisation} tərəfindən hazırlanmışdır. "
        + " ".join(sentences[:2]),
        " ".join(sentences[2:]),
        f"Qeydiyyat nömrəsi: {reference}. Qeyd: sənəd xidməti istifadə üçündür.",
    ]
    if version_no > 1:
        paragraphs.append(
            f"Versiya {version_no}: əvvəlki redaksiyaya verilmiş qeydlər əsasında "
            "düzəlişlər edilmişdir."
        )
    base = rng.uniform(50, 5000)
    growth = rng.uniform(-0.03, 0.06)
    table = tuple(
        (capitalize(MONTHS[m]), round(base * (1 + growth) ** m * rng.uniform(0.9, 1.1), 1))
        for m in range(12)
    )
    heading = rng.choice(
        ("Müraciətlərin sayı", "Xidmət göstərilmiş şəxslər", "İcra səviyyəsi", "Xərclər, min manat")
    )
    return Content(title, author, organisation, created, tuple(paragraphs), ("Ay", heading), table)


@dataclass
class BlobMaker:
    """Builds and stores file content; with a pool, documents share a bounded set of blobs
    (the ``large`` data set would otherwise spend its time writing files)."""

    store: BlobStore
    pool_per_kind: int | None
    cache: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)

    def put(self, rng: random.Random, kind: str, make: Callable[[], Content]) -> tuple[str, int]:
        if self.pool_per_kind is None:
            return self.store.put_bytes(build(kind, make()))
        key = (kind, rng.randrange(self.pool_per_kind))
        if key not in self.cache:
            self.cache[key] = self.store.put_bytes(build(kind, make()))
        return self.cache[key]


def build_documents(
    rng: random.Random,
    directory: Directory,
    folders: list[Folder],
    count: int,
    today: date,
    blobs: BlobMaker,
) -> list[Document]:
    people = {p["id"]: p for p in directory.people}
    weights = [f.weight for f in folders]
    used_names: set[tuple[str, str]] = set()
    documents = []
    for index in range(1, count + 1):
        folder = rng.choices(folders, weights)[0]
        if folder.access == "restricted":
            candidates = folder.members
        elif folder.department_id is not None:
            candidates = directory.department(folder.department_id).members
        else:
            candidates = directory.central_people
        author = rng.choice(candidates)
        department = directory.department(people[author]["department_id"]).name
        version_count = rng.choices((1, 2, 3), (75, 18, 7))[0]
        first_offset = rng.randint(3, 730)
        later = sorted(rng.sample(range(1, first_offset), version_count - 1), reverse=True)
        days = [today - timedelta(days=d) for d in (first_offset, *later)]
        template, kinds, tag = rng.choice(TEMPLATES[folder.purpose])
        title = _fill(template, rng, days[0], rng.randint(12, 480))
        kind = rng.choice(kinds)
        filename = safe_filename(title, kind)
        if (folder.id, filename) in used_names:
            filename = safe_filename(f"{title} {index}", kind)
        used_names.add((folder.id, filename))
        doc_id = f"doc-{index:06d}"
        versions = []
        for version_no, day in enumerate(days, start=1):
            moment = _working_moment(rng, day)
            version_author = author if rng.random() < 0.7 else rng.choice(candidates)
            name = people[version_author]["full_name"]
            reference = f"{index % 97 + 1}-{index:05d}/{day.year}"
            make = partial(_content, rng, title, name, department, moment, version_no, reference)
            sha256, size = blobs.put(rng, kind, make)
            versions.append(
                {
                    "document_id": doc_id,
                    "version_no": version_no,
                    "sha256": sha256,
                    "size": size,
                    "filename": filename,
                    "content_type": CONTENT_TYPES[kind],
                    "author_id": version_author,
                    "created_at": iso(moment),
                }
            )
        topic_tag = next((t for phrase, t in TOPICS if phrase in title.lower()), None)
        tags = [tag] + ([topic_tag] if topic_tag and topic_tag != tag else [])
        if folder.access == "restricted":
            tags.append("məxfi")
        latest = versions[-1]
        record = {
            "id": doc_id,
            "folder_id": folder.id,
            "title": title,
            "description": DESCRIPTIONS[folder.purpose],
            "filename": filename,
            "content_type": latest["content_type"],
            "size": latest["size"],
            "sha256": latest["sha256"],
            "version_no": len(versions),
            "author_id": author,
            "tags": tags,
            "created_at": versions[0]["created_at"],
            "version_uploaded_by": latest["author_id"],
            "version_uploaded_at": latest["created_at"],
        }
        documents.append(Document(record, versions, folder))
    return documents


def build_shares(
    rng: random.Random,
    directory: Directory,
    documents: list[Document],
    count: int,
    stamp: datetime,
) -> Iterator[dict[str, Any]]:
    """Documents sent between colleagues by someone who can see them (their own
    department's folders or the ministry-wide ones), mostly within the department."""
    shareable = [d for d in documents if d.folder.access != "restricted"]
    for index in range(1, count + 1):
        doc = rng.choice(shareable)
        if doc.folder.department_id is not None:
            colleagues = directory.department(doc.folder.department_id).members
        else:
            colleagues = directory.central_people
        sender = rng.choice(colleagues)
        recipient = sender
        while recipient == sender:
            pool = (
                colleagues
                if rng.random() < 0.6 and len(colleagues) > 1
                else directory.central_people
            )
            recipient = rng.choice(pool)
        created = datetime.fromisoformat(doc.record["created_at"])
        # Sent in office hours on a day between the document's creation and the seed's day.
        day = created.date() + timedelta(days=rng.randint(0, (stamp - created).days - 1))
        sent = max(_working_moment(rng, day), created + timedelta(minutes=10))
        if rng.random() < 0.6:
            read: datetime | None = sent + timedelta(minutes=rng.randint(3, 240))
        elif rng.random() < 0.75:
            read = _working_moment(rng, sent.date() + timedelta(days=rng.randint(1, 4)))
        else:
            read = None
        read_at = iso(read) if read is not None and read < stamp else None
        yield {
            "id": f"shr-{index:05d}",
            "document_id": doc.record["id"],
            "from_id": sender,
            "to_id": recipient,
            "message": rng.choice(MESSAGES),
            "sent_at": iso(sent),
            "read_at": read_at,
        }
