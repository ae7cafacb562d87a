"""The nynorsk catalogue as plain data, for the tests that check it is complete and used."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "lokomp" / "locale" / "nn" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd%]")


def _joined(block: str) -> str:
    return "".join(re.findall(r'"(.*)"', block)).replace('\\"', '"').replace("\\n", "\n")


def entries() -> list[dict]:
    """Each entry: msgid, msgstr (a list for plurals), fuzzy."""
    found = []
    for block in PO.read_text().split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not msgid or not _joined(msgid.group(1)):
            continue  # the header
        plural = re.search(r'^msgid_plural ((?:".*"\n?)+)', block, re.M)
        if plural:
            strs = [_joined(m) for m in re.findall(r'^msgstr\[\d\] ((?:".*"\n?)+)', block, re.M)]
        else:
            strs = [_joined(re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M).group(1))]
        found.append(
            {
                "msgid": _joined(msgid.group(1)),
                "msgstr": strs,
                "fuzzy": bool(re.search(r"^#,.*\bfuzzy\b", block, re.M)),
            }
        )
    return found


def bokmal_fragments(min_length: int = 14) -> set[str]:
    """Pieces of interface text that nynorsk writes differently: what a nynorsk page must
    not show. Placeholders split a message into pieces; short pieces ("Ja") and single
    words are left out, as they could stand in what users wrote."""
    fragments = set()
    nynorsk = " ".join(s for e in entries() for s in e["msgstr"])
    for entry in entries():
        if entry["msgid"] in entry["msgstr"]:
            continue
        for piece in PLACEHOLDER.split(entry["msgid"]):
            piece = re.sub(r"<[^>]+>", "", piece).strip(" .:–,()«»")
            # One word alone ("Statsforvalteren") may be a name in the data.
            if len(piece) >= min_length and " " in piece and piece not in nynorsk:
                fragments.add(piece)
    return fragments
