"""Generate a corpus of unique French news-style articles for the throughput benchmark.

Articles are recombined from sentence templates (actors, places, dates, cues) and, when
present, the sentences of the development set `bench/gold/dev_fr.jsonl`. Generation is
deterministic (seeded), every text is unique, and the length of an article is typical of a
wire story (about 350-600 words, 4-6 paragraphs).

    python bench/make_corpus.py 200            # -> bench/out/corpus_200/articles.jsonl
    python bench/make_corpus.py 50 --seed 7 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE / "gold" / "dev_fr.jsonl"

# (subject form, object form) of actors: "le Niger" / "du Niger" are chosen by the templates.
COUNTRIES = [
    ("le Niger", "le Niger", "Niamey"),
    ("le Mali", "le Mali", "Bamako"),
    ("le Burkina Faso", "le Burkina Faso", "Ouagadougou"),
    ("la France", "la France", "Paris"),
    ("la Russie", "la Russie", "Moscou"),
    ("la Turquie", "la Turquie", "Ankara"),
    ("les États-Unis", "les États-Unis", "Washington"),
    ("l'Algérie", "l'Algérie", "Alger"),
    ("le Maroc", "le Maroc", "Rabat"),
    ("le Tchad", "le Tchad", "N'Djamena"),
    ("le Sénégal", "le Sénégal", "Dakar"),
    ("la Côte d'Ivoire", "la Côte d'Ivoire", "Abidjan"),
    ("le Nigeria", "le Nigeria", "Abuja"),
    ("le Bénin", "le Bénin", "Cotonou"),
    ("la Chine", "la Chine", "Pékin"),
    ("l'Allemagne", "l'Allemagne", "Berlin"),
    ("l'Ukraine", "l'Ukraine", "Kiev"),
    ("l'Iran", "l'Iran", "Téhéran"),
    ("Israël", "Israël", "Jérusalem"),
    ("le Soudan", "le Soudan", "Khartoum"),
    ("la Libye", "la Libye", "Tripoli"),
    ("l'Égypte", "l'Égypte", "Le Caire"),
    ("le Togo", "le Togo", "Lomé"),
    ("la Guinée", "la Guinée", "Conakry"),
    ("la Mauritanie", "la Mauritanie", "Nouakchott"),
]
ORGS = [
    "la CEDEAO",
    "l'Union africaine",
    "l'ONU",
    "l'OTAN",
    "l'Union européenne",
    "l'Alliance des États du Sahel",
    "la Minusma",
    "le Conseil de sécurité",
]
PEOPLE = [
    ("le général Abdourahamane Tiani", "le chef de la junte nigérienne"),
    ("le colonel Assimi Goïta", "le président de la transition malienne"),
    ("le capitaine Ibrahim Traoré", "le chef de l'État burkinabè"),
    ("Emmanuel Macron", "le président français"),
    ("Vladimir Poutine", "le président russe"),
    ("Recep Tayyip Erdogan", "le président turc"),
    ("Abdelmadjid Tebboune", "le président algérien"),
    ("Bola Tinubu", "le président nigérian"),
    ("Mahamat Idriss Déby", "le président tchadien"),
    ("Antonio Guterres", "le secrétaire général de l'ONU"),
]
REGIONS = [
    "Tillabéri",
    "Diffa",
    "Tahoua",
    "Gao",
    "Tombouctou",
    "Mopti",
    "Kidal",
    "Dori",
    "Djibo",
    "Agadez",
    "Ménaka",
    "Fada N'Gourma",
]
GROUPS = [
    "le JNIM",
    "l'État islamique au Sahel",
    "Boko Haram",
    "des groupes jihadistes",
    "des hommes armés non identifiés",
]
DOMAINS = [
    "du renseignement",
    "de la sécurité",
    "de la défense",
    "de l'énergie",
    "du commerce",
    "de la formation militaire",
    "de la lutte antiterroriste",
]
SOURCES = [
    "selon plusieurs sources sécuritaires",
    "d'après un communiqué officiel",
    "selon l'agence de presse nationale",
    "a-t-on appris auprès d'un diplomate",
    "selon des sources concordantes",
    "d'après la télévision d'État",
]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]

# One construction per line; {a} {b} countries, {p} person, {t} title, {o} organisation,
# {r} region, {g} armed group, {d} domain, {s} source, {day} a date, {n} a number.
TEMPLATES = [
    "{A} a mis fin à sa coopération avec {b} dans le domaine {d}, {s}.",
    "Le {day}, {a} a annoncé la suspension de ses accords avec {b} en matière {d}.",
    "{A} a signé un accord de coopération {d2} avec {b} le {day} à {cap}.",
    "{P}, {t}, s'est entretenu au téléphone avec son homologue {de_b} le {day}.",
    "{P} a reçu à {cap} une délégation venue {de_b} pour discuter de la situation sécuritaire.",
    "{A} a ordonné le départ des militaires {de_b} stationnés sur son territoire, {s}.",
    "Les autorités {de_a} ont expulsé l'ambassadeur {de_b}, accusé d'ingérence dans les affaires intérieures.",
    "{G} ont attaqué une position de l'armée dans la région de {r} le {day}, faisant au moins {n} morts.",
    "Une attaque attribuée à {g} a visé un convoi militaire près de {r}, {s}.",
    "{A} a vivement critiqué la décision {de_o}, qu'il juge contraire aux intérêts de la région.",
    "{O} a décidé de suspendre {a} de ses instances jusqu'au retour à l'ordre constitutionnel.",
    "Selon certains analystes, la crise pourrait s'étendre {a_x}, déjà fragilisé par les violences.",
    "Il n'est pas exclu que {a} renforce sa coopération militaire avec {b} dans les prochains mois.",
    "{A} n'a pas rompu ses relations diplomatiques avec {b}, a précisé le ministre des Affaires étrangères.",
    "{A} a retiré ses derniers soldats {de_b} à la fin du mois de {m}.",
    "{A} fournit depuis {year} des drones et des véhicules blindés à l'armée {de_b}.",
    "{P} a dénoncé lors d'un discours à {cap} les pressions exercées par {b}.",
    "Des manifestants se sont rassemblés à {cap} pour réclamer le départ des troupes étrangères.",
    "{A} est membre {de_o} depuis {year}, mais ses relations avec l'organisation se sont dégradées.",
    "{A} menace de fermer sa frontière avec {b} si les incursions armées se poursuivent.",
    "Le ministre de la Défense {de_a} s'est rendu à {cap2} le {day} pour rencontrer son homologue.",
    "{O} a imposé des sanctions économiques à {a}, dont le gel des avoirs de plusieurs responsables.",
    "Dans l'armée, plusieurs officiers contestent ouvertement l'autorité de {p_short}, {s}.",
    "La situation humanitaire reste préoccupante dans la région de {r}, où des milliers de déplacés ont afflué depuis {m}.",
    "Les prix des denrées alimentaires ont augmenté de {n} % en un an à {cap}, selon l'institut national de la statistique.",
    "Les échanges commerciaux entre {a} et {b} ont atteint {n} milliards de francs CFA l'an dernier.",
    "Le gouvernement a promis d'organiser des élections d'ici {year2}, sans fixer de calendrier précis.",
    "Cette décision intervient quelques semaines après la visite à {cap} d'une délégation {de_o}.",
]
HEADLINES = [
    "{A} rompt avec {b}",
    "Tensions entre {a} et {b}",
    "Nouvelle attaque dans la région de {r}",
    "{O} hausse le ton face {a_a}",
    "{P} en visite à {cap2}",
    "Sahel : {a} change d'alliés",
    "Accord sécuritaire entre {a} et {b}",
    "Crise diplomatique autour {de_a}",
]


def _bare(form: str) -> str:
    """'le Niger' -> 'Niger'."""
    return re.sub(r"^(le |la |les |l')", "", form)


def _de(form: str) -> str:
    """'le Niger' -> 'du Niger', 'les États-Unis' -> 'des États-Unis', 'Israël' -> "d'Israël"."""
    for art, contracted in (("le ", "du "), ("les ", "des "), ("la ", "de la "), ("l'", "de l'")):
        if form.startswith(art):
            return contracted + form[len(art) :]
    return ("d'" if form[:1] in "AEIOUÉÈÎ" else "de ") + form


def _a(form: str) -> str:
    """'le Tchad' -> 'au Tchad', 'les États-Unis' -> 'aux États-Unis'."""
    for art, contracted in (("le ", "au "), ("les ", "aux "), ("la ", "à la "), ("l'", "à l'")):
        if form.startswith(art):
            return contracted + form[len(art) :]
    return "à " + form


def _day(rng: random.Random) -> str:
    d = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 1000))
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _fill(template: str, rng: random.Random) -> str:
    (a, _, cap), (b, _, cap2) = rng.sample(COUNTRIES, 2)
    p, t = rng.choice(PEOPLE)
    d = rng.choice(DOMAINS)
    values = {
        "a": a,
        "A": a[:1].upper() + a[1:],
        "b": b,
        "a_bare": _bare(a),
        "b_bare": _bare(b),
        "cap": cap,
        "cap2": cap2,
        "p": p,
        "P": p[:1].upper() + p[1:],
        "t": t,
        "p_short": p.split()[-1],
        "o": rng.choice(ORGS),
        "r": rng.choice(REGIONS),
        "g": rng.choice(GROUPS),
        "d": d,
        "d2": d.replace("du ", "dans le domaine du ")
        .replace("de la ", "dans le domaine de la ")
        .replace("de l'", "dans le domaine de l'"),
        "s": rng.choice(SOURCES),
        "day": _day(rng),
        "n": rng.randint(3, 250),
        "m": rng.choice(MONTHS),
        "year": rng.randint(2012, 2024),
        "year2": rng.randint(2026, 2029),
    }
    values.update(de_a=_de(a), de_b=_de(b), de_o=_de(values["o"]), a_a=_a(a), a_x=_a(rng.choice(COUNTRIES)[0]))
    values["O"] = values["o"][:1].upper() + values["o"][1:]
    values["G"] = values["g"][:1].upper() + values["g"][1:]
    return template.format(**values)


def dev_sentences(path: Path = DEV) -> list[str]:
    """Sentences of the development articles, if the file is there."""
    out: list[str] = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])", text) if len(s.strip()) > 20]
    return out


def make_article(rng: random.Random, number: int, pool: list[str]) -> dict[str, str]:
    paragraphs = []
    for _ in range(rng.randint(4, 6)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            if pool and rng.random() < 0.3:
                sentences.append(rng.choice(pool))
            else:
                sentences.append(_fill(rng.choice(TEMPLATES), rng))
        paragraphs.append(" ".join(sentences))
    title = _fill(rng.choice(HEADLINES), rng)
    d = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 1000))
    return {
        "id": f"bench-{number:05d}",
        "lang": "fr",
        "date": d.isoformat(),
        "title": title,
        "text": title + "\n\n" + "\n\n".join(paragraphs),
    }


def make_corpus(n: int, *, seed: int = 42) -> list[dict[str, str]]:
    """`n` unique articles (deterministic for a given seed)."""
    rng = random.Random(seed)
    pool = dev_sentences()
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    while len(out) < n:
        art = make_article(rng, len(out) + 1, pool)
        if art["text"] not in seen:
            seen.add(art["text"])
            out.append(art)
    return out


def write_corpus(n: int, out_dir: Path, *, seed: int = 42) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for art in make_corpus(n, seed=seed):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", type=Path, help="output folder (default bench/out/corpus_N)")
    args = ap.parse_args()
    path = write_corpus(args.n, args.out or HERE / "out" / f"corpus_{args.n}", seed=args.seed)
    words = sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))
    print(f"{path}: {args.n} articles, {words} words")


if __name__ == "__main__":
    main()
