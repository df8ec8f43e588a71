"""Qualifiers of a relation: its domain, its date and where it happened.

* domain: a domain word on the trigger's phrase or its relation noun ("coopération en matière de
  renseignement" -> intelligence; `kg/data/cues/domains.tsv`);
* date: a date phrase attached to the trigger ("en juillet 2023", "le 26 juillet", "mardi", "last
  week"), else to the clauses it hangs on ("a annoncé jeudi la fin de", "accusant", a participle
  fronted before the subject); absolute dates are read with or without an article date, relative
  ones only against it; month and weekday names and relative phrases come from `kg/data/calendar.tsv`;
* location: a place attached to the trigger ("dans la région de Tillabéri", "in Goma"), or to what
  frames it ("lundi à Moscou", "at a base in Anchorage"), to an event noun's verb, or (attacks) to the
  target's phrase ("on a garrison near Diffa").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
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
_PLACE_RANK = {"City": 0, "Place": 0, "Region": 1, "Country": 2, "GeoRegion": 3}  # most specific first


def domain_of(trigger: Token, objs: list[Token], ctx: Context) -> str | None:
    """Domain words on the trigger's phrase or its relation noun: "coopération en matière de renseignement".

    Sources ("selon des sources sécuritaires"), subjects, other clauses and the words of entity names
    ("la Communauté économique des États de l'Afrique de l'Ouest") are not searched.
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
    named = ctx.linked.tok2ent
    for t in sorted(pool, key=lambda t: abs(t.i - trigger.i)):
        if t.i in named:
            continue  # a word of a name is no cue: "Economic Community of West African States"
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
        # a weekday alone is the last such day on or before the article's date (gold conventions:
        # "lundi" in an article of a Monday is that Monday); "hier" the day before
        back = 1 if weekday < 0 else (base.weekday() - weekday) % 7
        return datetime(base.year, base.month, base.day) - timedelta(days=back)
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return dateparser.parse(text, languages=[lang], settings=settings)  # type: ignore[arg-type]


# clauses inside a date phrase are not part of it ("on Tuesday, where Kyiv said ...")
_CLAUSE_DEPS = frozenset({"acl:relcl", "relcl", "ccomp", "advcl", "parataxis", "csubj", "xcomp"})
# the words that make a noun phrase a date: "le 26 juillet 2023", "depuis le coup d'État de septembre 2022"
_DATE_MODIFIERS = frozenset({"nmod", "nummod", "compound", "flat", "amod", "appos", "npadvmod", "pobj", "prep", "det", "case"})
# the heads up the clause chain whose date is the trigger's: "a annoncé mardi la fin de", "accusant",
# "a décidé de rompre", "a annoncé jeudi qu'il rompait"; not relative clauses, nor subordinate clauses
# with a conjunction ("après que la France a critiqué ...": its own time)
_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl"})


def date_of(trigger: Token, ctx: Context) -> str | None:
    """A date attached to the trigger's phrase ("en juillet 2023", "le 26 juillet 2023", "mardi",
    "last week"), else to the clauses it hangs on ("a annoncé jeudi la fin de l'accord", "accusant",
    "Réunis dimanche à Abuja, les chefs d'État ont imposé ..."), read against the article's date.

    Absolute dates are read with or without an article date; relative ones ("mardi", "l'an dernier")
    only with one.
    """
    base = _base_date(ctx.article_date)
    for toks in _date_scopes(trigger, ctx):
        found = _read_date(toks, trigger, ctx, base)
        if found:
            return found
    return _interval_before(trigger, ctx, base)


_AFTER = frozenset({"after", "après", "apres"})


def _interval_before(verb: Token, ctx: Context, base: Date | None) -> str | None:
    """A clause "N units after" its main clause's event happened N units before it ("reçu mercredi,
    dix mois après avoir renversé Assad", "on Thursday, four years after the movement seized power"):
    the main clause's day (else the article's) moved back, kept to the unit's precision (a week: the
    month). Nothing when the main clause gives no day and there is no article date."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "advcl" or verb.head == verb:
        return None
    if not any(c.dep_ == "mark" and c.lower_ in _AFTER for c in verb.children):
        return None
    cal = calendar(ctx.lang)
    for c in verb.children:
        unit = cal.units.get(lemma(c)) if c.pos_ == "NOUN" and c.i < verb.i else None
        nums = [g for g in c.children if g.dep_ == "nummod"] if unit else []
        if not nums:
            continue
        word = nums[0].lower_
        n = int(word) if word.isdigit() else cal.numbers.get(word)
        if n is None or n > 100:
            return None
        ref = _read_date(_date_children(verb.head, ctx, verb), verb.head, ctx, base)
        day = _base_date(ref) if ref and len(ref) == 10 else (base if not ref else None)
        if day is None:
            return None  # the main clause's date is a month or a year: no day to count from
        if unit in ("day", "week"):
            d = day - timedelta(days=n * (7 if unit == "week" else 1))
            return d.isoformat() if unit == "day" else f"{d.year:04d}-{d.month:02d}"
        if unit == "month":
            return resolve_relative("month", -n, day)
        return resolve_relative("year", -n, day)
    return None


def _base_date(value: str | None) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def _datelike(t: Token, ctx: Context) -> bool:
    cal = calendar(ctx.lang)
    lem = lemma(t)
    return lem in cal.months or lem in cal.weekdays or bool(_YEAR.fullmatch(t.text))


def _phrase(h: Token) -> list[Token]:
    """The tokens of a date phrase headed by `h`, without the clauses inside it."""
    inner = {x.i for c in h.subtree if c != h and (c.dep_ in _CLAUSE_DEPS or (c.dep_ == "acl" and c.pos_ in ("VERB", "AUX"))) for x in c.subtree}
    return [t for t in h.subtree if t.i not in inner]


def _date_child(h: Token, ctx: Context, phrase: list[Token]) -> bool:
    """Whether a dependent of a verb is a date phrase: a date word, a date word on its nominal
    modifiers (three levels down for an oblique: "depuis le coup d'État de septembre 2022"), or a
    relative phrase of the calendar ("l'an dernier", "at the weekend")."""
    if _datelike(h, ctx):
        return True
    # an oblique, or a prepositional adverb with its noun ("lors des combats de juillet")
    depth = 3 if syntax.case_of(h) is not None or h.dep_ in ("pobj", "obl", "obl:mod", "npadvmod") or h.pos_ == "ADV" else 1
    frontier = [h]
    for _ in range(depth):
        frontier = [x for f in frontier for x in f.children if x.dep_ in _DATE_MODIFIERS or (f.pos_ == "ADV" and x.dep_ == "obl:arg")]
        if any(_datelike(x, ctx) for x in frontier):
            return True
    return _relative(phrase, ctx) is not None


def _date_children(v: Token, ctx: Context, skip: Token | None = None) -> list[Token]:
    """The tokens of the date phrases attached to the verb `v` (not in the branch `skip`)."""
    toks: list[Token] = []
    for c in v.children:
        if c == skip or (c.dep_ in _CLAUSE_DEPS and c.pos_ not in ("NOUN", "PROPN")):
            continue  # a clause has its own time ("lundi" read as an xcomp is still a date)
        heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        for h in heads:
            phrase = _phrase(c) if c.dep_ == "prep" else _phrase(h)
            if _date_child(h, ctx, phrase):
                toks.extend(phrase)
    return toks


def _date_scopes(trigger: Token, ctx: Context) -> Iterator[list[Token]]:
    """Where the date of the trigger's event may be written, nearest first."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        yield _phrase(trigger)
        verb = syntax.governing_verb(trigger)
        if verb is None:
            return
        branch = _branch(trigger, verb)
        if any(t.dep_ in ("acl:relcl", "relcl") for t in _path(trigger, verb)):
            return  # "l'accord qui a été signé en 2019": another event's date
    else:
        verb, branch = trigger, None
    reporting = {fold(w) for w in ctx.lexicon.modality.get("report_verb", frozenset())}
    for _ in range(4):
        yield _date_children(verb, ctx, branch)
        # an incise after the fact: "..., a annoncé jeudi le ministère", "..., the ministry said on Monday"
        for c in verb.children:
            if c.dep_ in ("parataxis", "conj") and c.i > trigger.i and c != branch and lemma(c) in reporting:
                yield _date_children(c, ctx)
        # a participle fronted before the subject: "Réunis dimanche à Abuja, les chefs d'État ont ..."
        for adj in _fronted_participles(verb):
            yield _date_children(adj, ctx)
        if _perfect_nonfinite(verb):
            return  # "accusant Kiev d'avoir soutenu les rebelles": an earlier event, not the clause's time
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i and _datelike(verb.head, ctx):
            # "Vendredi encore, des frappes avaient visé ...": the parser made the fronted date the root
            yield _phrase_of_date(verb.head, verb)
            return
        if verb.dep_ == "acl" and verb.head != verb:
            # "Chad's decision last week to end ...": the noun's date; "la rupture ..., accusant Kiev":
            # a present participle or an infinitive on a noun of the clause takes the clause's date
            yield _date_children(verb.head, ctx, verb)
            if "Part" in verb.morph.get("VerbForm", []) and "Pres" not in verb.morph.get("Tense", []):
                return  # "les sanctions annoncées lundi": a past participle is its own event
            up = syntax.governing_verb(verb.head)
            if up is None:
                return
            branch, verb = _branch(verb, up), up
            continue
        if verb.dep_ not in _CHAIN_DEPS or verb.head == verb:
            return
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children) and not _purpose(verb, ctx):
            return
        branch, up = verb, verb.head
        if up.pos_ not in ("VERB", "AUX"):
            # "déclarés persona non grata et expulsés": the conjunct hangs on a word of the first clause
            if verb.dep_ != "conj":
                return
            up = syntax.governing_verb(up)  # type: ignore[assignment]
            if up is None:
                return
            branch = _branch(verb, up)
        verb = up


def _purpose(verb: Token, ctx: Context) -> bool:
    """An infinitive of purpose ("pour protester", "afin de", "in order to"): at its clause's time."""
    infinitive = "Inf" in verb.morph.get("VerbForm", []) or verb.tag_ == "VB"
    return infinitive and any(c.dep_ == "mark" and c.lower_ in ctx.words.purpose_mark for c in verb.children)


def _phrase_of_date(h: Token, clause: Token) -> list[Token]:
    """The date phrase headed by `h` without the clause `clause` hanging on it."""
    inner = {x.i for x in clause.subtree}
    return [t for t in _phrase(h) if t.i not in inner]


def _perfect_nonfinite(verb: Token) -> bool:
    """A perfect infinitive or gerund ("d'avoir soutenu", "having supported"): anterior to its clause."""
    if verb.dep_ not in ("xcomp", "advcl", "acl"):
        return False
    for c in verb.children:
        if c.dep_ in ("aux", "aux:tense") and c.i < verb.i and set(c.morph.get("VerbForm", [])) & {"Inf", "Ger"}:
            return True
        if c.dep_ == "aux" and c.tag_ in ("VBG", "VB") and c.lemma_ == "have":
            return True
    return False


def _branch(tok: Token, top: Token) -> Token:
    """The child of `top` whose subtree holds `tok` (`tok` itself when it is not below `top`)."""
    t = tok
    while t.head != top and t.head != t:
        t = t.head
    return t if t.head == top else tok


def _path(tok: Token, top: Token) -> list[Token]:
    """The tokens from `tok` up to (not including) `top`."""
    out: list[Token] = []
    t = tok
    while t != top and t.head != t and len(out) < 8:
        out.append(t)
        t = t.head
    return out


def _fronted_participles(verb: Token) -> list[Token]:
    """Participial adjuncts written before the clause's subject: "Réunis dimanche à Abuja, les chefs
    d'État ..." / "Speaking in Doha on Monday, the minister ..."."""
    subj = [c for c in verb.children if c.dep_ in syntax.SUBJ | syntax.PASS_SUBJ]
    if not subj:
        return []
    s = subj[0]
    out = [c for c in s.children if c.pos_ == "VERB" and c.i < s.i and c.dep_ in ("acl", "nmod", "amod", "advcl")]
    out += [
        c
        for c in verb.children
        if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i < s.i and not any(g.dep_ == "mark" for g in c.children)
    ]
    return out


@functools.lru_cache(maxsize=8)
def _relative_pattern(lang: str) -> re.Pattern[str] | None:
    phrases = sorted(calendar(lang).relative, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])")


def _relative(toks: list[Token], ctx: Context) -> tuple[str, int] | None:
    """The (unit, offset) of a relative date phrase among `toks` ("l'an dernier", "last week")."""
    pattern = _relative_pattern(ctx.lang)
    if pattern is None or not toks:
        return None
    doc = toks[0].doc
    end = max(t.i for t in toks) + 1
    # a hyphenated word the tokenizer split ("ce week" + "-" + "end"): read it whole
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end - 1].text, doc[end].text):
        end += 1
    text = fold(doc[min(t.i for t in toks) : end].text)
    m = pattern.search(text)
    return calendar(ctx.lang).relative[m.group(1)] if m else None


def resolve_relative(unit: str, n: int, base: Date) -> str:
    """A relative date phrase's (unit, offset) against the article's date: the day for a day, the
    month for a week or a weekend, the year for a season (gold conventions: a vague span gets the
    month or the year only).

    >>> resolve_relative("week", -1, Date(2024, 12, 2)), resolve_relative("year", -1, Date(2024, 10, 15))
    ('2024-11', '2023')
    """
    if unit == "day":
        return (base + timedelta(days=n)).isoformat()
    if unit in ("week", "weekend"):
        back = (base.weekday() - 5) % 7 if unit == "weekend" else 0  # the last Saturday
        d = base - timedelta(days=back) + timedelta(days=7 * n)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "month":
        k = base.year * 12 + base.month - 1 + n
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    if unit == "season":  # n: the month the season begins
        return f"{base.year if base.month >= n else base.year - 1:04d}"
    return f"{base.year + n:04d}"


def _read_date(toks: list[Token], trigger: Token, ctx: Context, base: Date | None) -> str | None:
    """The date the tokens of a date phrase give."""
    if not toks:
        return None
    cal = calendar(ctx.lang)
    months, weekdays = cal.months, cal.weekdays
    month_at = {t.i for t in toks if lemma(t) in months}

    def day_digit(t: Token) -> bool:
        return t.text.isdigit() and len(t.text) <= 2 and bool({t.i - 1, t.i + 1, t.i - 2} & month_at)

    parts = [t for t in toks if t.i in month_at or _YEAR.fullmatch(t.text) or lemma(t) in weekdays or day_digit(t)]
    week = [t for t in parts if lemma(t) in weekdays]
    if len(week) > 1 and not month_at:
        # "dans la nuit de samedi à dimanche": the day it ended
        parts = [t for t in parts if t not in week[:-1]]
    if not parts:
        rel = _relative(toks, ctx)
        return resolve_relative(*rel, base) if rel is not None and base is not None else None
    has_month = bool(month_at & {t.i for t in parts})
    has_year = any(_YEAR.fullmatch(t.text) for t in parts)
    has_weekday = any(lemma(t) in weekdays for t in parts)
    span = trigger.doc[min(t.i for t in parts) : max(t.i for t in parts) + 1]
    if not has_year and base is None:
        return None  # "mardi", "le 26 juillet": relative to an article date we do not have
    parsed = parse_date(span.text, ctx.lang, base)
    if parsed is None and has_weekday and not has_year:
        parsed = parse_date(next(t for t in reversed(parts) if lemma(t) in weekdays).text, ctx.lang, base)
    if parsed is None:
        if has_year:
            return _YEAR.search(span.text).group(1)  # type: ignore[union-attr]
        return None
    day_given = has_weekday or any(day_digit(t) for t in parts)
    if day_given:
        return parsed.date().isoformat()
    if has_month:
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return f"{parsed.year:04d}"


# -- location --------------------------------------------------------------------------------------


def location_of(trigger: Token, args: set[int], ctx: Context, *, within: list[Token] | None = None) -> str | None:
    """A place attached to the trigger: "dans la région de Tillabéri", "in Goma", "près de Diffa";
    attached to what frames it ("lundi à Moscou", "at a military base in Anchorage", "on the sidelines
    of the summit in Kazan"); for an event noun, to its verb ("ont tenu dimanche à Mascate un cycle de
    pourparlers"); to a participle fronted before the subject ("Réunis dimanche à Abuja, ...").

    `within`: argument tokens whose own phrase may say where the event happened (an attack "on a
    base in Borno state"); the arguments themselves (`args`) are never the place.
    """
    found = _place_below(trigger, args, ctx, None, depth=3)
    for arg in within or []:
        t = arg
        while found is None and t != trigger and t.head != t:
            found = _place_below(t, args, ctx, None, depth=2)
            t = t.head
    if found is None and trigger.pos_ == "NOUN" and trigger.head.pos_ == "NOUN" and lemma(trigger.head) in ctx.lexicon.frames.get("measure", {}):
        # "des dizaines de frappes en Syrie": the place hangs on the count of the acts
        found = _place_below(trigger.head, args, ctx, trigger, depth=2)
    if found is not None:
        return found
    heads: list[tuple[Token, Token | None]] = []
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        gov = syntax.governing_verb(trigger)
        if gov is not None and not any(t.dep_ in ("acl:relcl", "relcl") for t in _path(trigger, gov)):
            heads.append((gov, _branch(trigger, gov)))
            verb = gov
    heads += [(p, None) for p in _fronted_participles(verb)]
    for head, skip in heads:
        found = _place_below(head, args, ctx, skip, depth=3)
        if found is not None:
            return found
    return None


def _place_below(head: Token, args: set[int], ctx: Context, skip: Token | None, *, depth: int) -> str | None:
    """The first place in a location phrase of `head`, or below what frames it (a non-place
    oblique, a date: "lundi à Moscou", "at a base in Anchorage"), at most `depth` levels down."""
    words = ctx.words
    frames: list[Token] = []
    # an oblique the parser read as an object ("font face aux attaques, notamment dans la région de Diffa")
    misread = [(prep, c) for c in head.children if c.dep_ in ("obj", "dobj", "xcomp", "dep") and (prep := syntax.case_of(c))]
    for prep, n in sorted([*syntax.obliques(head), *misread], key=lambda pn: pn[1].i):
        if n == skip or n.i in args or (skip is not None and _branch(n, head) == skip):
            continue
        case = [c for c in n.children if c.dep_ == "case"]
        # UD reads "près" as an adverb and "de" as the case of the place: "près de" is one preposition
        split = bool(case) and case[0].i > 0 and f"{n.doc[case[0].i - 1].lower_} {prep}" in words.split_location
        if prep in words.location or split:
            # "dans la région de Diffa", "in Borno state" (the name a modifier of the place noun)
            named = [c for c in n.children if c.dep_ in ("compound", "amod", "flat") and n.i not in ctx.linked.tok2ent]
            places: list[tuple[int, str]] = []
            for cand in [n] + [m for p, m in syntax.obliques(n) if p in words.genitive_singular] + named:
                for c in syntax.conjuncts(cand):
                    if c.i in args:
                        continue
                    key = ctx.linked.tok2ent.get(c.i)
                    ent = ctx.entities.get(key) if key else None
                    if key is not None and ent is not None and ent.type in PLACE_TYPES:
                        places.append((_PLACE_RANK.get(ent.type, 0), key))
            if places:
                # the most specific place of the phrase: "dans l'État de Borno" is Borno, whatever "État" was linked to
                return min(places, key=lambda rk: rk[0])[1]
        if n.i not in ctx.linked.tok2ent:
            frames.append(n)  # "at a military base", "on the sidelines of the summit"
    frames += [c for c in head.children if c != skip and c.dep_ in ("obj", "xcomp", "npadvmod", "obl:mod", "nmod") and _datelike(c, ctx)]
    if depth > 1:
        for n in frames:
            found = _place_below(n, args, ctx, None, depth=depth - 1)
            if found is not None:
                return found
    return None
