"""Candidate -> `Relation`s: resolve the arguments to entities, check their types, qualify.

* every (subject, object) pair of resolved keys, after a head of state acting in an interstate
  relation is replaced by the state (`STATE_LEVEL`), and only pairs whose entity types the
  property allows (kg/vocab.py domain and range);
* an attack named by an event noun whose target is a town hits the country the town is in; a visit
  to a capital is a visit to its country; a generic regime led by a known leader is the leader's
  country;
* then modality, domain, date, location and provenance, read only for candidates that give a relation.

Facts (candidates of the fact rules) are asserted and unqualified. Gazetteer entities a relation
brings in (a country not named in the article) go to `ctx.entities.added`, never into the linker's result.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.data_tables import collective_nouns
from kg.gazetteer import LEADER_ROLES
from kg.relate.arguments import person_country, resolve
from kg.relate.context import Candidate, Context
from kg.relate.lexicon import lemma
from kg.relate.modality import modality
from kg.relate.qualifiers import PLACE_TYPES, date_of, domain_of, location_of
from kg.syntax import agents, governing_verb, obliques
from kg.types import Relation
from kg.vocab import RELATIONS, type_error

# State acts: when a head of state or government does one of these, the state does it (as event coders
# code "Tiani ends cooperation" as NER). Other acts (criticizes, meetsWith...) stay with the person.
STATE_LEVEL = frozenset({"endsCooperationWith", "cooperatesWith", "signsAgreementWith", "expels", "sanctions", "withdrawsFrom", "supports", "attacks"})


def evidence(sent: Span) -> str:
    return sent.text.strip()


def realise(cand: Candidate, ctx: Context) -> Iterator[Relation]:
    """The relations a candidate gives (none when its arguments do not resolve or do not type-check)."""
    if cand.cue.object == "fact":
        yield from _realise_fact(cand, ctx)
        return
    cue = cand.cue
    prop = RELATIONS[cue.property]
    entities, gazetteer = ctx.entities, ctx.gazetteer
    subj_keys = cand.subject_keys or [k for s in cand.subjects for k in resolve(s, ctx)]
    obj_keys = cand.object_keys or [k for o in cand.objects for k in resolve(o, ctx)]
    args = {t.i for t in cand.objects + cand.subjects}
    # an attack "on a base in Borno state": the target's phrase may say where it happened
    location = location_of(cand.trigger, args, ctx, within=cand.objects if cue.property == "attacks" else None)
    if not obj_keys and cue.object == "place" and location is None and cue.property == "seizesPowerIn":
        obj_keys = [ctx.linked.focal] if ctx.linked.focal else []
    if cue.property == "attacks" and (cue.pos == "noun" or cue.with_ not in ((), ("se",))):  # "une attaque", "a mené une attaque"
        obj_keys, location = _attack_targets(cand, obj_keys, location, ctx)
    elif cue.property == "attacks" and cue.pos == "verb" and _actorless(obj_keys, ctx):
        # "struck sites in Pakistan", "attacked a base in Borno state", "bombed the port of Hodeidah"
        obj_keys, location = _target_ground(cand, subj_keys, obj_keys, location, ctx)
        obj_keys, location = _held_town(cand, obj_keys, location, ctx)
    if cue.property in ("meetsWith", "seizesPowerIn") and cue.object == "place":
        # "arrived in Amman on a visit": a visit to a capital is a visit to its country; "seized power in
        # Kabul": power is taken in the country
        obj_keys = [_capital_country(k, cand, ctx) for k in obj_keys]
    if not subj_keys or not obj_keys:
        return
    if cue.property == "leads" and len(subj_keys) == 1 and subj_keys[0].startswith("person/"):
        # "le régime militaire dirigé par le général X": a generic noun led by a known leader is his country
        own = person_country(subj_keys[0], ctx)
        generic = {o.i for o in cand.objects if gazetteer.generic_actor(lemma(o), ctx.lang) is not None}
        if own and generic and own in gazetteer.entities:
            obj_keys = [own]
            entities.bring(own, cand.rule)
    pairs = []
    for s in subj_keys:
        for o in obj_keys:
            s2, o2 = _state_level(s, cue.property, cand, ctx), _state_level(o, cue.property, cand, ctx)
            if prop.family != "structural" and not _typed_ok(s2, o2, prop.name, ctx):
                # a capital taken for a place where it acts ("condemnation from Seoul", "des armes à
                # Moscou"): its country, as the metonymy convention says
                s2, o2 = _capital_country(s2, cand, ctx), _capital_country(o2, cand, ctx)
            if _typed_ok(s2, o2, prop.name, ctx):
                pairs.append((s2, o2))
    if not pairs:
        return  # modality, domain and date are read only for a candidate that gives a relation
    mod = modality(cand.trigger, cand.objects, ctx, subjects=cand.subjects)
    domain = domain_of(cand.trigger, cand.objects, ctx) if prop.family != "structural" else None
    when = date_of(cand.trigger, ctx)
    source_keys = resolve(mod.source, ctx) if mod.source is not None else []
    source_key = source_keys[0] if source_keys else None
    sent = cand.trigger.sent
    for s2, o2 in pairs:
        conf = cue.conf * (0.9 if len(subj_keys) * len(obj_keys) > 2 else 1.0)
        yield Relation(
            subject=s2,
            predicate=prop.name,
            object=o2,
            modality=mod.value,
            evidence=evidence(sent),
            start=sent.start_char,
            end=sent.end_char,
            rule=cand.rule,
            confidence=round(conf, 2),
            domain=domain,
            date=when,
            location=location if location not in (s2, o2) else None,
            attributed_to=source_key,
            attributed_text=mod.source_text,
            trigger=cand.trigger.text,
        )


def _attack_targets(cand: Candidate, obj_keys: list[str], location: str | None, ctx: Context) -> tuple[list[str], str | None]:
    """The targets of an attack named by an event noun, and where it happened: a town or region named
    with the target is where the attack happens (kept as the statement's location), and the country it
    is in is hit."""
    # "une attaque contre une garnison près de Diffa": a town or region named with the target is
    # where the attack happens; the country it is in is the target (below). A town struck directly
    # ("a frappé le port de Hodeïda") may be held by someone else than its state: no inference.
    hit = [k for k in obj_keys if (e := ctx.entities.get(k)) is not None and e.type in PLACE_TYPES - {"Country"}]
    obj_keys = [k for k in obj_keys if k not in hit]
    where = location or (hit[0] if hit and not obj_keys else None)
    if not obj_keys and where is None:
        # "an attack by Boko Haram on a garrison near Diffa", "In Niger, troops repelled an attack by ..."
        args = {t.i for t in cand.objects + cand.subjects}
        gov = governing_verb(cand.trigger)
        for head in [*cand.objects, *([gov] if gov is not None else [])]:
            where = location_of(head, args, ctx)
            if where is not None:
                break
    if not obj_keys and where is not None:
        # "les attaques djihadistes dans la région de Tillabéri": the country where it happens is hit
        country = ctx.gazetteer.country_of(where)
        obj_keys = [country] if country else []
        if country:
            ctx.entities.bring(country, cand.rule)
    return obj_keys, where


def _actorless(keys: list[str], ctx: Context) -> bool:
    """No key is an actor (only places, or nothing)."""
    return not any((e := ctx.entities.get(k)) is not None and e.type not in PLACE_TYPES for k in keys)


def _target_ground(cand: Candidate, subj_keys: list[str], obj_keys: list[str], location: str | None, ctx: Context) -> tuple[list[str], str | None]:
    """The country whose ground an attack on a target noun with no owner hits ("struck sites in
    Pakistan", "a base in Borno state", "the port of Hodeidah"): the country of the place named with
    the target, never the attacker's own (a state striking its own ground names whom it strikes), and
    nothing when the target is said to be a group's ("Kurdish militant targets")."""
    words = ctx.words
    targets = [o for o in cand.objects if lemma(o) in words.target_noun and o.pos_ == "NOUN"]
    groups = collective_nouns(ctx.lang)
    if not targets or any(lemma(m) in groups or lemma(m) in words.group_modifier for t in targets for m in t.children if m.dep_ in ("amod", "compound", "nmod")):
        return obj_keys, location
    # who holds it: a participle on the target or its place, or one detached after it on the verb
    holds = [a for t in targets for u in (t, *(n for p, n in obliques(t) if p in words.genitive)) for a in u.children if a.dep_ in ("acl", "amod", "relcl", "acl:relcl")]
    holds += [a for a in cand.trigger.children if a.dep_ in ("advcl", "acl") and a.i > min(t.i for t in targets)]
    holders = [g for a in holds if lemma(a) in words.hold_verb for g in agents(a)]
    if holders:
        # "le port de Hodeïda, contrôlé par les Houthis", "a village held by the Arakan Army": the holder
        # is hit, not the ground's state (nothing when the holder is not an entity: "par les rebelles")
        held = [k for g in holders for k in resolve(g, ctx) if (e := ctx.entities.get(k)) is not None and e.type not in PLACE_TYPES]
        return held, location
    where = location or next((k for k in obj_keys if (e := ctx.entities.get(k)) is not None and e.type in PLACE_TYPES), None)
    town = {ctx.linked.tok2ent.get(n.i) for t in targets for p, n in obliques(t) if p in words.genitive}
    if where is not None and where in town and (e := ctx.entities.get(where)) is not None and e.type == "City":
        return obj_keys, location  # a town's own port or airport struck ("le port de Hodeïda"): who holds it is not said
    country = ctx.gazetteer.country_of(where) if where else None
    if not country or ctx.gazetteer.get(country) is None:
        return obj_keys, location
    if country in _own_ground(subj_keys, ctx):
        return [], location  # its own ground: the text must name whom it strikes
    ctx.entities.bring(country, cand.rule)
    return [country], where


def _own_ground(subj_keys: list[str], ctx: Context) -> set[str]:
    """The countries an attacker strikes at home: a state, its leader, forces or government."""
    own = {person_country(s, ctx) or s for s in subj_keys if (e := ctx.entities.get(s)) is not None and e.type in ("Country", "Person", "ArmedForces", "Government")}
    own |= {e.country for s in subj_keys if (e := ctx.entities.get(s)) is not None and e.type in ("ArmedForces", "Government") and e.country}
    return own


def _held_town(cand: Candidate, obj_keys: list[str], location: str | None, ctx: Context) -> tuple[list[str], str | None]:
    """A town struck directly and said to be held by someone ("a bombardé Hodeïda, tenue par les Houthis",
    "shelled Nyala, held by the RSF"): the holder is hit, as for a target noun (see _target_ground); a
    town struck with no holder named gives no country (it may be held by someone else than its state)."""
    towns = [k for k in obj_keys if (e := ctx.entities.get(k)) is not None and e.type in ("City", "Region")]
    if not towns or len(towns) != len(obj_keys):
        return obj_keys, location
    words = ctx.words
    holds = [a for o in cand.objects for a in o.children if a.dep_ in ("acl", "amod", "relcl", "acl:relcl", "appos")]
    holds += [a for a in cand.trigger.children if a.dep_ in ("advcl", "acl", "xcomp", "conj") and a.i > min((o.i for o in cand.objects), default=a.i)]
    holders = [g for a in holds if lemma(a) in words.hold_verb for g in agents(a)]
    held = [k for g in holders for k in resolve(g, ctx) if (e := ctx.entities.get(k)) is not None and e.type not in PLACE_TYPES]
    return (held, location or towns[0]) if held else (obj_keys, location)


def _realise_fact(cand: Candidate, ctx: Context) -> Iterator[Relation]:
    """A fact the text states outright: asserted, unqualified; the object may come from the gazetteer
    (what the leaders table says a titled person leads). A predicate noun takes its clause's date
    ("became NATO's 32nd member on Thursday"); an apposition has none ("le JNIM, la branche ...")."""
    sent = cand.trigger.sent
    t = cand.trigger
    predicate = t.dep_ in ("attr", "xcomp", "oprd") or any(c.dep_ == "cop" for c in t.children)
    when = date_of(t, ctx) if predicate and t.pos_ in ("NOUN", "PROPN") else None
    for s in cand.subject_keys or []:
        for o in cand.object_keys or []:
            ctx.entities.bring(o, cand.rule)
            if o not in ctx.entities or not _typed_ok(s, o, cand.cue.property, ctx):
                continue
            yield Relation(s, cand.cue.property, o, "Asserted", evidence(sent), sent.start_char, sent.end_char, cand.rule, cand.cue.conf, date=when, trigger=cand.trigger.text)


def _capital_country(key: str, cand: Candidate, ctx: Context) -> str:
    """The country of a capital city (brought into the article's entities), else the key itself."""
    ent = ctx.entities.get(key) or ctx.gazetteer.get(key)
    country = ent.capital_of if ent is not None and ent.type == "City" else None
    if not country or ctx.gazetteer.get(country) is None:
        return key
    ctx.entities.bring(country, cand.rule)
    return country


def _state_level(key: str, prop: str, cand: Candidate, ctx: Context) -> str:
    """A head of state acting in an interstate relation acts for the state."""
    gazetteer, leaders = ctx.gazetteer, ctx.linked.leaders
    role = gazetteer.leader_role(key) if gazetteer.get(key) is not None else "head_of_state"
    if prop in STATE_LEVEL and key in leaders and role in LEADER_ROLES:
        country = leaders[key]
        ctx.entities.bring(country, cand.rule)
        return country
    return key


def _typed_ok(s: str, o: str, prop: str, ctx: Context) -> bool:
    """Whether `s prop o` can be said: two different entities whose types fit the property's domain and
    range (kg/vocab.py, the ontology's rdfs:domain / rdfs:range): no "X leads X", no country
    affiliated with an armed group."""
    se, oe = ctx.entities.get(s), ctx.entities.get(o)
    if se is None or oe is None or s == o:
        return False
    return type_error(prop, se.type, oe.type) is None
