"""Persons: full names from the NER and after titles, and surnames that refer back to them.

* a title gives a person ("le président ghanéen X", "Lebanese President X", "Niger's prime
  minister, X", "le président du Ghana, X"); what the title names (a country) is whose official the
  person is (`Entity.country`), and a leader title makes them lead it (`kg.link.titles.leader_of`,
  collected in `heads`, then `Linked.leaders`);
* a surname alone ("Tiani", "le général Tiani") goes to the full name met in the article, and a
  title with the surname of one known person to that person ("President Biden").
"""

from __future__ import annotations

from spacy.parts_of_speech import PROPN
from spacy.tokens import Span, Token

from kg.iri import fold, slug
from kg.link.linked import Linked
from kg.link.run import Run
from kg.link.spans import PERSON_LABELS, strip
from kg.link.surfaces import NAME_POS
from kg.link.titles import former, leader_of, title_at


def persons(run: Run, heads: dict[str, str]) -> dict[str, str]:
    """Full names from NER and from titles; returns surname -> person key.

    A title with a country ("le président russe Vladimir Poutine", "Russian President Vladimir
    Putin", "Niger's prime minister, Ali Lamine Zeine", "le président du Niger, X") makes a head of
    state, of government or a leader the leader of that country (`heads`).
    """
    spans = _ner_persons(run)
    names, titled = _names_after_titles(run)
    spans += [Span(run.doc, k, m, label="PER") for k, m in names]
    surnames = _surnames_of(run, spans)
    _link_persons(run, spans, titled, surnames, heads)
    for (k, _m), (role, country) in titled.items():
        # the text's title makes a leader whoever the gazetteer says the person is
        key = run.out.tok2ent.get(k, "")
        led = leader_of(role, country)
        if led and key.startswith("person/"):
            heads.setdefault(key, led)
    return surnames


def _ner_persons(run: Run) -> list[Span]:
    """The NER's person spans, without a leading title ("général Nguema" -> "Nguema")."""
    doc = run.doc
    spans: list[Span] = []
    for ent in doc.ents:
        s = strip(ent, run.tables.words)
        if s is None or ent.label_ not in PERSON_LABELS:
            continue
        title = title_at(run, s.start)
        if title is not None and title[1] >= s.end:
            continue  # "le Premier ministre": a title alone is no name
        if title is not None and title[1] < s.end:
            s = Span(doc, title[1], s.end, label=s.label)  # "général Nguema" -> "Nguema"
        elif len(s) > 2 and run.tables.demonym(s[0].text) and s[0].text[:1].isupper():
            s = Span(doc, s.start + 1, s.end, label=s.label)  # "Malien Oumar Diarra" -> "Oumar Diarra"
        if len(s) == 1 and s.root.dep_ in ("compound", "amod") and s.root.head.pos_ == "NOUN":
            continue  # "a Hutu militia": a modifier, not a person
        spans.append(s)
    return spans


def _names_after_titles(run: Run) -> tuple[list[tuple[int, int]], dict[tuple[int, int], tuple[str, str | None]]]:
    """The names after titles, in text order ((start, end), once per title), and for each name the
    role and the country of its (last) title."""
    doc, out, tables = run.doc, run.out, run.tables
    words = tables.words
    names: list[tuple[int, int]] = []
    titled: dict[tuple[int, int], tuple[str, str | None]] = {}  # person span -> (role, country)
    last_title: tuple[int, str] | None = None  # (end, country) of the last title that named a country
    last_role: tuple[int, str] | None = None  # (sentence start, role) of the last title that was no counterpart
    i = 0
    pos = run.facts.pos
    while i < len(doc):
        found = title_at(run, i) if pos[i] in NAME_POS else None
        if found is None:
            i += 1
            continue
        role, j = found
        if former(doc[i]):
            role = "former"  # "l'ancien président X": a person, who leads nothing
        elif role == "counterpart" and last_role is not None and last_role[0] == doc[i].sent.start:
            # round 10: agreements. "le président vénézuélien X et son homologue guyanien Y": the counterpart
            # holds the office of the title before it in the sentence (a leader leads the country named)
            role = last_role[1]
        if role not in ("counterpart", "former"):
            last_role = (doc[i].sent.start, role)
        country = None
        # before the title: "Russian President", "US President", "Niger's prime minister"
        if i > 0:
            prev = doc[i - 1]
            if prev.tag_ == "POS" and i > 1:
                prev = doc[i - 2]
            country = _country_tok(run, prev)
        # after the title: demonyms ("le président russe"), "du Niger", "de la Russie"
        k = j
        while k < len(doc):
            t = doc[k]
            if t.pos_ == "ADJ" and tables.demonym(t.text):
                country = country or _country_tok(run, t)
                k += 1
            elif t.lower_ in words.title_of and k + 1 < len(doc):
                n = k + 1
                while n < len(doc) and doc[n].lower_ in words.article:
                    n += 1
                if n < len(doc) and n in out.tok2ent:
                    key = out.tok2ent[n]
                    country = country or _country_tok(run, doc[n])
                    while n < len(doc) and out.tok2ent.get(n) == key:
                        n += 1
                    k = n
                elif n < len(doc) and doc[n].text[:1].isupper() and doc[n].pos_ != "PROPN" or (
                    n + 1 < len(doc) and doc[n].text[:1].isupper() and doc[n + 1].text[:1].islower() and doc[n + 1].pos_ == "ADJ"
                ):
                    # the portfolio: "de la Défense", "des Affaires étrangères"
                    n += 1
                    while n < len(doc) and doc[n].pos_ == "ADJ" and doc[n].text[:1].islower() and not tables.demonym(doc[n].text):
                        n += 1
                    k = n
                else:
                    break
            else:
                break
        start = i - 1 if i > 0 and doc[i - 1].pos_ == "DET" else i
        if country is None and last_title is not None and start > 0 and doc[start - 1].text == "," and start - last_title[0] <= 6:
            # "the US commander in Iraq, General David Petraeus": a title in apposition to one naming a country
            country = last_title[1]
        if country is not None:
            last_title = (k, country)
        if k < len(doc) and doc[k].text == "," and k + 1 < len(doc) and _name_word(doc[k + 1]) and k + 1 not in out.tok2ent and title_at(run, k + 1) is None:
            k += 1  # "le ministre des Affaires étrangères, Abderaman Koulamallah" (not ", General X": a title of its own)
        m = k
        while m < len(doc) and (_name_word(doc[m]) or (m > k and _name_hyphen(doc[m]))) and m not in out.tok2ent and m - k < 5:
            m += 1
        if m > k:
            names.append((k, m))
            titled[(k, m)] = (role, country)
        elif (known := _known_person_after(run, k)) is not None:
            # a person the gazetteer named after the title ("Lebanese President Michel Suleiman", "le
            # chef de la junte guinéenne, Mamadi Doumbouya")
            k = k + 1 if doc[k].text == "," else k
            m = k
            while m < len(doc) and out.tok2ent.get(m) == known:
                m += 1
            titled[(k, m)] = (role, country)
        i = max(i + 1, j)
    return names, titled


def _known_person_after(run: Run, k: int) -> str | None:
    """The person the gazetteer linked at token k, or right after a comma there (a title in apposition)."""
    doc, out = run.doc, run.out
    if k < len(doc) and doc[k].text == "," and k + 1 < len(doc):
        k += 1
    known = out.tok2ent.get(k, "") if k < len(doc) else ""
    return known if known.startswith("person/") else None


def _surnames_of(run: Run, spans: list[Span]) -> dict[str, str]:
    """Surname -> person key, for the persons the gazetteer linked and the full names found."""
    out, taken = run.out, run.taken
    surnames: dict[str, str] = {}
    for mention in out.mentions:  # persons already linked by the gazetteer ("Abdourahamane Tiani")
        known = out.entities.get(mention.entity)
        if known is not None and known.type == "Person" and len(mention.text.split()) >= 2:
            surnames.setdefault(fold(mention.text.split()[-1]), mention.entity)
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if len(s) >= 2 and not any(i in taken for i in range(s.start, s.end)):
            surnames.setdefault(fold(s[-1].text), person_key(run, s.text))
    return surnames


def _link_persons(
    run: Run, spans: list[Span], titled: dict[tuple[int, int], tuple[str, str | None]], surnames: dict[str, str], heads: dict[str, str]
) -> None:
    """Link the person spans, longest first: full names, surnames of names met, titled surnames."""
    out, taken, tables = run.out, run.taken, run.tables
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(s.start, s.end)):
            # the gazetteer named the person: the title may still tell what they lead
            keys = {out.tok2ent.get(i) for i in range(s.start, s.end)}
            role, country = titled.get((s.start, s.end), ("", None))
            only = next(iter(keys)) if len(keys) == 1 else None
            led = leader_of(role, country)
            if led and only and only.startswith("person/"):
                heads.setdefault(only, led)  # the text's title, whatever the leaders table says
            continue
        if len(s) >= 2:
            key = person_key(run, s.text)
            role, country = titled.get((s.start, s.end), ("", None))
            country = country or _demonym_before(run, s)  # "le Rwandais X", "the Frenchman X"
            # a title with a country ("Russian Foreign Minister X", "the US commander, General X") says
            # whose official the person is (Entity.country); only leader titles make them lead it
            run.local(key, "Person", s.text, country=country)
            run.add(s, key, "ner:person" if s.label_ in PERSON_LABELS and (s.start, s.end) not in titled else "title")
            taken.update(range(s.start, s.end))
            led = leader_of(role, country)
            if led:
                heads.setdefault(key, led)
        elif fold(s.text) in surnames:
            key = surnames[fold(s.text)]
            run.add(s, key, "coref:surname")
            taken.update(range(s.start, s.end))
        elif (s.start, s.end) in titled and len(tables.by_surname.get(fold(s.text), ())) == 1:
            # "President Biden": a title and the surname of one known person
            key = next(iter(tables.by_surname[fold(s.text)]))
            run.add(s, key, "title:surname")
            taken.update(range(s.start, s.end))
            surnames.setdefault(fold(s.text), key)


def person_key(run: Run, name: str) -> str:
    """The gazetteer's key of a person's name, else one minted from the name."""
    for cand in run.gaz.lookup(name, run.lang):
        if cand.key.startswith("person/"):
            return cand.key
    return f"person/{slug(name)}"


def _demonym_before(run: Run, span: Span) -> str | None:
    """The country of a capitalised demonym noun right before a name, used as a title: "le Rwandais
    Paul Kagame", "le Congolais X" (a demonym of one country only), "the Frenchman X", "the Iranian X"."""
    if span.start == 0:
        return None
    prev = run.doc[span.start - 1]
    if not prev.text[:1].isupper() or prev.is_sent_start or prev.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    det = run.doc[span.start - 2] if span.start > 1 else None
    if det is None or det.pos_ != "DET":
        return None  # "le Rwandais X", "the Iranian X": a determiner before the demonym
    return _country_tok(run, prev)


def _country_tok(run: Run, tok: Token) -> str | None:
    """The country a token names, as a demonym ("russe") or as a linked country ("Niger")."""
    out: Linked = run.out
    key = run.tables.demonym(tok.text) if tok.pos_ in ("ADJ", "PROPN", "NOUN") else None
    if key is None:
        key = out.tok2ent.get(tok.i)
    ent = out.entities.get(key) if key else None
    if key and (ent is None or ent.type != "Country"):
        ent = run.gaz.get(key)
    return key if ent is not None and ent.type == "Country" else None


def surnames_alone(run: Run, surnames: dict[str, str]) -> None:
    """A surname alone that the NER missed ("Goïta a exclu", "Lavrov a dénoncé")."""
    doc, taken = run.doc, run.taken
    texts, pos = run.facts.texts, run.facts.pos
    for i, text in enumerate(texts):
        if not surnames or i in taken or pos[i] != PROPN or not text[:1].isupper():
            continue
        key = surnames.get(fold(text))
        if key is None:
            continue
        tok = doc[i]
        prev_name = tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].text[:1].isupper() and (tok.i - 1) not in taken
        nxt_name = tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper()
        if prev_name or nxt_name:
            continue  # part of another full name
        span = doc[tok.i : tok.i + 1]
        run.add(span, key, "coref:surname")
        taken.add(tok.i)


def _name_hyphen(tok: Token) -> bool:
    """A hyphen glued inside a name ("Iounous-Bek Evkourov") between two name words."""
    doc = tok.doc
    return tok.text == "-" and not tok.whitespace_ and not doc[tok.i - 1].whitespace_ and tok.i + 1 < len(doc) and _name_word(doc[tok.i + 1])


def _name_word(tok: Token) -> bool:
    """A word that can be part of a person's name after a title (the tagger often calls rare names ADJ or NOUN)."""
    return (
        tok.text[:1].isupper()
        and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X")
        and not tok.is_sent_start
        and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY")  # not "Thursday"
    )
