"""The date of an article that its reader did not give, read from its dateline.

Plain-text files carry no metadata: their date, when any, is written at the top, as a dateline
("NIAMEY, 12 mars 2024 (AFP) -", "Bamako, le 3 avril 2025 –"), a publication line ("Publié le
12/03/2024", "Published: March 12, 2024") or a line holding only the date. A date in the body ("Le
26 juillet 2023, le général Tiani a renversé ...") is an event's, not the article's: it is not read.
"""

from __future__ import annotations

import re

from kg.data_tables import calendar
from kg.errors import LanguageError

# the lines looked at: a dateline is at the top
_TOP_LINES = 3
_MAX_LINE = 120
# what follows the date in a dateline: an agency, a dash
_AFTER = r"\s*(?:\([A-Za-zÀ-ÿ .,/-]{2,30}\)\s*)?[-–—:]"
# what leads a publication line
_PUBLISHED = r"(?:publi[ée]+|mis à jour|modifi[ée]+|published|updated|posted|date)\s*(?:le|on|:)?\s*"


def dateline_date(text: str, lang: str) -> str | None:
    """The ISO date of the article's dateline or publication line, or None.

    >>> dateline_date("NIAMEY, 12 mars 2024 (AFP) - Le Niger a rompu ...", "fr")
    '2024-03-12'
    >>> dateline_date("Published: March 12, 2024\\nNiger broke with ...", "en")
    '2024-03-12'
    >>> dateline_date("Le 26 juillet 2023, le général Tiani a renversé le président.", "fr") is None
    True
    """
    try:
        months = calendar(lang).months
    except LanguageError:
        return None
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    day_month = rf"(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{names})\.?\s+(?P<y>(?:19|20)\d\d)"
    month_day = rf"(?P<m2>{names})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>(?:19|20)\d\d)"
    numeric = r"(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)|(?P<d4>\d{1,2})/(?P<m4>\d{1,2})/(?P<y4>(?:19|20)\d\d)"
    date = rf"(?:(?:le|on)\s+)?(?:{day_month}|{month_day}|{numeric})"
    # "CITY, 12 mars 2024 (AFP) -" / "Publié le 12/03/2024" / a line holding only the date
    forms = (
        re.compile(rf"^[^\W\d][\w' .-]{{1,40}},\s*{date}{_AFTER}", re.IGNORECASE),
        re.compile(rf"^{_PUBLISHED}{date}", re.IGNORECASE),
        re.compile(rf"^(?:[^\W\d_]+\.?,?\s+)?{date}\s*$", re.IGNORECASE),  # "Mardi 12 mars 2024"
    )
    for line in [x.strip() for x in text.strip().splitlines()[:_TOP_LINES]]:
        if not line or len(line) > _MAX_LINE and not forms[0].match(line):
            continue
        for form in forms:
            m = form.match(line)
            if m is not None:
                return _iso(m, months)
    return None


def _iso(m: re.Match[str], months: dict[str, int] | object) -> str | None:
    g = m.groupdict()
    if g.get("y"):
        y, mo, d = g["y"], months[g["m"].lower()], g["d"]  # type: ignore[index]
    elif g.get("y2"):
        y, mo, d = g["y2"], months[g["m2"].lower()], g["d2"]  # type: ignore[index]
    elif g.get("y3"):
        y, mo, d = g["y3"], g["m3"], g["d3"]
    else:
        y, mo, d = g["y4"], g["m4"], g["d4"]
    try:
        year, month, day = int(y), int(mo), int(d)
    except (TypeError, ValueError):
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
