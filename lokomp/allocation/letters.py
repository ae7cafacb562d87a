"""The decision letter (vedtaksbrev) per partnership, in Word and PDF from the same data."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.formatting import thousands
from lokomp.core.pdf import html_to_pdf
from lokomp.core.text import export_text
from lokomp.core.validators import format_account_number, format_org_number
from lokomp.core.word import a4_document, table_with_headings

from .models import Decision


@dataclass
class Letter:
    title: str
    reference: str
    opening: str
    granted: list[list[str]]
    committed: list[list[str]]
    conditions: str
    reason: str
    replaces: str
    appeal: str
    signature: str


def letter_for(decision: Decision) -> Letter:
    report = decision.report
    the_round = decision.round
    county = the_round.county
    version = report.versions.order_by("-number").first()
    grants = list(decision.grants.all())
    granted = [
        [
            g.recipient_name,
            format_org_number(g.org_number),
            format_account_number(g.account_number),
            thousands(g.amount),
        ]
        for g in grants
        if g.year == the_round.year
    ]
    committed = [
        [str(g.year), g.recipient_name, thousands(g.amount)]
        for g in grants
        if g.year > the_round.year
    ]
    opening = _(
        "Statsforvalteren i %(county)s viser til behovsmeldingen fra %(partnership)s for "
        "%(scheme)s%(version)s og til innstillingen fra samarbeidsforum. Statsforvalteren "
        "innvilger tilskudd for %(year)s som vist under."
    ) % {
        "county": county.name,
        "partnership": report.partnership.name,
        "scheme": report.scheme.name,
        "version": (
            _(" (versjon %(number)s, sendt inn %(date)s)")
            % {
                "number": version.number,
                "date": date_format(timezone.localtime(version.submitted_at), "j. F Y"),
            }
            if version
            else ""
        ),
        "year": the_round.year,
    }
    return Letter(
        title=_("Vedtak om tilskudd til %(scheme)s %(year)s – %(partnership)s")
        % {"scheme": report.scheme.name, "year": the_round.year, "partnership": report.partnership},
        reference=_("Vedtak nr. %(number)s/%(year)s, %(date)s")
        % {
            "number": decision.number,
            "year": the_round.year,
            "date": date_format(timezone.localtime(decision.decided_at), "j. F Y"),
        },
        opening=opening,
        granted=granted,
        committed=committed,
        conditions=decision.conditions,
        reason=decision.reason,
        replaces=(
            _("Dette vedtaket erstatter %(old)s.") % {"old": decision.replaces}
            if decision.replaces_id
            else ""
        ),
        appeal=_(
            "Vedtaket kan påklages etter forvaltningsloven § 28. Klagefristen er tre uker fra "
            "det tidspunkt underretning om vedtaket er kommet fram (§ 29). Klagen sendes til "
            "Statsforvalteren."
        ),
        signature=_("Med hilsen\n%(governor)s\n%(who)s")
        % {
            "governor": county.governor_name
            or _("Statsforvalteren i %(county)s") % {"county": county.name},
            "who": decision.decided_by or "",
        },
    )


GRANT_HEADINGS = (
    gettext_lazy("Mottaker"),
    gettext_lazy("Organisasjonsnummer"),
    gettext_lazy("Kontonummer"),
    gettext_lazy("Beløp (kr)"),
)
COMMIT_HEADINGS = (gettext_lazy("År"), gettext_lazy("Mottaker"), gettext_lazy("Beløp (kr)"))


def decision_letter(decision: Decision, fmt: str, *, base_url: str = ".") -> bytes:
    letter = letter_for(decision)
    if fmt == "docx":
        return _docx(letter)
    html = render_to_string(
        "allocation/decision_letter_print.html",
        {
            "letter": letter,
            "grant_headings": [str(h) for h in GRANT_HEADINGS],
            "commit_headings": [str(h) for h in COMMIT_HEADINGS],
        },
    )
    return html_to_pdf(html, base_url=base_url)


def _docx(letter: Letter) -> bytes:
    document = a4_document()
    document.add_paragraph(export_text(letter.reference))
    document.add_heading(export_text(letter.title), level=1)
    document.add_paragraph(export_text(letter.opening))
    table = table_with_headings(document, [str(h) for h in GRANT_HEADINGS])
    for row in letter.granted:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = export_text(value)
    if letter.committed:
        document.add_heading(_("Tilsagn for senere år"), level=2)
        document.add_paragraph(
            _("Tilsagnet gjelder under forutsetning av Stortingets bevilgning for året.")
        )
        table = table_with_headings(document, [str(h) for h in COMMIT_HEADINGS])
        for row in letter.committed:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = export_text(value)
    for heading, text in ((_("Vilkår"), letter.conditions), (_("Begrunnelse"), letter.reason)):
        if text:
            document.add_heading(heading, level=2)
            document.add_paragraph(export_text(text))
    if letter.replaces:
        document.add_paragraph(export_text(letter.replaces))
    document.add_heading(_("Klage"), level=2)
    document.add_paragraph(letter.appeal)
    document.add_paragraph(export_text(letter.signature))
    out = BytesIO()
    document.save(out)
    return out.getvalue()
