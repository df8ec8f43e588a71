"""The knowledge base: countries, cities, regions, organisations, armed groups, leaders, and their surfaces.

Everything lives in editable tables under `kg/data/gazetteer/` (see its README.md); this module only
loads, checks and indexes them. `default_gazetteer()` loads once per process (about 0.2 s).

Surfaces are the strings a text may use for an entity: names, acronyms, aliases, capitals and seats
of power (metonyms: "Moscou", "le Kremlin" -> Russia), demonyms ("nigérienne" -> Niger) and
leaders' names. Matching is on `kg.iri.fold` (case and accents ignored), except that acronyms of
three letters or fewer must match their case exactly ("UN", "AU", "US", "EI" are not "un", "au",
"us", "ei").

Ambiguity, and how it is handled:

* Cities: only capitals, cities of 100k+ inhabitants and towns of 15k+ in the Sahel / West Africa
  focus countries are loaded (about 7,500), with their curated exonyms (city_names.tsv) and the
  safe GeoNames alternate names of capitals and cities of 200k+ (city_alt_names.tsv). A city or region name is *not* a surface when it is
  shorter than 3 letters, in `stoplist.tsv` (common words and first names: Nice, Tours, Mobile,
  Say, Tete...), or equal to a surface of a stronger entity in the same language (a country,
  organisation, armed group, leader, geo-region, seat of power or demonym): "Djibouti" and
  "Koweït" are the countries, "Mexico" is the country in English and the city in French. The
  entity itself stays (reachable by key, as the capital of its country, etc.).
* Several entities may share a surface (Tripoli in Libya and Lebanon, the region and the town of
  Tillabéri). `lookup` returns all of them, best first: names before aliases before demonyms; then
  countries, organisations and armed groups, leaders, capitals, geo-regions, then regions before
  ordinary cities (a city of 1M+ inhabitants ranks before regions); then larger population first.
  The choice in context (a place after "à", an actor before a verb) belongs to the linker.
* Demonyms that name two countries (congolais, arabe) are left out of the tables; regional
  adjectives map to geo-regions ("occidentaux" -> georegion/the-west), so `demonym` may return a
  `georegion/` key as well as a `country/` key.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kg.data_tables import DataError
from kg.errors import LanguageError
from kg.iri import fold
from kg.types import Entity

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
LANGS = ("fr", "en")
# "label": a name `lookup` knows (gold names, queries by name) that is not matched in text (a region's
# name alone when it is a common word or names several places: regions.tsv `bare`)
KINDS = ("name", "acronym", "alias", "capital", "seat", "demonym", "leader", "label")
ROLES = ("head_of_state", "head_of_government", "minister", "military_rank", "leader")
# the roles whose holder leads what the title names ("le président du Niger" leads Niger; a minister
# or a general leads nothing): the only definition, used by the linker (Linked.leaders) and the
# relation rules (leads, a head of state acting for the state)
LEADER_ROLES = frozenset({"head_of_state", "head_of_government", "leader"})
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# titles may also say "the same role as someone else's": "son homologue rwandais X", "his counterpart";
# or head a body and never a state ("directeur général", "director-general": the WHO's, not the police's)
BODY_LEADER = "body_leader"
# or only mark a person's name ("M. Sonko", "Mr Sonko"): a name follows, no role
HONORIFIC = "honorific"
TITLE_ROLES = (*ROLES, "counterpart", BODY_LEADER, HONORIFIC)
STANDS_FOR = ("country", "forces")
MIN_SURFACE_LENGTH = 3  # city and region names shorter than this are never surfaces
SHORT_ACRONYM = 3  # acronyms this long or shorter match case-sensitively
BIG_CITY = 1_000_000  # a city this large ranks before a region of the same name

_KIND_RANK = {"name": 0, "acronym": 0, "leader": 0, "capital": 0, "seat": 1, "alias": 1, "demonym": 2, "label": 3}
_TYPE_RANK = {
    "Country": 0, "InternationalOrganization": 1, "Organization": 1, "Government": 1, "ArmedForces": 1, "ArmedGroup": 1,
    "Person": 2, "GeoRegion": 4, "Region": 5,
}  # fmt: skip


# the types of the rows of organisations.tsv: intergovernmental bodies, companies and other bodies,
# governing bodies (a junta's council), armed forces
ORG_TYPES = ("InternationalOrganization", "Organization", "Government", "ArmedForces")
# the type of each entity table's rows, and the prefix their keys must have
_KEY_PREFIX = {
    "Organization": "org/",
    "Government": "org/",
    "ArmedForces": "org/",
    "Country": "country/",
    "City": "city/",
    "Region": "region/",
    "GeoRegion": "georegion/",
    "InternationalOrganization": "org/",
    "ArmedGroup": "group/",
    "Person": "person/",
}


class GazetteerError(DataError):
    """A gazetteer table that cannot be loaded (names the file, the line and the fix)."""


@dataclass(frozen=True)
class Surface:
    """One way of writing an entity in one language ("*" = both)."""

    text: str  # as written in the data, without leading article ("Maison-Blanche")
    lang: str  # "fr", "en" or "*"
    key: str  # Entity.key
    kind: str  # one of KINDS


@dataclass
class _Draft:
    """Mutable entity fields while the tables are read; frozen into an Entity at the end."""

    key: str
    type: str
    label_en: str | None = None
    label_fr: str | None = None
    geonames: int | None = None
    wikidata: str | None = None
    country: str | None = None
    parent: str | None = None
    capital_of: str | None = None
    affiliations: tuple[str, ...] = ()
    members_of: list[str] = field(default_factory=list)
    population: int = 0


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise LanguageError(f"unsupported language {lang!r}; supported: {', '.join(LANGS)} (the languages of the gazetteer's names)")
    return lang


_fold = functools.lru_cache(maxsize=1 << 18)(fold)  # the tables fold the same strings several times


def _strip_article(folded: str, articles: tuple[str, ...]) -> str | None:
    """What follows a leading article in folded text, or None."""
    for article in articles:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article) :]
    return None


def _split_article(text: str, articles: tuple[str, ...]) -> str | None:
    """What follows a leading article in `text` as written ("la Maison-Blanche" -> "Maison-Blanche"), or None."""
    text = text.strip()
    for article in articles:
        if _fold(text[: len(article)] + "x") == article + "x" and len(text) > len(article):
            return text[len(article) :].strip()
    return None


def _unaccent(text: str) -> str:
    """Accents removed and spaces normalised, case kept (acronyms are compared this way)."""
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


class Gazetteer:
    """Entities and surfaces loaded from a gazetteer directory; read-only after construction."""

    def __init__(self, directory: Path | str = DATA_DIR) -> None:
        self.directory = Path(directory)
        self._drafts: dict[str, _Draft] = {}
        self._surfaces: list[Surface] = []
        self._capital: dict[str, str] = {}
        self._roles: dict[str, str] = {}
        self._leads: dict[str, str] = {}
        self._terms: dict[str, tuple[str, str]] = {}  # leaders.tsv: person key -> (start, end), ISO or ""
        self._demonyms: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
        self._demonym_words: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}  # key -> first demonym row
        self._titles: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
        self._title_prefix_sets: dict[str, frozenset[str]] = {}  # see title_prefixes
        self._generic: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
        self._stop: dict[str, set[str]] = {"fr": set(), "en": set()}
        # typed region surfaces ("province du Soum"): (key, folded text) -> (folded base name, whether the
        # word is the generic "region" / "région")
        self._typed_base: dict[tuple[str, str], tuple[str, bool]] = {}
        self._town_names: list[tuple[str, str]] = []  # towns.tsv (key, name): lookup-only, indexed apart
        # leading articles tolerated by `lookup` and dropped from labels to make surfaces ("Le Caire" ->
        # "Caire"), folded, with their space ("le ", "l'"): articles.tsv
        self.articles: tuple[str, ...] = ()
        self._load()

    # ---------------------------------------------------------------- public API

    def get(self, key: str) -> Entity | None:
        return self.entities.get(key)

    def surfaces(self, lang: str) -> Iterator[Surface]:
        """Every surface usable in `lang` (those marked "*" included), demonyms included; not the names
        `lookup` alone knows (kind "label")."""
        _check_lang(lang)
        return (s for s in self._surfaces if s.lang in (lang, "*") and s.kind != "label")

    def lookup(self, text: str, lang: str) -> list[Surface]:
        """Surfaces equal to `text` after folding, tolerating a leading article; best first.

        >>> g = default_gazetteer()
        >>> [s.key for s in g.lookup("la Maison-Blanche", "fr")]
        ['country/US']
        """
        _check_lang(lang)
        found = self._match(fold(text), text, lang)
        if not found and (rest := _split_article(text, self.articles)) is not None:
            found = self._match(fold(rest), rest, lang)
        return found

    def demonym(self, word: str, lang: str) -> str | None:
        """Key of the country (or geo-region) an inflected demonym or adjective refers to.

        >>> g = default_gazetteer()
        >>> g.demonym("nigériennes", "fr"), g.demonym("nigérians", "fr")
        ('country/NE', 'country/NG')
        """
        _check_lang(lang)
        return self._demonyms[lang].get(fold(word))

    def demonym_word(self, key: str, lang: str) -> str | None:
        """The demonym of a country as the tables first write it ("Georgian", "géorgien"), or None.

        >>> default_gazetteer().demonym_word("country/GE", "en")
        'Georgian'
        """
        _check_lang(lang)
        return self._demonym_words[lang].get(key)

    def title_role(self, text: str, lang: str) -> str | None:
        """Role a title gives ("premier ministre" -> head_of_government), or None."""
        _check_lang(lang)
        folded = fold(text)
        role = self._titles[lang].get(folded)
        if role is None and (rest := _strip_article(folded, self.articles)) is not None:
            role = self._titles[lang].get(rest)
        return role

    def title_prefixes(self, lang: str) -> frozenset[str]:
        """Every prefix of every folded title and article: folded text that no title can start
        with is not in this set (the linker skips such tokens without building spans)."""
        _check_lang(lang)
        cached = self._title_prefix_sets.get(lang)
        if cached is None:
            cached = self._title_prefix_sets[lang] = frozenset(
                key[:n] for key in (*self._titles[lang], *self.articles) for n in range(len(key) + 1)
            )
        return cached

    def generic_actor(self, lemma: str, lang: str) -> str | None:
        """What a generic actor noun stands for: "country", "forces" or None."""
        _check_lang(lang)
        return self._generic[lang].get(fold(lemma))

    def country_of(self, key: str) -> str | None:
        """Country key of a city, region, person or group; the key itself for a country."""
        entity = self.entities.get(key)
        if entity is None:
            return None
        if entity.type == "Country":
            return key
        return entity.country

    def capital_of(self, country_key: str) -> str | None:
        """City key of the capital of a country."""
        return self._capital.get(country_key)

    def leader_role(self, key: str) -> str | None:
        """Role of a person of the leaders table (head_of_state, head_of_government, minister, leader)."""
        return self._roles.get(key)

    def leads(self, key: str) -> str | None:
        """Key of the country, organisation or group a person of the leaders table leads."""
        return self._leads.get(key)

    def in_office(self, key: str, when: str | None) -> bool:
        """Whether a person of the leaders table holds their role at the article date `when` (ISO
        date; None: an undated article, for which only a term without an end counts).

        A row without a start applies only to undated articles. Dates compare at the precision the
        table gives ("2023-07" holds all of July 2023).

        >>> g = default_gazetteer()
        >>> g.in_office("person/sebastien-lecornu", "2023-05-02"), g.in_office("person/sebastien-lecornu", None)
        (False, True)
        """
        term = self._terms.get(key)
        if term is None:
            return False
        start, end = term
        if when is None:
            return not end
        when = when[:10]
        if not start or when[: len(start)] < start:
            return False
        return not end or when[: len(end)] <= end

    def leads_at(self, key: str, when: str | None) -> str | None:
        """What a person of the leaders table leads at the article date `when`: for a head of state
        or government or a leader in office then (`in_office`), else None (a minister leads nothing;
        a leader out of office is a person like any other)."""
        if self._roles.get(key) not in LEADER_ROLES or not self.in_office(key, when):
            return None
        return self._leads.get(key)

    def population(self, key: str) -> int:
        """Population of a city (0 when unknown)."""
        draft = self._drafts.get(key)
        return draft.population if draft else 0

    # ---------------------------------------------------------------- matching

    def _match(self, folded: str, original: str, lang: str) -> list[Surface]:
        out = []
        for surface in self._index.get(folded, ()):
            if surface.lang not in (lang, "*"):
                continue
            if (
                surface.kind == "acronym"
                and len(folded) <= SHORT_ACRONYM
                and _unaccent(original) != _unaccent(surface.text)
            ):
                continue
            out.append(surface)
        return out

    # ---------------------------------------------------------------- loading

    def _rows(self, name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
        path = self.directory / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise GazetteerError(
                f"{path}: cannot read gazetteer table ({e.strerror}); reinstall geokg or restore the file"
            ) from e
        header: list[str] | None = None
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                missing = [c for c in columns if c not in header]
                if missing:
                    raise GazetteerError(
                        f"{path}:{number}: missing column(s) {', '.join(missing)}; the header must name {', '.join(columns)} (tab-separated)"
                    )
                continue
            if len(cells) > len(header):
                raise GazetteerError(
                    f"{path}:{number}: {len(cells)} cells for {len(header)} columns; cells are separated by single tabs"
                )
            cells += [""] * (len(header) - len(cells))
            yield number, {h: c.strip() for h, c in zip(header, cells, strict=True)}

    def _fail(self, name: str, number: int, message: str) -> GazetteerError:
        return GazetteerError(f"{self.directory / name}:{number}: {message}")

    def _lang(self, name: str, number: int, lang: str, *, star: bool = False) -> str:
        """A language cell: one of LANGS (or "*" where allowed), else an error naming the line."""
        allowed = LANGS + (("*",) if star else ())
        if lang not in allowed:
            raise self._fail(name, number, f"unknown language {lang!r}; write one of: {', '.join(allowed)}")
        return lang

    def _number(self, name: str, number: int, row: dict[str, str], column: str) -> int | None:
        """A number cell (GeoNames id, population): digits, or empty for unknown."""
        cell = row[column].strip()
        if cell and not cell.isdigit():
            raise self._fail(name, number, f"{column} {cell!r} is not a whole number; write digits only, or leave the cell empty")
        return int(cell) if cell else None

    def _add(self, name: str, number: int, draft: _Draft) -> None:
        prefix = _KEY_PREFIX[draft.type]
        if not draft.key.startswith(prefix) or draft.key == prefix:
            raise self._fail(name, number, f"key {draft.key!r} of a {draft.type} must be {prefix}<id>")
        if draft.key in self._drafts:
            raise self._fail(name, number, f"duplicate key {draft.key!r}; each entity appears once")
        self._drafts[draft.key] = draft

    def _need(self, name: str, number: int, key: str, prefix: str = "") -> str:
        if key not in self._drafts or not key.startswith(prefix):
            raise self._fail(
                name, number, f"unknown key {key!r}; add it to its table first (countries.tsv, cities.tsv, ...)"
            )
        return key

    def _load(self) -> None:
        articles = []
        for number, row in self._rows("articles.tsv", ("article",)):
            article = fold(row["article"])
            if not article:
                raise self._fail("articles.tsv", number, "empty article; write it in the article column or delete the line")
            articles.append(article if article.endswith("'") else article + " ")  # "le " but "l'"
        self.articles = tuple(dict.fromkeys(articles))
        self._article_initials = frozenset(a[:1] for a in self.articles) | frozenset(a[:1].upper() for a in self.articles)
        for number, row in self._rows("stoplist.tsv", ("lang", "word")):
            for lang in LANGS if row["lang"] == "*" else (self._lang("stoplist.tsv", number, row["lang"]),):
                self._stop[lang].add(fold(row["word"]))
        raw: list[tuple[str, str, str, str]] = []  # (key, lang, kind, text) before filtering
        self._load_places(raw)
        self._load_actors(raw)
        self._load_words(raw)
        self._build_surfaces(raw)
        entities = {}
        for key, d in self._drafts.items():
            aliases = tuple(
                sorted(
                    {
                        s.text
                        for s in self._by_key.get(key, ())
                        if s.kind != "demonym" and s.text not in (d.label_en, d.label_fr)
                    }
                )
            )
            entities[key] = Entity(
                key=key,
                type=d.type,
                label_en=d.label_en or None,
                label_fr=d.label_fr or None,
                geonames=d.geonames,
                wikidata=d.wikidata or None,
                country=d.country,
                parent=d.parent,
                capital_of=d.capital_of,
                aliases=aliases,
                affiliations=d.affiliations,
                members_of=tuple(sorted(set(d.members_of))),
            )
        self.entities: Mapping[str, Entity] = MappingProxyType(entities)

    def _labels(self, raw: list[tuple[str, str, str, str]], key: str, en: str, fr: str, kind: str) -> None:
        if en:
            raw.append((key, "en", kind, en))
        if fr:
            raw.append((key, "fr", kind, fr))

    def _names(self, raw: list[tuple[str, str, str, str]], name: str) -> None:
        for number, row in self._rows(name, ("key", "lang", "kind", "text")):
            self._need(name, number, row["key"])
            self._lang(name, number, row["lang"], star=True)
            if row["kind"] not in KINDS:
                raise self._fail(name, number, f"unknown kind {row['kind']!r}; allowed: {', '.join(KINDS)}")
            raw.append((row["key"], row["lang"], row["kind"], row["text"]))

    def _load_places(self, raw: list[tuple[str, str, str, str]]) -> None:
        capitals: dict[str, str] = {}
        capital_lines: dict[str, int] = {}
        for number, row in self._rows(
            "countries.tsv", ("key", "iso2", "geonames", "wikidata", "label_en", "label_fr", "capital")
        ):
            key = row["key"]
            self._add(
                "countries.tsv",
                number,
                _Draft(key, "Country", row["label_en"], row["label_fr"], self._number("countries.tsv", number, row, "geonames"), row["wikidata"]),
            )
            self._labels(raw, key, row["label_en"], row["label_fr"], "name")
            if row["capital"]:
                capitals[row["capital"]] = key
                capital_lines[row["capital"]] = number
        for number, row in self._rows("cities.tsv", ("key", "geonames", "country", "name", "population")):
            key, country = row["key"], self._need("cities.tsv", number, row["country"], "country/")
            d = _Draft(key, "City", row["name"], None, self._number("cities.tsv", number, row, "geonames"), None, country, country, capitals.get(key))
            d.population = self._number("cities.tsv", number, row, "population") or 0
            self._add("cities.tsv", number, d)
            raw.append((key, "*", "geonames", row["name"]))
        for number, row in self._rows("towns.tsv", ("key", "geonames", "country", "name", "population", "alt")):
            # towns of 15k+: names lookup alone knows (a place the NER finds is typed a City), never matched in text
            key, country = row["key"], self._need("towns.tsv", number, row["country"], "country/")
            d = _Draft(key, "City", row["name"], row["name"], self._number("towns.tsv", number, row, "geonames"), None, country, country)
            d.population = self._number("towns.tsv", number, row, "population") or 0
            self._add("towns.tsv", number, d)
            self._town_names.append((key, row["name"]))
            self._town_names.extend((key, alt) for alt in row["alt"].split("|") if alt)
        for city, country in capitals.items():
            if city not in self._drafts:
                raise self._fail(
                    "countries.tsv", capital_lines[city], f"capital {city!r} of {country} is not in cities.tsv; rerun _snapshot.py or fix the cell"
                )
            self._capital[country] = city
        types = self._region_types()
        every = (tuple({w for en, _fr in types.values() for w in en}), tuple({w for _en, fr in types.values() for w in fr}))
        self.region_type_words = frozenset(_fold(w) for ws in every for w in ws) | {_fold(w) for w in _REGION_WORD.values()}
        for number, row in self._rows(
            "regions.tsv", ("key", "country", "type", "geonames", "wikidata", "label_en", "label_fr", "bare", "alt")
        ):
            country = self._need("regions.tsv", number, row["country"], "country/")
            if row["bare"] not in ("", "no", *LANGS):
                raise self._fail(
                    "regions.tsv", number, f"bare {row['bare']!r}: leave the cell empty (the labels alone are surfaces), write no, or the one language whose label is"
                )
            self._add(
                "regions.tsv",
                number,
                _Draft(
                    row["key"],
                    "Region",
                    row["label_en"],
                    row["label_fr"],
                    self._number("regions.tsv", number, row, "geonames"),
                    row["wikidata"],
                    country,
                    country,
                ),
            )
            alts = [a.strip() for a in row["alt"].split("|") if a.strip()]
            bare = {"": LANGS, "no": ()}.get(row["bare"], (row["bare"],))  # the languages whose label alone is a surface
            raw.append((row["key"], "en", "name" if "en" in bare else "label", row["label_en"]))
            raw.append((row["key"], "fr", "name" if "fr" in bare else "label", row["label_fr"]))
            raw.extend((row["key"], "*", "alias" if row["bare"] == "" else "label", a) for a in alts)
            typed = typed_region_names(row["key"], types.get(row["type"], ((), ())), row["label_en"], row["label_fr"], alts, known=every)
            for key, lang, kind, text, base, generic in typed:
                raw.append((key, lang, kind, text))
                self._typed_base[(key, _fold(text))] = (_fold(base), generic)
        self._compass_names_fr(raw)
        for number, row in self._rows("georegions.tsv", ("key", "label_en", "label_fr", "geonames", "wikidata")):
            self._add(
                "georegions.tsv",
                number,
                _Draft(
                    row["key"], "GeoRegion", row["label_en"], row["label_fr"], self._number("georegions.tsv", number, row, "geonames"), row["wikidata"]
                ),
            )
            self._labels(raw, row["key"], row["label_en"], row["label_fr"], "name")
        self._names(raw, "city_names.tsv")
        for key, lang, _kind, text in raw:  # the first French name of a city is its French label
            d = self._drafts[key]
            if d.type == "City" and lang == "fr" and d.label_fr is None:
                d.label_fr = text
        for d in self._drafts.values():
            if d.type == "City" and d.label_fr is None:
                d.label_fr = d.label_en
        self._names(raw, "city_alt_names.tsv")  # after city_names: never a French label
        self._names(raw, "country_names.tsv")
        self._names(raw, "region_names.tsv")

    def _region_types(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """region_types.tsv: a region type -> (English words, French words) written with its name."""
        types = {}
        for number, row in self._rows("region_types.tsv", ("type", "en", "fr")):
            en, fr = (tuple(w.strip() for w in row[c].split("|") if w.strip()) for c in ("en", "fr"))
            if not en or not fr:
                raise self._fail("region_types.tsv", number, "fill both cells: the English and the French words (|-separated)")
            types[row["type"]] = (en, fr)
        return types

    def _compass_names_fr(self, raw: list[tuple[str, str, str, str]]) -> None:
        """French names of regions known only in English as "North Darfur", "South Kordofan".

        pycountry has no French names for many subdivisions; French writes "Darfour-Nord",
        "Nord-Darfour" or "Darfour du Nord", with the French name of the base region when a
        region of that name has one ("Darfur" -> "Darfour").
        """
        compass: dict[str, tuple[str, str]] = {}
        for number, row in self._rows("compass.tsv", ("en", "fr", "fr_of")):
            if not (row["en"] and row["fr"] and row["fr_of"]):
                raise self._fail("compass.tsv", number, "fill the three cells: the English word, the French point, the French 'of the point'")
            compass[row["en"]] = (row["fr"], row["fr_of"])
        french = {
            _fold(d.label_en): d.label_fr
            for d in self._drafts.values()
            if d.type == "Region" and d.label_en and d.label_fr and d.label_fr != d.label_en
        }
        for d in list(self._drafts.values()):
            if d.type != "Region" or not d.label_en or (d.label_fr and d.label_fr != d.label_en):
                continue
            head, _, base = d.label_en.partition(" ")
            if head not in compass or not base:
                continue
            point, of_point = compass[head]
            base_fr = french.get(_fold(base), base)
            d.label_fr = f"{base_fr}-{point}"
            for text in (d.label_fr, f"{point}-{base_fr}", f"{base_fr} {of_point}"):
                raw.append((d.key, "fr", "alias", text))

    def _load_actors(self, raw: list[tuple[str, str, str, str]]) -> None:
        for number, row in self._rows("organisations.tsv", ("key", "type", "label_en", "label_fr", "wikidata", "members", "country")):
            key = row["key"]
            if row["type"] not in ORG_TYPES:
                raise self._fail("organisations.tsv", number, f"unknown type {row['type']!r}; allowed: {', '.join(ORG_TYPES)}")
            country = self._need("organisations.tsv", number, row["country"], "country/") if row["country"] else None
            self._add(
                "organisations.tsv",
                number,
                _Draft(key, row["type"], row["label_en"], row["label_fr"], None, row["wikidata"], country),
            )
            self._labels(raw, key, row["label_en"], row["label_fr"], "name")
            for iso in row["members"].split():
                self._drafts[self._need("organisations.tsv", number, f"country/{iso}")].members_of.append(key)
        groups = list(
            self._rows("armed_groups.tsv", ("key", "label_en", "label_fr", "wikidata", "country", "affiliations"))
        )
        for number, row in groups:
            country = self._need("armed_groups.tsv", number, row["country"], "country/") if row["country"] else None
            self._add(
                "armed_groups.tsv",
                number,
                _Draft(row["key"], "ArmedGroup", row["label_en"], row["label_fr"], None, row["wikidata"], country),
            )
            self._labels(raw, row["key"], row["label_en"], row["label_fr"], "name")
        for number, row in groups:  # affiliations may point to a later row
            self._drafts[row["key"]].affiliations = tuple(
                self._need("armed_groups.tsv", number, a, "group/") for a in row["affiliations"].split()
            )
        for number, row in self._rows("leaders.tsv", ("key", "label_en", "label_fr", "role", "leads", "wikidata", "start", "end")):
            key, leads = row["key"], self._need("leaders.tsv", number, row["leads"])
            if row["role"] not in ROLES:
                raise self._fail("leaders.tsv", number, f"unknown role {row['role']!r}; allowed: {', '.join(ROLES)}")
            for column in ("start", "end"):
                if row[column] and not _ISO_DATE.fullmatch(row[column]):
                    raise self._fail("leaders.tsv", number, f"{column} {row[column]!r} is not an ISO date (2023-07-26, 2023-07 or 2023)")
            if row["start"] and row["end"] and row["end"] < row["start"][: len(row["end"])]:
                raise self._fail("leaders.tsv", number, f"the term ends ({row['end']}) before it starts ({row['start']})")
            self._terms[key] = (row["start"], row["end"])
            country = leads if leads.startswith("country/") else self._drafts[leads].country
            self._add(
                "leaders.tsv",
                number,
                _Draft(key, "Person", row["label_en"], row["label_fr"], None, row["wikidata"], country),
            )
            self._roles[key], self._leads[key] = row["role"], leads
            self._labels(raw, key, row["label_en"], row["label_fr"], "leader")
        for number, row in self._rows("persons.tsv", ("key", "label_en", "label_fr", "country", "wikidata")):
            country = self._need("persons.tsv", number, row["country"], "country/") if row["country"] else None
            self._add(
                "persons.tsv",
                number,
                _Draft(row["key"], "Person", row["label_en"], row["label_fr"], None, row["wikidata"], country),
            )
            self._labels(raw, row["key"], row["label_en"], row["label_fr"], "name")
        self._names(raw, "org_names.tsv")
        self._names(raw, "group_names.tsv")
        self._names(raw, "person_names.tsv")
        for number, row in self._rows("seats.tsv", ("lang", "text", "key")):
            self._need("seats.tsv", number, row["key"])
            raw.append((row["key"], self._lang("seats.tsv", number, row["lang"], star=True), "seat", row["text"]))

    def _load_words(self, raw: list[tuple[str, str, str, str]]) -> None:
        for number, row in self._rows("demonyms.tsv", ("lang", "key", "masculine", "feminine", "plural")):
            lang, key = self._lang("demonyms.tsv", number, row["lang"]), self._need("demonyms.tsv", number, row["key"])
            self._demonym_words[lang].setdefault(key, row["masculine"])
            for form in inflections(lang, row["masculine"], row["feminine"], row["plural"]):
                other = self._demonyms[lang].setdefault(fold(form), key)
                if other != key:
                    raise self._fail(
                        "demonyms.tsv", number, f"{form!r} already means {other}; a form may name one entity only"
                    )
                raw.append((key, lang, "demonym", form))
        for number, row in self._rows("titles.tsv", ("lang", "title", "role")):
            if row["role"] not in TITLE_ROLES:
                raise self._fail("titles.tsv", number, f"unknown role {row['role']!r}; allowed: {', '.join(TITLE_ROLES)}")
            self._titles[self._lang("titles.tsv", number, row["lang"])][fold(row["title"])] = row["role"]
        for number, row in self._rows("generic_actors.tsv", ("lang", "noun", "stands_for")):
            if row["stands_for"] not in STANDS_FOR:
                raise self._fail(
                    "generic_actors.tsv",
                    number,
                    f"unknown stands_for {row['stands_for']!r}; allowed: {', '.join(STANDS_FOR)}",
                )
            self._generic[self._lang("generic_actors.tsv", number, row["lang"])][fold(row["noun"])] = row["stands_for"]

    def _surface_text(self, text: str) -> str:
        """Drop a leading article ("Le Caire" -> "Caire") unless what is left is a common word ("the West")."""
        if text[:1].lower() not in self._article_initials:
            return text  # most texts: no article can start them
        rest = _split_article(text, self.articles)
        if rest is None or _fold(rest) in self._stop["fr"] or _fold(rest) in self._stop["en"]:
            return text
        return rest

    def _build_surfaces(self, raw: list[tuple[str, str, str, str]]) -> None:
        # merge the languages of one (key, kind, folded text); capitals' names become kind "capital"
        merged: dict[tuple[str, str, str], tuple[str, set[str]]] = {}
        for key, lang, kind, text in raw:
            d = self._drafts[key]
            if kind == "geonames":  # a GeoNames name is kept as written ("La Paz", "The Valley")
                kind = "name"
            elif kind != "label":  # names lookup alone knows are kept as written too
                text = self._surface_text(text)
            if d.type == "City" and d.capital_of and kind in ("name", "alias"):
                kind = "capital"
            slot = (key, kind, _fold(text))
            first, langs = merged.setdefault(slot, (text, set()))
            langs.update(LANGS if lang == "*" else (lang,))
        # a kind of surface per (key, folded text): keep the strongest
        best: dict[tuple[str, str], tuple[str, str, set[str]]] = {}
        for (key, kind, folded), (text, langs) in merged.items():
            prev = best.get((key, folded))
            if prev is None or _KIND_RANK[kind] < _KIND_RANK[prev[1]]:
                best[(key, folded)] = (text, kind, set(langs) | (prev[2] if prev else set()))
            else:
                prev[2].update(langs)
        strong: dict[str, set[str]] = defaultdict(set)  # folded text -> languages where a strong entity uses it
        for (key, folded), (_text, kind, langs) in best.items():
            if self._drafts[key].type not in ("City", "Region") and kind != "seat":  # "Bruxelles" stays a city too
                strong[folded] |= langs
        surfaces = []
        for (key, folded), (text, kind, langs) in best.items():
            d = self._drafts[key]
            base = self._typed_base.get((key, folded))
            if base is not None and kind == "alias" and base[0] in strong:
                # "la région du Sahel", "l'État du Niger", "the Sahel region": the base names a stronger
                # entity; only an English specific type word stays ("Niger State")
                langs = set() if base[1] else langs & {"en"}
            if d.type in ("City", "Region"):
                langs = {
                    lang for lang in langs if lang not in strong.get(folded, ()) and folded not in self._stop[lang]
                }
                if len(folded) < MIN_SURFACE_LENGTH:
                    langs = set()
            if langs:
                surfaces.append(Surface(text, "*" if len(langs) == len(LANGS) else next(iter(langs)), key, kind))
        surfaces.sort(key=self._rank)
        self._surfaces = surfaces
        index: dict[str, list[Surface]] = defaultdict(list)
        by_key: dict[str, list[Surface]] = defaultdict(list)
        for s in surfaces:
            index[_fold(s.text)].append(s)
            by_key[s.key].append(s)
        # towns: names lookup alone knows, added straight to the index (no merging: one row, one key)
        stop = self._stop["fr"] & self._stop["en"]
        grown = set()
        for key, text in self._town_names:
            folded = _fold(text)
            if len(folded) >= MIN_SURFACE_LENGTH and folded not in stop and not any(t.key == key for t in index.get(folded, ())):
                index[folded].append(Surface(text, "*", key, "label"))
                grown.add(folded)
        for folded in grown:
            index[folded].sort(key=self._rank)
        self._index = dict(index)
        self._by_key = dict(by_key)

    def rank(self, s: Surface) -> tuple[int, float, int, str, str]:
        """Sort key of a surface in `lookup` results (kind, then type, then population); lower is better."""
        return self._rank(s)

    def _rank(self, s: Surface) -> tuple[int, float, int, str, str]:
        d = self._drafts[s.key]
        if d.type == "City":
            type_rank = 3.0 if d.capital_of else (4.5 if d.population >= BIG_CITY else 6.0)
        else:
            type_rank = float(_TYPE_RANK.get(d.type, 7))
        return (_KIND_RANK[s.kind], type_rank, -d.population, s.key, s.text)


# the words of the typed forms every region gets, whatever its type ("the Hiiraan region", "la région de Samara")
_REGION_WORD = {"en": "region", "fr": "région"}
_VOWELS = tuple("aeiouyhAEIOUYHÉÈÊÎÏÔÂÀéèêîïôâà")


def typed_region_names(
    key: str,
    words: tuple[tuple[str, ...], tuple[str, ...]],
    label_en: str,
    label_fr: str,
    alts: list[str],
    *,
    known: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
) -> list[tuple[str, str, str, str, str, bool]]:
    """The typed surfaces (key, lang, "alias", text, base name, generic word) of a region: its names with
    the words of its type, and with the generic "region" / "région".

    The names are stripped of a type word they already carry, of its type or of any `known` type
    ("Samara Oblast", "oblast de Samara", "Idlib Governorate" for a province).

    >>> [t for _k, _l, _kind, t, _b, _g in typed_region_names("region/BF-soum", (("Province",), ("province",)), "Soum", "Soum", [])]
    ['Soum Province', 'Province of Soum', 'Soum region', 'province de Soum', 'province du Soum', 'région de Soum', 'région du Soum']
    """
    en_words = tuple(dict.fromkeys((*words[0], _REGION_WORD["en"])))
    fr_words = tuple(dict.fromkeys((*words[1], _REGION_WORD["fr"])))
    out: list[tuple[str, str, str, str, str, bool]] = []
    generic = set(_REGION_WORD.values())

    suffixes = tuple(" " + w.lower() for w in (*en_words, *known[0]))
    prefixes = tuple(w.lower() + de for w in (*fr_words, *known[1]) for de in (" de ", " du ", " d'", " de l'"))

    def bases(names: list[str]) -> list[str]:
        found = []
        for name in names:
            lower = name.lower()
            if " " in lower:  # a type word needs a space: most names have none
                for suffix in suffixes:
                    if lower.endswith(suffix):
                        name, lower = name[: -len(suffix)], lower[: -len(suffix)]
                for prefix in prefixes:
                    if lower.startswith(prefix):
                        name, lower = name[len(prefix) :], lower[len(prefix) :]
            if name and name not in found:
                found.append(name)
        return found

    for base in bases([label_en, *alts]):
        for n, w in enumerate(en_words):
            g = w.lower() in generic
            out.append((key, "en", "alias", f"{base} {w}", base, g))
            if n == 0 and not g:
                out.append((key, "en", "alias", f"{w} of {base}", base, g))
    for base in bases([label_fr, label_en, *alts]):
        for w in fr_words:
            g = w.lower() in generic
            for de in ("d'", "de l'") if base.startswith(_VOWELS) else ("de ", "du "):
                out.append((key, "fr", "alias", f"{w} {de}{base}", base, g))
    return out


def inflections(lang: str, masculine: str, feminine: str = "", plural: str = "") -> tuple[str, ...]:
    """All forms of a demonym row: genders and numbers (French), singular and plural (English).

    >>> inflections("fr", "nigérien", "nigérienne")
    ('nigérien', 'nigérienne', 'nigériens', 'nigériennes')
    >>> inflections("fr", "occidental", "occidentale")
    ('occidental', 'occidentale', 'occidentaux', 'occidentales')
    >>> inflections("fr", "burkinabè", "", "-")
    ('burkinabè',)
    >>> inflections("en", "Chinese"), inflections("en", "Nigerien")
    (('Chinese',), ('Nigerien', 'Nigeriens'))
    """
    singular = [f for f in (masculine, feminine) if f]
    if plural == "-":
        plurals: list[str] = []
    elif plural:
        plurals = [p.strip() for p in plural.split("|") if p.strip()]
    elif lang == "fr":
        plurals = [_plural_fr(f) for f in singular]
    else:
        plurals = [] if masculine.endswith(("ese", "ish", "ch", "sh", "s", "x", "z")) else [masculine + "s"]
    return tuple(dict.fromkeys(singular + plurals))


def _plural_fr(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


@functools.lru_cache(maxsize=4)
def _load_cached(directory: str) -> Gazetteer:
    return Gazetteer(directory)


def default_gazetteer() -> Gazetteer:
    """The gazetteer of the package data, loaded once per process."""
    return _load_cached(str(DATA_DIR))


def load_gazetteer(directory: Path | str) -> Gazetteer:
    """A gazetteer from another directory of tables (same layout as kg/data/gazetteer), cached."""
    return _load_cached(str(Path(directory).resolve()))
