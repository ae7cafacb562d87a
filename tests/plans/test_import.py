"""Import of an existing plan from Word, Excel or a pasted table: the coordinator sees what
Lokomp read, corrects it, and confirms; nothing is saved before, all of it after."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from lokomp.core.models import AuditEntry
from lokomp.plans.importing import ImportError_, read_plan
from lokomp.plans.models import Measure

from ..conftest import client_for
from ..forms import form_data

pytestmark = pytest.mark.django_db

HEADER = ["", "HVA", "HVORDAN", "MÅLGRUPPE", "NÅR", "ANSVAR"]


# Seed 001's plan table as its cells (tab-separated in the seed text), with the row Word
# continued on a new page and the title row above the headings.
SEED_001 = [
    ["Tiltak kompetanseløftet Høst 25 – vår 26", "", "", "", "", ""],
    ["", "HVA", "HVORDAN", "MÅLGRUPPE", "NÅR", "ANSVAR"],
    [
        "Tiltak 1",
        "Kompetansepakke om inkluderende praksis",
        "Digital pakke som kjøres på den enkelte enhet med påfølgende prosess i personalet",
        "Alle ansatte i barnehage, skole, SFO og PPT",
        "Høst 25- vår 26",
        "Styrer, rektor, leder PPT",
    ],
    [
        "Tiltak 2",
        "Kompetanseutvikling samiske perspektiver",
        "Webinar/Workshop/foredrag ved UiT 1 time barnehage og 1 time skole. Løfte opp god praksis "
        "fra regionen.",
        "Alle ansatte i barnehage, skole, SFO og PPT",
        "Høst 25- vår 26",
        "UiT",
    ],
    [
        "Tiltak 3",
        "Dialogsamling",
        "En samling på en dag per enhet fysisk oppmøte Total gjennomføring over tre dager med to "
        "parallelle forelesninger hver dag.",
        "Alle ansatte i skole, PPT og barnehage i regionen (1295 ansatte)",
        "1X 6 dager (fordelt over tre dager med to parallelle løp) under planleggingsdagene august "
        "2025",
        "SNU-senteret i samarbeid med UiT har det faglige ansvaret",
    ],
    [
        "Tiltak 4",
        "Digital dialogsamling Fire digitale webinarer (to for skole og to for barnehage)",
        "Digitalt opplegg med refleksjonsoppgaver til bruk i personalet Totalt 1.5 time pr. "
        "gjennomføring med forelesning og gruppeoppgaver",
        "Alle ansatte i skole, PPT og barnehage i regionen",
        "En dag under planleggingsdagene i november 2025 Vår 2026",
        "SNU-senteret i samarbeid med UiT har det faglige ansvaret",
    ],
    [
        "Tiltak 5",
        "Veiledning av 6 barnehager/",
        "(To fysiske og tre digitale pr.enhet)",
        "Utvalgte enheter",
        "Høst 2025 – vår 2026",
        "SNU-senteret",
    ],
    ["", "skoler i regionen", "", "", "", "PPT deltar i veiledning"],
    [
        "Tiltak 6",
        "Gjennomgang av boka «Fra uro til ro»",
        "Alle ansatte i skolen får hvert sitt eksemplar. Det jobbes med boka og "
        "refleksjonsoppgaver i skolens fellestid. Korte digitale snutter med "
        "refleksjonsoppgaver til bruk på personalmøter i barnehage og SFO.",
        "Ansatte i skole Ansatte i barnehage og SFO",
        "Høst 2025 – vår 2026",
        "SNU-senteret utarbeider refleksjonsoppgaver. Rektorer/ avd.leder gjennomfører i "
        "personalet",
    ],
    [
        "Tiltak 7",
        "Nettverk skole og PPT",
        "Fysiske møter for PP-rådgivere og koordinatorene i skole.",
        "Koordinatorer skole og PP-rådgivere",
        "2 møter høst 2025 2 møter vår 2026",
        "Leder/ avd.leder PPT leder møtene og har ansvar for det faglige innholdet.",
    ],
    [
        "Tiltak 8",
        "Nettverk barnehage og PPT",
        "Fysiske møter for PP-rådgivere og koordinatorene i barnehage",
        "Koordinatorer barnehage og PP-rådgivere",
        "2 møter høst 2025 2 møter vår 2026",
        "Leder/ avd.leder PPT leder møtene og har ansvar for det faglige innholdet.",
    ],
    [
        "Tiltak 9",
        "Opplæring i utvalgte pilotkommuner",
        "Faglig opplæring av ansatte for å bli veiledere for implementering og videre drift av "
        "aktuelt tema",
        "6 ansatte i to pilotkommuner",
        "Høst 2025 – vår 2026",
        "SNU- senteret i samarbeid med UiT",
    ],
]


def seed_001_rows() -> list[list[str]]:
    return [list(row) for row in SEED_001]


# Seed 003 §5.3 (2023): HVA / Hvordan / Hvem / Ansvar / Tidsbruk, with semester headings
# inside the table and the label cell holding a second line.
SEED_003 = [
    ["", "HVA", "Hvordan", "Hvem", "Ansvar", "Tidsbruk"],
    ["VÅR 2023", "", "", "", "", ""],
    [
        "Tiltak 1\nInformasjon",
        "Startsamling",
        "Innlegg om 1) inkluderende praksis og 2) KOSIP (UiT)\nProsess i grupper.",
        "Styrere, rektorer, ledere for: PPT, barnevern, helsestasjon",
        "UiT",
        "½ dag\nMai/juni",
    ],
    ["HØST 2023", "", "", "", "", ""],
    [
        "Tiltak 2\nKartlegging",
        "KOSIP",
        "Digital kartlegging",
        "Alle ansatte i skole, PPT og barnehage",
        "UiT: Lager en digital presentasjon",
        "August",
    ],
]
# Seed 004 (Øst-Finnmark 2025/26): NÅR / HVA / HVEM, one row an activity.
SEED_004 = [
    ["NÅR", "HVA", "HVEM"],
    [
        "18. august kl. 12:00-14:00",
        "Digital samling med opplæring for nyansatte i pedagogisk analyse\nLenke:",
        "Nyansatte barnehage/PPT og SePU",
    ],
    ["Uke 36 (SePU avtaler tidspunkt med kommunalt nivå)", "Læringskaravane", "Alle skoler"],
    ["15.-16.oktober (lunsj-lunsj)", "Nettverkssamling i Kirkenes", "PPT og ledere"],
]


def docx_file(rows, *, merge=False, repeat_header_at=None) -> SimpleUploadedFile:
    document = Document()
    document.add_paragraph("Region Sør-Troms og Evenes Kompetanseløftet")
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    for n, row in enumerate(rows):
        if repeat_header_at == n:
            for cell, text in zip(table.add_row().cells, rows[0], strict=False):
                cell.text = text
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = text
        if merge and row[0].startswith("Tiltak 2"):
            cells[4].merge(cells[5])  # NÅR and ANSVAR as one cell: Word repeats it
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("plan.docx", buffer.getvalue())


def xlsx_file(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tiltaksplan"])
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:F1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("plan.xlsx", buffer.getvalue())


def _url(world):
    return reverse("plans:plan_import", args=[world.partnership_a.slug, world.plan_a.year_slug])


def _read(world, **data):
    client = client_for(world.coordinator_a.username)
    response = client.post(_url(world), data)
    assert response.status_code == 200
    return client, response.content.decode()


def test_the_seed_plan_from_word_is_shown_then_saved_on_confirmation(world):
    upload = docx_file(seed_001_rows(), repeat_header_at=6)
    client, page = _read(world, file=upload)
    assert page.count('data-testid="import-row"') == 9
    assert "Ingenting er lagret ennå" in page
    assert "2 møter høst 2025, 2 møter vår 2026" in page  # measure 7, read per semester
    assert "6 dager, august 2025 (planleggingsdagene)" in page  # measure 3
    assert not Measure.objects.filter(plan=world.plan_a).exists(), "nothing before confirming"
    data = form_data(page)
    data["confirm"] = "1"
    assert client.post(_url(world), data).status_code == 302
    measures = {m.number: m for m in Measure.objects.filter(plan=world.plan_a)}
    assert sorted(measures) == list(range(1, 10))
    five = measures[5]
    assert five.title == "Veiledning av 6 barnehager/ skoler i regionen"  # over a page break
    assert [str(r) for r in five.responsibilities.all()] == [
        "SNU-senteret",
        "PPT deltar i veiledning",
    ]
    assert measures[7].when.format() == "2 møter høst 2025, 2 møter vår 2026"
    assert measures[3].target_text.startswith("Alle ansatte i skole, PPT og barnehage")
    assert AuditEntry.objects.filter(action="plans.measure.created").count() == 9


def test_the_coordinator_corrects_and_leaves_out_before_confirming(world):
    client, page = _read(world, file=docx_file(seed_001_rows()))
    data = form_data(page)
    data["rad-0-title"] = "Kompetansepakke (rettet)"
    data.pop("rad-1-include")  # leave out measure 2
    data["confirm"] = "1"
    assert client.post(_url(world), data).status_code == 302
    titles = dict(Measure.objects.filter(plan=world.plan_a).values_list("number", "title"))
    assert titles[1] == "Kompetansepakke (rettet)" and 2 not in titles and len(titles) == 8


def test_excel_with_merged_cells_reads_the_same(world):
    _client, page = _read(world, file=xlsx_file(seed_001_rows()))
    assert page.count('data-testid="import-row"') == 9
    assert "Nettverk barnehage og PPT" in page


def test_a_pasted_table_reads_the_same(world):
    text = "\n".join("\t".join(row) for row in seed_001_rows())
    _client, page = _read(world, paste=text)
    assert page.count('data-testid="import-row"') == 9


def test_merged_cells_in_word_are_read_once(world):
    rows = [
        HEADER,
        ["Tiltak 1", "A", "B", "C", "Uke 36", "UiT"],
        ["Tiltak 2", "D", "E", "F", "Uke 40", ""],
    ]
    _client, page = _read(world, file=docx_file(rows, merge=True))
    assert page.count('data-testid="import-row"') == 2
    assert page.count("Uke 40</textarea>") == 1


@pytest.mark.parametrize(
    ("rows", "titles", "whens"),
    [
        (SEED_003, ["Startsamling", "KOSIP"], ["Mai–juni 2027", "August 2026"]),
        (
            SEED_004,
            [
                "Digital samling med opplæring for nyansatte i pedagogisk analyse Lenke:",
                "Læringskaravane",
                "Nettverkssamling i Kirkenes",
            ],
            [
                "18. august 2026 kl. 12:00–14:00",
                "Uke 36 2026",
                "15.–16. oktober 2026 (lunsj–lunsj)",
            ],
        ),
    ],
    ids=["seed-003", "seed-004"],
)
def test_the_other_seed_tables(world, rows, titles, whens):
    preview = read_plan(rows, world.plan_a.school_year)
    assert [m.title for m in preview.measures] == titles
    assert [m.when.format() for m in preview.measures] == whens
    for upload in (docx_file(rows), xlsx_file(rows)):
        _client, page = _read(world, file=upload)
        assert page.count('data-testid="import-row"') == len(titles)


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("plan.docx", b"dette er ikke en Word-fil"), "kan ikke leses"),
        (SimpleUploadedFile("plan.docx", _zip_bomb()), "pakker seg ut til for mye"),
        (SimpleUploadedFile("plan.xlsx", b"PK\x03\x04 brutt"), "kan ikke leses"),
    ],
    ids=["not-a-file", "zip-bomb", "broken-zip"],
)
def test_a_bad_file_is_explained_and_nothing_imported(world, upload, message):
    _client, page = _read(world, file=upload)
    assert message in page and 'data-testid="import-problem"' in page
    assert not Measure.objects.filter(plan=world.plan_a).exists()


def test_a_file_without_the_plan_table_is_explained(world):
    _client, page = _read(world, file=docx_file([["Navn", "Adresse"], ["Kari", "Harstad"]]))
    assert "Fant ingen tabell med kolonnene HVA, HVORDAN" in page


def test_numbers_already_in_the_plan_are_moved_and_clashes_refused(world):
    existing = Measure.objects.create(
        plan=world.plan_a,
        number=1,
        title="Finnes",
        scheme_id=Measure._meta.get_field("scheme").related_model.objects.first().pk,
    )
    client, page = _read(world, paste="\n".join("\t".join(r) for r in seed_001_rows()))
    assert 'name="rad-0-number" value="2"' in page  # after the plan's own measure 1
    data = form_data(page)
    data["rad-0-number"] = "1"
    data["confirm"] = "1"
    refused = client.post(_url(world), data)
    assert (
        refused.status_code == 200
        and "Planen har allerede et tiltak 1." in refused.content.decode()
    )
    assert list(Measure.objects.filter(plan=world.plan_a)) == [existing]


FIXTURE = HealthCheck.function_scoped_fixture
CELLS = st.sampled_from(
    ["", "HVA", "NÅR", "Tiltak 1", "Tiltak 12 Foo", "Uke 36", "høst 2025", "\x00", "=1+1", "x" * 50]
) | st.text(max_size=30)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(CELLS, min_size=0, max_size=7), max_size=12), st.booleans())
def test_any_table_is_read_or_refused_clearly(rows, with_header):
    if with_header:
        rows = [HEADER, *rows]
    try:
        preview = read_plan(rows, 2025)
    except ImportError_ as error:
        assert str(error)
        return
    assert preview.measures and all(m.number >= 0 for m in preview.measures)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(CELLS, min_size=1, max_size=6), max_size=8))
def test_any_pasted_table_never_gives_a_server_error(world, rows):
    client = client_for(world.coordinator_a.username)
    client.raise_request_exception = False
    text = "\n".join("\t".join(row) for row in [HEADER, *rows])
    response = client.post(_url(world), {"paste": text})
    assert response.status_code == 200
