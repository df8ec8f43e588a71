"""Qualifiers of a relation: its domain, its date and where it happened.

* domain: a domain word on the trigger's phrase or its relation noun ("coopération en matière de
  renseignement" -> intelligence; `kg/data/cues/domains.tsv`);
* date: a date phrase attached to the trigger ("en juillet 2023", "le 26 juillet", "mardi"), read
  against the article's date; month and weekday names come from `kg/data/calendar.tsv`;
* location: a place attached to the trigger ("dans la région de Tillabéri", "in Goma").
"""

from __future__ import annotations

import functools
import re
from datetime import date as Date
from datetime import datetime, timedelta

from spacy.tokens import Token

from kg import syntax
from kg.data_tables import calendar
from kg.iri import fold
from kg.relate.context import Context
from kg.relate.lexicon import lemma
from kg.relate.modality import source_phrase_heads

PLACE_TYPES = frozenset({"Country", "City", "Region", "GeoRegion", "Place"})


def domain_of(trigger: Token, objs: list[Token], ctx: Context) -> str | None:
    """Domain words on the trigger's phrase or its relation noun: "coopération en matière de renseignement".

    Sources ("selon des sources sécuritaires"), subjects and other clauses are not searched.
    """
    words = ctx.lexicon.domains
    reporting = ctx.lexicon.modality.get("report_prep", frozenset())
    leads = source_phrase_heads(ctx.words.source_phrase)
    skip = {o.i for o in objs}
    pool: list[Token] = []
    for head in [trigger] + [o.head for o in objs if o.head != trigger]:
        for c in head.children:
            if c.dep_ in syntax.SUBJ or c.dep_ in ("punct", "advcl", "ccomp", "parataxis", "acl:relcl", "relcl", "conj", "cc"):
                continue
            if syntax.case_of(c) in reporting or c.lower_ in leads:
                continue
            pool.extend(x for x in c.subtree if x.i not in skip)
    for t in sorted(pool, key=lambda t: abs(t.i - trigger.i)):
        d = words.get(lemma(t)) or words.get(fold(t.text))
        if d:
            return d
    return None


# -- dates -----------------------------------------------------------------------------------------

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

_ABSOLUTE_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2}) (?P<m1>[^\W\d_]+)|(?P<m2>[^\W\d_]+) (?P<d2>\d{1,2}),?|(?P<m3>[^\W\d_]+))? ?(?P<y>1[89]\d\d|20\d\d)"
)


def absolute_date(text: str, lang: str) -> datetime | None:
    """The plain absolute dates ("26 juillet 2023", "July 26, 2023", "juillet 2023", "2023") read
    directly, as dateparser reads them; None for anything else (relative dates, weekdays, ranges)."""
    m = _ABSOLUTE_DATE.fullmatch(text)
    if m is None:
        return None
    cal = calendar(lang)
    name = m["m1"] or m["m2"] or m["m3"]
    month = cal.months.get(name.lower()) if name else None
    if name and month is None:
        return None
    if m["m2"] and "month day" not in cal.orders:
        return None  # "juillet 26 2023" is not French
    day = int(m["d1"] or m["d2"] or 1)
    try:
        return datetime(int(m["y"]), month or 1, day)
    except ValueError:
        return None  # "31 février 2023": dateparser decides


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, lang: str, base: Date | None) -> datetime | None:
    """dateparser's reading of a date phrase against the article date (memoised: dateparser takes
    about 5 ms a call, and an article repeats its few date phrases). Plain absolute dates and
    weekdays alone, most of those met in news, are read directly (`absolute_date`); the tests
    check that both readings agree."""
    found = absolute_date(text, lang)
    if found is not None:
        return found
    weekday = calendar(lang).weekdays.get(text.lower())
    if weekday is not None and base is not None:
        # a weekday alone is the last such day before the article's date; "hier" the day before
        back = 1 if weekday < 0 else (base.weekday() - weekday - 1) % 7 + 1
        return datetime(base.year, base.month, base.day) - timedelta(days=back)
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return dateparser.parse(text, languages=[lang], settings=settings)  # type: ignore[arg-type]


def date_of(trigger: Token, ctx: Context) -> str | None:
    """A date attached to the trigger's phrase ("en juillet 2023", "le 26 juillet 2023", "mardi")."""
    cal = calendar(ctx.lang)
    months, weekdays = cal.months, cal.weekdays

    def datelike(t: Token) -> bool:
        return lemma(t) in months or lemma(t) in weekdays or bool(_YEAR.fullmatch(t.text))

    if trigger.pos_ in ("NOUN", "PROPN"):
        inner = {x.i for c in trigger.subtree if c != trigger and (c.dep_ in ("acl:relcl", "relcl") or (c.dep_ == "acl" and c.pos_ == "VERB")) for x in c.subtree}
        toks = [t for t in trigger.subtree if t.i not in inner]
    else:
        # only date phrases attached to the verb itself, not dates inside other clauses or events
        toks = [trigger]
        for c in trigger.children:
            heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for h in heads:
                if datelike(h) or any(datelike(x) for x in h.children if x.dep_ in ("nmod", "nummod", "compound", "flat", "amod")):
                    toks.extend(h.subtree)
    parts = [t for t in toks if lemma(t) in months or _YEAR.fullmatch(t.text) or lemma(t) in weekdays or (t.text.isdigit() and len(t.text) <= 2)]
    if not parts:
        return None
    has_month = any(lemma(t) in months for t in parts)
    has_year = any(_YEAR.fullmatch(t.text) for t in parts)
    has_weekday = any(lemma(t) in weekdays for t in parts)
    if not (has_year or has_weekday or has_month):
        return None
    span = trigger.doc[min(t.i for t in parts) : max(t.i for t in parts) + 1]
    base = None
    if ctx.article_date:
        try:
            base = Date.fromisoformat(ctx.article_date[:10])
        except ValueError:
            base = None
    if has_weekday and not has_year and not has_month:
        if base is None:
            return None
    if has_month and not has_year and base is None:
        return None
    parsed = parse_date(span.text, ctx.lang, base)
    if parsed is None:
        if has_year:
            return _YEAR.search(span.text).group(1)  # type: ignore[union-attr]
        return None
    day_given = has_weekday or any(t.text.isdigit() and len(t.text) <= 2 for t in parts)
    if day_given:
        return parsed.date().isoformat()
    if has_month:
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return f"{parsed.year:04d}"


# -- location --------------------------------------------------------------------------------------


def location_of(trigger: Token, args: set[int], ctx: Context) -> str | None:
    """A place attached to the trigger: "dans la région de Tillabéri", "in Goma", "près de Diffa"."""
    words = ctx.words
    for prep, n in syntax.obliques(trigger):
        case = [c for c in n.children if c.dep_ == "case"]
        # UD reads "près" as an adverb and "de" as the case of the place: "près de" is one preposition
        split = bool(case) and case[0].i > 0 and f"{n.doc[case[0].i - 1].lower_} {prep}" in words.split_location
        if prep not in words.location and not split:
            continue
        for cand in [n] + [m for p, m in syntax.obliques(n) if p in words.genitive_singular]:
            for c in syntax.conjuncts(cand):
                if c.i in args:
                    continue
                key = ctx.linked.tok2ent.get(c.i)
                ent = ctx.entities.get(key) if key else None
                if ent is not None and ent.type in PLACE_TYPES:
                    return key
    return None
