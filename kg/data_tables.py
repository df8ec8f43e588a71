"""Small editable tables in `kg/data/`, keyed by language, read and checked once per process.

Every table is tab-separated UTF-8 with one header line; a line whose first non-blank character is
`#` is a comment. A table that cannot be read fails with a `DataError` naming the file and the line
and saying how to fix it, never with a bare `KeyError` or `ValueError` in the middle of a build.

* `rows(name, columns)`: the rows of `kg/data/<name>`, each knowing where it was read (`Row.error`);
* `words(lang)`: the per-language words the linker and the relation rules compare tokens with
  (`kg/data/words.tsv`, one field of `Words` per kind);
* `calendar(lang)`: month and weekday names (`kg/data/calendar.tsv`);
* `actor_nouns`, `noise_words`, `place_nouns`: single-purpose word lists of their own files.

A language with no rows in a table fails loudly (`LanguageError`, with the supported languages);
nothing falls back to English. Rows whose language is `*` hold in every supported language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType

from kg.errors import KGError, LanguageError
from kg.iri import fold

DATA = Path(__file__).parent / "data"


class DataError(KGError):
    """A knowledge data file that cannot be loaded (names the file, the line and the fix)."""


@dataclass(frozen=True)
class Row:
    """One line of a table: its cells by column name, and where it was read."""

    path: Path
    line: int
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def get(self, column: str, default: str = "") -> str:
        return self.cells.get(column, default)

    def error(self, message: str) -> DataError:
        """A `DataError` for this row: "<file>:<line>: <message>"."""
        return DataError(f"{self.path}:{self.line}: {message}")


def read_table(path: Path, columns: Iterable[str] = ()) -> tuple[Row, ...]:
    """The rows of a table file; the header must name every column of `columns`.

    Missing trailing cells read as ""; more cells than columns is an error (a stray tab).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataError(f"{path}: cannot read the table ({e.strerror}); restore the file (it ships with geokg)") from e
    header: list[str] | None = None
    out: list[Row] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataError(
                    f"{path}:{number}: missing column(s) {', '.join(missing)}; the header line must name "
                    f"{', '.join(columns)} (tab-separated)"
                )
            continue
        if len(cells) > len(header):
            raise DataError(
                f"{path}:{number}: {len(cells)} cells for {len(header)} columns ({', '.join(header)}); "
                "separate cells by single tabs and put no tab inside a cell"
            )
        values = {h: (cells[k].strip() if k < len(cells) else "") for k, h in enumerate(header) if h}
        out.append(Row(path, number, MappingProxyType(values)))
    return tuple(out)


@functools.lru_cache(maxsize=64)
def rows(name: str, columns: tuple[str, ...] = ()) -> tuple[Row, ...]:
    """The rows of `kg/data/<name>` (see `read_table`)."""
    return read_table(DATA / name, columns)


def languages(table: Iterable[Row], *, column: str = "lang") -> tuple[str, ...]:
    """The languages a table has rows for (`*` rows excluded), sorted."""
    return tuple(sorted({r[column] for r in table} - {"*"}))


def check_table_language(lang: str, supported: Iterable[str], what: str, path: Path, *, fix: str = "its rows") -> str:
    """`lang` if the table at `path` has words for it, else a `LanguageError` saying how to add them."""
    allowed = sorted(supported)
    if lang not in allowed:
        raise LanguageError(
            f"no {what} for language {lang!r} in {path}; supported: {', '.join(allowed)}. "
            f"To support {lang!r}, add {fix} to that file (its header says what each column means)"
        )
    return lang


# -- per-language words ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """The words of `kg/data/words.tsv` for one language, one field per kind (see the file's header).

    Each set holds the words exactly as written in the file; the comment of each kind in the file says
    what the words are compared with (the token's text, its folded lemma, a preposition).
    """

    # prepositions
    genitive: frozenset[str]
    genitive_singular: frozenset[str]
    measure: frozenset[str]
    relnoun_complement: frozenset[str]
    agent: frozenset[str]
    partner: frozenset[str]
    between: frozenset[str]
    aid_partner: frozenset[str]
    bond_partner: frozenset[str]
    dative: frozenset[str]
    location: frozenset[str]
    split_location: frozenset[str]
    locative: frozenset[str]
    acting_case: frozenset[str]
    place_country: frozenset[str]
    at: frozenset[str]
    of_prep: frozenset[str]
    member_case: frozenset[str]
    provenance_prep: frozenset[str]
    provenance_case: frozenset[str]
    place_apposition_case: frozenset[str]
    title_of: frozenset[str]
    source_phrase: frozenset[str]
    # function words
    article: frozenset[str]
    company_article: frozenset[str]
    elided_article: frozenset[str]
    elided_de: frozenset[str]
    contracted_article: frozenset[str]
    definite_det: frozenset[str]
    demonstrative: frozenset[str]
    coordinator: frozenset[str]
    subject_pronoun: frozenset[str]
    relative_subject: frozenset[str]
    relative_object: frozenset[str]
    complementizer: frozenset[str]
    adjunct_mark: frozenset[str]
    purpose_mark: frozenset[str]
    temporal: frozenset[str]
    negator: frozenset[str]
    weak_negator: frozenset[str]
    negation_particle: frozenset[str]
    reflexive_prefix: frozenset[str]
    # content words
    predicative_verb: frozenset[str]
    former_title: frozenset[str]
    group_noun: frozenset[str]
    head_noun: frozenset[str]
    capital_noun: frozenset[str]
    place_apposition_noun: frozenset[str]
    not_focal: frozenset[str]
    ethnic: frozenset[str]
    lead_verb: frozenset[str]
    count_word: frozenset[str]
    plural_anaphor: frozenset[str]
    side_anaphor: frozenset[str]
    org_anaphor: frozenset[str]
    group_anaphor: frozenset[str]
    list_intro: frozenset[str]
    reciprocal: frozenset[str]
    plural_possessive: frozenset[str]
    event_noun: frozenset[str]
    target_verb: frozenset[str]
    leave_verb: frozenset[str]
    object_pronoun: frozenset[str]
    person_pronoun: frozenset[str]
    plural_object_pronoun: frozenset[str]
    leader_anaphor: frozenset[str]
    implicit_agent_participle: frozenset[str]
    place_kind_noun: frozenset[str]
    participle_ending: frozenset[str]
    accusation_verb: frozenset[str]
    accusation_prep: frozenset[str]
    act_agent_noun: frozenset[str]
    attribution_participle: frozenset[str]
    attribution_prep: frozenset[str]
    loyal_adj: frozenset[str]
    loyal_prep: frozenset[str]
    reflexive_pronoun: frozenset[str]
    reciprocal_verb: frozenset[str]
    together: frozenset[str]
    reaction_noun: frozenset[str]
    reaction_verb: frozenset[str]
    reaction_author: frozenset[str]
    under_fire: frozenset[str]
    under_prep: frozenset[str]
    target_noun: frozenset[str]
    group_modifier: frozenset[str]
    hold_verb: frozenset[str]
    seize_verb: frozenset[str]
    weapon_noun: frozenset[str]
    author_word: frozenset[str]
    naming_verb: frozenset[str]
    anger_verb: frozenset[str]
    # round 3
    control_noun: frozenset[str]
    control_verb: frozenset[str]
    backing_noun: frozenset[str]
    backing_case: frozenset[str]
    supporter_noun: frozenset[str]
    # round 4
    judge_verb: frozenset[str]
    blame_word: frozenset[str]
    # round 5: criticism
    demand_noun: frozenset[str]
    demand_case: frozenset[str]
    summon_verb: frozenset[str]
    insult_word: frozenset[str]
    # round 5: attacks
    vow_verb: frozenset[str]
    retaliation_word: frozenset[str]
    retaliation_prep: frozenset[str]
    condition_mark: frozenset[str]
    pay_verb: frozenset[str]
    price_word: frozenset[str]
    # round 5: meetings
    coagent: frozenset[str]
    # round 6: conflict
    time_noun: frozenset[str]
    coup_word: frozenset[str]
    # round 6: cooperation
    firm_noun: frozenset[str]
    # round 8: leaders, membership, support
    state_leader_noun: frozenset[str]
    non_state_modifier: frozenset[str]
    list_exit: frozenset[str]
    gathering_noun: frozenset[str]
    host_verb: frozenset[str]
    gathering_case: frozenset[str]
    attend_verb: frozenset[str]
    rebel_anaphor: frozenset[str]
    # round 8: diplomatic acts
    talks_end: frozenset[str]
    impose_verb: frozenset[str]
    accession_noun: frozenset[str]
    accession_prep: frozenset[str]
    # round 10: reactions to an earlier act
    accusation_noun: frozenset[str]
    unjust_word: frozenset[str]
    unjust_without: frozenset[str]
    ground_noun: frozenset[str]


WORD_KINDS: tuple[str, ...] = tuple(f.name for f in fields(Words))


def load_words(path: Path) -> Mapping[str, Words]:
    """Every language's `Words` from a words table: one line per kind, one column per language.

    A `DataError` names the line of an unknown or repeated kind, or a kind missing from the file.
    """
    table = read_table(path, ("kind",))
    langs = tuple(c for c in (table[0].cells if table else {}) if c not in ("kind", "comment"))
    found: dict[str, dict[str, frozenset[str]]] = {lang: {} for lang in langs}
    for r in table:
        kind = r["kind"]
        if kind not in WORD_KINDS:
            raise r.error(f"unknown kind {kind!r}; known kinds: {', '.join(WORD_KINDS)} (fields of kg.data_tables.Words)")
        if langs and kind in found[langs[0]]:
            raise r.error(f"kind {kind!r} appears twice; keep one line per kind")
        for lang in langs:
            cell = [w.strip() for w in r[lang].split("|")] if r[lang] else []
            if any(not w for w in cell):
                raise r.error(f"empty word in the {lang!r} cell of {kind!r}; separate words by single '|'")
            found[lang][kind] = frozenset(cell)
    for lang in langs:
        missing = [k for k in WORD_KINDS if k not in found[lang]]
        if missing:
            raise DataError(f"{path}: no line for kind(s) {', '.join(missing)}; add one line per kind (an empty cell means no words)")
    return MappingProxyType({lang: Words(**found[lang]) for lang in langs})


def counts(words: Words) -> Mapping[str, int]:
    """The number words of `words.count_word` ("deux=2", "both=2"): word -> how many."""
    return MappingProxyType({w.split("=", 1)[0]: int(w.split("=", 1)[1]) for w in words.count_word})


@functools.lru_cache(maxsize=4)
def _words_of(path: Path) -> Mapping[str, Words]:
    return load_words(path)


def words(lang: str, *, path: Path = DATA / "words.tsv") -> Words:
    """The words of `lang` (a `LanguageError` for a language the table has no rows for).

    >>> sorted(words("fr").genitive)
    ["d'", 'de', 'des', 'du', 'd’', 'of']
    """
    table = _words_of(path)
    return table[check_table_language(lang, table, "word table", path, fix="a column")]


# -- calendar --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    """Month and weekday names of one language, and the orders it writes dates in."""

    months: Mapping[str, int]  # month name (lower case, folded forms too) -> 1..12
    weekdays: Mapping[str, int]  # weekday name -> 0 (Monday)..6; -1: the day before the article ("hier")
    orders: frozenset[str]  # "day month" ("26 juillet 2023"), "month day" ("July 26, 2023")
    # folded phrase ("l'an dernier", "last week") -> (unit, offset): a span counted from the article's date
    relative: Mapping[str, tuple[str, int]]
    # an interval between two events ("quatre ans après", "two days after"): unit lemma -> unit; number word -> n
    units: Mapping[str, str] = field(default_factory=dict)
    numbers: Mapping[str, int] = field(default_factory=dict)


CALENDAR_KINDS = ("month", "weekday", "order", "relative", "unit", "number")
DATE_ORDERS = ("day month", "month day")
# units of a relative date phrase: how the article's date is moved, and what is kept of the result
RELATIVE_UNITS = ("day", "week", "weekend", "month", "year", "season")
_RELATIVE = re.compile(r"(?P<unit>[a-z]+)(?P<n>[+-]?\d+)")


def load_calendar(path: Path) -> Mapping[str, Calendar]:
    """Every language's `Calendar` from a calendar table."""
    table = read_table(path, ("lang", "kind", "word", "number"))
    langs = languages(table)
    months: dict[str, dict[str, int]] = {lang: {} for lang in langs}
    weekdays: dict[str, dict[str, int]] = {lang: {} for lang in langs}
    orders: dict[str, set[str]] = {lang: set() for lang in langs}
    relative: dict[str, dict[str, tuple[str, int]]] = {lang: {} for lang in langs}
    units: dict[str, dict[str, str]] = {lang: {} for lang in langs}
    numbers: dict[str, dict[str, int]] = {lang: {} for lang in langs}
    for r in table:
        kind, word = r["kind"], r["word"]
        if kind not in CALENDAR_KINDS:
            raise r.error(f"unknown kind {kind!r}; known kinds: {', '.join(CALENDAR_KINDS)}")
        if r["lang"] == "*":
            raise r.error("a calendar row belongs to one language; write its language code (fr, en, ...)")
        if kind == "order":
            if word not in DATE_ORDERS:
                raise r.error(f"unknown date order {word!r}; known orders: {', '.join(DATE_ORDERS)}")
            orders[r["lang"]].add(word)
            continue
        if kind == "unit":
            if r["number"] not in ("day", "week", "month", "year") or not word:
                raise r.error(f"unit {word!r} needs one of day, week, month, year (got {r['number']!r})")
            units[r["lang"]][fold(word)] = r["number"]
            continue
        if kind == "number":
            if not r["number"].isdigit() or not word:
                raise r.error(f"number {word!r} needs its value (got {r['number']!r})")
            numbers[r["lang"]][word] = int(r["number"])
            continue
        if kind == "relative":
            m = _RELATIVE.fullmatch(r["number"])
            if m is None or m["unit"] not in RELATIVE_UNITS or not word:
                raise r.error(
                    f"relative {word!r} needs a unit and an offset such as year-1 or week0 (got {r['number']!r}); "
                    f"units: {', '.join(RELATIVE_UNITS)}"
                )
            relative[r["lang"]][fold(word)] = (m["unit"], int(m["n"]))
            continue
        low, high = (1, 12) if kind == "month" else (-1, 6)
        try:
            number = int(r["number"])
        except ValueError:
            number = low - 1
        if not low <= number <= high or word != word.lower() or not word:
            raise r.error(
                f"{kind} {word!r} needs a lower-case name and a number from {low} to {high} "
                f"(got {r['number']!r}); see the file's header"
            )
        (months if kind == "month" else weekdays)[r["lang"]][word] = number
    return MappingProxyType(
        {
            lang: Calendar(
                MappingProxyType(months[lang]),
                MappingProxyType(weekdays[lang]),
                frozenset(orders[lang]),
                MappingProxyType(relative[lang]),
                MappingProxyType(units[lang]),
                MappingProxyType(numbers[lang]),
            )
            for lang in langs
        }
    )


@functools.lru_cache(maxsize=4)
def _calendar_of(path: Path) -> Mapping[str, Calendar]:
    return load_calendar(path)


def calendar(lang: str, *, path: Path = DATA / "calendar.tsv") -> Calendar:
    """Month and weekday names of `lang` (a `LanguageError` for a language the table has no rows for).

    >>> calendar("fr").months["juillet"], calendar("en").weekdays["yesterday"]
    (7, -1)
    """
    table = _calendar_of(path)
    return table[check_table_language(lang, table, "calendar", path)]


# -- single-purpose lists --------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def actor_nouns(lang: str) -> frozenset[str]:
    """Nouns that act for a country when a demonym qualifies them ("la délégation turque")."""
    return frozenset(fold(r["lemma"]) for r in rows("actor_nouns.tsv", ("lang", "lemma")) if r["lang"] in (lang, "*"))


COLLECTIVE_TYPES = ("ArmedGroup", "Organization")


@functools.lru_cache(maxsize=8)
def collective_nouns(lang: str) -> Mapping[str, tuple[str, str, str]]:
    """Non-state collectives ("rebels", "manifestants"): folded lemma -> (type, label_en, label_fr)."""
    out: dict[str, tuple[str, str, str]] = {}
    for r in rows("collective_nouns.tsv", ("lang", "lemma", "type", "label_en", "label_fr")):
        if r["type"] not in COLLECTIVE_TYPES:
            raise r.error(f"unknown type {r['type']!r}; allowed: {', '.join(COLLECTIVE_TYPES)}")
        if r["lang"] == lang:
            out[fold(r["lemma"])] = (r["type"], r["label_en"], r["label_fr"])
    return MappingProxyType(out)


@functools.lru_cache(maxsize=8)
def noise_words(lang: str) -> frozenset[str]:
    """Surface forms spaCy's NER tags as entities that are never entities ("État", "Pub")."""
    return frozenset(fold(r["text"]) for r in rows("noise.tsv", ("lang", "text")) if r["lang"] in (lang, "*"))


@functools.lru_cache(maxsize=8)
def place_nouns(lang: str) -> frozenset[str]:
    """Nouns whose complement is a place ("la région de Moscou"): a capital there is the city."""
    return frozenset(fold(r["lemma"]) for r in rows("place_nouns.tsv", ("lang", "lemma")) if r["lang"] in (lang, "*"))
