"""`kg eval`: score extractions against a gold JSONL file (DESIGN.md, "Gold format for evaluation").

One gold line per article::

    {"id", "lang", "date"?, "text",
     "gold": [{"s", "p", "o", "required", "qualifiers": {"domain", "date", "location", "modality"}}],
     "entities": [{"name", "type"}]}

`s`, `o`, entity names and locations are canonical English names ("Russia", "Abdourahamane Tiani").

How a produced relation is compared with the gold:

* Names. A produced entity key matches a gold name when the gold name resolves, through the
  gazetteer (English surfaces first, then French), to that key. A name the gazetteer does not
  know matches an entity whose English or French label, a multi-word surface form, or key slug
  folds to the same text ("person/abdourahamane-tiani" ~ "Abdourahamane Tiani"); a surname
  alone is not enough.
* Facts. Produced facts are the Asserted and Reported relations of an article, deduplicated as
  (s, p, o) (either order for symmetric properties). A fact matching an asserted or reported gold
  item is a true positive (whether that item is required or not); matching only a hedged or negated
  gold item, it is a false positive; matching nothing, a false positive. A required asserted or
  reported gold item that nothing matches is a false negative; an optional one is not.
* Strict compares property local names; lenient merges the cooperative family (cooperatesWith,
  supports, signsAgreementWith, meetsWith) into one label, compared in either direction.
* Hedged and negated statements are scored on their own: a produced Hedged or Negated statement
  matching a hedged or negated gold item is a true positive of the "modality" score.
* Qualifiers (domain, date, location, attributedTo) and modality are checked on matched items, when
  the gold gives them; a produced date is right when it starts with the gold date ("2023-07-26"
  for "2023-07"); a location is right when it is one of the gold places (a name or a list); a
  named source (`attributedTo` the gazetteer knows) must be the produced `attributed_to`, a
  descriptive one ("security sources") only needs some source to be produced.
* Entities: per article, produced entities (`Extraction.entities`) against gold entities; typed
  match = same canonical entity and same class, untyped = same entity.

>>> prf = PRF(tp=3, fp=1, fn=3)
>>> (round(prf.precision, 2), round(prf.recall, 2), round(prf.f1, 2))
(0.75, 0.5, 0.6)
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kg.errors import InputError
from kg.iri import article_id, content_hash, fold, slug
from kg.types import Article, Entity, Extraction, Relation
from kg.vocab import COOPERATIVE_FAMILY, FACTUAL_MODALITIES, MODALITIES, RELATIONS

if TYPE_CHECKING:
    from kg.settings import Settings

COOPERATIVE_LABEL = "cooperative*"  # the lenient label of the merged cooperative family
QUALIFIERS = ("domain", "date", "location", "attributedTo")

# Gazetteer surface kinds that name an entity only indirectly ("Moscow" the seat stands for
# Russia, "russe" is a demonym): a gold name is a canonical name, so these are not used.
INDIRECT_KINDS = frozenset({"demonym", "seat", "metonym", "generic", "title", "adjective"})


class GazetteerLike(Protocol):
    def lookup(self, text: str, lang: str) -> list[Any]: ...

    def get(self, key: str) -> Entity | None: ...


# -- scores --------------------------------------------------------------------


@dataclass
class PRF:
    """True positives, false positives, false negatives; precision/recall/F1 are None when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _r(self.precision),
            "recall": _r(self.recall),
            "f1": _r(self.f1),
        }


@dataclass
class Ratio:
    """Correct out of total (accuracy is None when nothing was checked)."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": _r(self.accuracy)}


@dataclass(frozen=True)
class Miss:
    """A required gold item nothing matched (kind "fact", or "modality" for hedged/negated items)."""

    article: str
    s: str
    p: str
    o: str
    modality: str
    kind: str = "fact"


@dataclass(frozen=True)
class FalsePositive:
    """A produced relation that matches no gold item, with why it is counted wrong."""

    article: str
    s: str
    p: str
    o: str
    modality: str
    reason: str
    evidence: str
    rule: str
    kind: str = "fact"


@dataclass(frozen=True)
class EntityError:
    """A gold entity not produced with its type ("miss"), or a produced one not in the gold ("false positive")."""

    article: str
    name: str
    type: str
    kind: str  # "miss" | "false positive"
    note: str = ""  # e.g. the type produced for a gold entity, or the key of a produced one


@dataclass
class EvalReport:
    """Everything `kg eval` measures on one gold file."""

    source: str = ""
    articles: int = 0
    gold_facts: int = 0  # asserted or reported gold items (required or not)
    gold_required: int = 0  # ... of which required
    strict: PRF = field(default_factory=PRF)
    lenient: PRF = field(default_factory=PRF)
    strict_by_relation: dict[str, PRF] = field(default_factory=dict)
    lenient_by_relation: dict[str, PRF] = field(default_factory=dict)
    modality: PRF = field(default_factory=PRF)  # hedged / negated statements
    modality_accuracy: Ratio = field(default_factory=Ratio)  # exact modality on gold items matched by any statement
    modality_confusion: dict[str, int] = field(default_factory=dict)  # "gold->produced" -> count
    qualifiers: dict[str, Ratio] = field(default_factory=dict)
    entities_typed: PRF | None = None
    entities_untyped: PRF | None = None
    entities_by_type: dict[str, PRF] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    entity_errors: list[EntityError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "articles": self.articles,
            "gold_facts": self.gold_facts,
            "gold_required": self.gold_required,
            "strict": self.strict.to_dict(),
            "lenient": self.lenient.to_dict(),
            "strict_by_relation": {k: v.to_dict() for k, v in sorted(self.strict_by_relation.items())},
            "lenient_by_relation": {k: v.to_dict() for k, v in sorted(self.lenient_by_relation.items())},
            "modality": self.modality.to_dict(),
            "modality_accuracy": self.modality_accuracy.to_dict(),
            "modality_confusion": dict(sorted(self.modality_confusion.items())),
            "qualifiers": {k: v.to_dict() for k, v in self.qualifiers.items()},
            "misses": [vars(m) for m in self.misses],
            "false_positives": [vars(f) for f in self.false_positives],
        }
        if self.entities_typed is not None and self.entities_untyped is not None:
            out["entities"] = {
                "typed": self.entities_typed.to_dict(),
                "untyped": self.entities_untyped.to_dict(),
                "by_type": {k: v.to_dict() for k, v in sorted(self.entities_by_type.items())},
                "errors": [vars(e) for e in self.entity_errors],
            }
        return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# -- gold ----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldFact:
    s: str
    p: str
    o: str
    required: bool
    modality: str  # one of vocab.MODALITIES
    domain: str | None = None
    date: str | None = None
    location: tuple[str, ...] = ()  # one place, or several ("Tillabéri", "Diffa")
    attributed_to: str | None = None

    @property
    def factual(self) -> bool:
        return self.modality in FACTUAL_MODALITIES


def _gold_facts(item: dict[str, Any], where: str) -> list[GoldFact]:
    out = []
    for i, g in enumerate(item.get("gold") or []):
        try:
            s, p, o = g["s"], g["p"], g["o"]
        except (KeyError, TypeError):
            raise InputError(where, f"gold item {i} needs 's', 'p' and 'o' (gold format: bench/gold/README.md)") from None
        if p not in RELATIONS:
            raise InputError(
                where, f"gold item {i}: unknown relation {p!r}; known relations: {', '.join(sorted(RELATIONS))}"
            )
        q = g.get("qualifiers") or {}
        modality = str(q.get("modality") or "asserted").capitalize()
        if modality not in MODALITIES:
            raise InputError(
                where,
                f"gold item {i}: unknown modality {q.get('modality')!r}; use one of {', '.join(m.lower() for m in MODALITIES)}",
            )
        out.append(
            GoldFact(
                s=s,
                p=p,
                o=o,
                required=bool(g.get("required", True)),
                modality=modality,
                domain=q.get("domain") or None,
                date=str(q["date"]) if q.get("date") else None,
                location=_names(q.get("location")),
                attributed_to=q.get("attributedTo") or None,
            )
        )
    return out


def _names(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value if v)


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold items of a JSONL file, each with `_line` (its line number)."""
    if not path.is_file():
        raise InputError(
            str(path), "no such gold file; give a JSONL file in the gold format of bench/gold/README.md"
        )
    items = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}", f"not valid JSON ({e.msg}); one JSON object per line") from e
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise InputError(f"{path}:{n}", "each gold line needs a 'text' field (the article) to be extracted")
            item["_line"] = n
            items.append(item)
    return items


def gold_article(item: dict[str, Any], source: str) -> Article:
    """The Article a gold line describes (identity from its text, as `kg build` would mint it)."""
    text = item["text"]
    return Article(
        id=article_id(text),
        text=text,
        source=source,
        lang=item.get("lang") or None,
        title=item.get("title") or None,
        date=item.get("date") or None,
        content_hash=content_hash(text),
    )


# -- name resolution -----------------------------------------------------------


class Resolver:
    """Does a produced entity key stand for the entity a gold name names?"""

    def __init__(self, gazetteer: GazetteerLike | None) -> None:
        self.gazetteer = gazetteer
        self._keys: dict[str, frozenset[str]] = {}

    def gold_keys(self, name: str) -> frozenset[str]:
        """Keys the gazetteer gives for a canonical name (English surfaces first, then French)."""
        if name not in self._keys:
            keys: frozenset[str] = frozenset()
            if self.gazetteer is not None:
                for lang in ("en", "fr"):
                    keys = frozenset(
                        s.key for s in self.gazetteer.lookup(name, lang) if getattr(s, "kind", "") not in INDIRECT_KINDS
                    )
                    if keys:
                        break
            self._keys[name] = keys
        return self._keys[name]

    def entity(self, key: str, local: dict[str, Entity]) -> Entity | None:
        if key in local:
            return local[key]
        return self.gazetteer.get(key) if self.gazetteer is not None else None

    def matches(self, name: str, key: str, local: dict[str, Entity]) -> bool:
        keys = self.gold_keys(name)
        if keys:
            return key in keys
        return name_matches(name, key, self.entity(key, local))


def name_matches(name: str, key: str, entity: Entity | None) -> bool:
    """A gold name the gazetteer does not know vs a produced entity: labels, full surface forms, key slug.

    >>> name_matches("Abdourahamane Tiani", "person/abdourahamane-tiani", None)
    True
    >>> name_matches("Tiani", "person/abdourahamane-tiani", None)
    False
    >>> name_matches("Tiani", "person/abdourahamane-tiani", Entity("person/abdourahamane-tiani", "Person", aliases=("Tiani",)))
    False
    """
    f = fold(name)
    if not f:
        return False
    if slug(name) == key.rsplit("/", 1)[-1].lower():
        return True
    if entity is None:
        return False
    labels = {fold(x) for x in (entity.label_en, entity.label_fr) if x}
    if f in labels:
        return True
    # Surface forms seen in the article: a one-word form of a person is a surname, not a name.
    aliases = {fold(a) for a in entity.aliases if not (entity.type == "Person" and len(a.split()) < 2)}
    return f in aliases


# -- scoring -------------------------------------------------------------------


def _label(p: str, lenient: bool) -> str:
    return COOPERATIVE_LABEL if lenient and p in COOPERATIVE_FAMILY else p


def _symmetric(label: str) -> bool:
    return label == COOPERATIVE_LABEL or (label in RELATIONS and RELATIONS[label].symmetric)


def _group(relations: Iterable[Relation], lenient: bool) -> dict[tuple[str, str, str], list[Relation]]:
    """Relations by (s, label, o), the pair sorted for symmetric labels; best confidence first."""
    groups: dict[tuple[str, str, str], list[Relation]] = defaultdict(list)
    for r in relations:
        label = _label(r.predicate, lenient)
        s, o = (min(r.subject, r.object), max(r.subject, r.object)) if _symmetric(label) else (r.subject, r.object)
        groups[(s, label, o)].append(r)
    for rels in groups.values():
        rels.sort(key=lambda r: -r.confidence)
    return dict(groups)


def _triple_matches(
    g: GoldFact, key: tuple[str, str, str], lenient: bool, res: Resolver, local: dict[str, Entity]
) -> bool:
    s, label, o = key
    if _label(g.p, lenient) != label:
        return False
    if res.matches(g.s, s, local) and res.matches(g.o, o, local):
        return True
    return _symmetric(label) and res.matches(g.s, o, local) and res.matches(g.o, s, local)


def _score_facts(
    art: str,
    golds: Sequence[GoldFact],
    relations: Sequence[Relation],
    *,
    lenient: bool,
    res: Resolver,
    local: dict[str, Entity],
    total: PRF,
    by_rel: dict[str, PRF],
    misses: list[Miss] | None,
    fps: list[FalsePositive] | None,
) -> list[tuple[GoldFact, Relation]]:
    """Score the facts of one article; returns the matched (gold, best produced relation) pairs."""
    facts = _group((r for r in relations if r.modality in FACTUAL_MODALITIES), lenient)
    matched: set[int] = set()
    pairs: list[tuple[GoldFact, Relation]] = []
    for key, rels in facts.items():
        label = key[1]
        stat = by_rel.setdefault(label, PRF())
        cands = [i for i, g in enumerate(golds) if _triple_matches(g, key, lenient, res, local)]
        factual = [i for i in cands if golds[i].factual]
        free = [i for i in factual if i not in matched]
        if free:
            # prefer a required item, then gold order
            i = min(free, key=lambda i: (not golds[i].required, i))
            matched.add(i)
            pairs.append((golds[i], rels[0]))
            stat.tp += 1
            total.tp += 1
            continue
        if factual:
            reason = "duplicate: its gold fact is already matched by another produced fact"
        elif cands:
            reason = f"{golds[cands[0]].modality.lower()} in the gold, produced as a fact"
        else:
            reason = "not in the gold"
        stat.fp += 1
        total.fp += 1
        if fps is not None:
            r = rels[0]
            fps.append(FalsePositive(art, r.subject, r.predicate, r.object, r.modality, reason, r.evidence, r.rule))
    for i, g in enumerate(golds):
        if g.factual and g.required and i not in matched:
            by_rel.setdefault(_label(g.p, lenient), PRF()).fn += 1
            total.fn += 1
            if misses is not None:
                misses.append(Miss(art, g.s, g.p, g.o, g.modality.lower()))
    return pairs


def _score_modality(
    art: str,
    golds: Sequence[GoldFact],
    relations: Sequence[Relation],
    *,
    res: Resolver,
    local: dict[str, Entity],
    report: EvalReport,
) -> None:
    """Hedged/negated statements as their own score, and exact modality on every matched gold item."""
    unreal = _group((r for r in relations if r.modality not in FACTUAL_MODALITIES), lenient=False)
    matched: set[int] = set()
    for key, rels in unreal.items():
        cands = [i for i, g in enumerate(golds) if not g.factual and _triple_matches(g, key, False, res, local)]
        free = [i for i in cands if i not in matched]
        if free:
            matched.add(free[0])
            report.modality.tp += 1
        elif not cands:
            report.modality.fp += 1
            r = rels[0]
            report.false_positives.append(
                FalsePositive(
                    art,
                    r.subject,
                    r.predicate,
                    r.object,
                    r.modality,
                    "hedged/negated statement not in the gold as such",
                    r.evidence,
                    r.rule,
                    kind="modality",
                )
            )
    for i, g in enumerate(golds):
        if not g.factual and g.required and i not in matched:
            report.modality.fn += 1
            report.misses.append(Miss(art, g.s, g.p, g.o, g.modality.lower(), kind="modality"))
    # exact modality, on gold items any produced statement matches (whatever its modality)
    every = _group(relations, lenient=False)
    for g in golds:
        produced = [r for key, rels in every.items() if _triple_matches(g, key, False, res, local) for r in rels]
        if not produced:
            continue
        report.modality_accuracy.total += 1
        exact = [r for r in produced if r.modality == g.modality]
        if exact:
            report.modality_accuracy.correct += 1
        shown = (exact or produced)[0].modality
        k = f"{g.modality}->{shown}"
        report.modality_confusion[k] = report.modality_confusion.get(k, 0) + 1


def _score_qualifiers(
    pairs: Iterable[tuple[GoldFact, Relation]], *, res: Resolver, local: dict[str, Entity], report: EvalReport
) -> None:
    for g, r in pairs:
        if g.domain:
            q = report.qualifiers["domain"]
            q.total += 1
            q.correct += int(r.domain == g.domain)
        if g.date:
            q = report.qualifiers["date"]
            q.total += 1
            q.correct += int(bool(r.date) and str(r.date).startswith(g.date))
        if g.location:
            q = report.qualifiers["location"]
            q.total += 1
            q.correct += int(bool(r.location) and any(res.matches(n, str(r.location), local) for n in g.location))
        if g.attributed_to:
            q = report.qualifiers["attributedTo"]
            q.total += 1
            if res.gold_keys(g.attributed_to):
                q.correct += int(bool(r.attributed_to) and res.matches(g.attributed_to, str(r.attributed_to), local))
            else:
                q.correct += int(bool(r.attributed_to or r.attributed_text))


def _score_entities(
    art: str,
    gold: Sequence[dict[str, Any]],
    produced: Sequence[Entity],
    *,
    res: Resolver,
    local: dict[str, Entity],
    typed: PRF,
    untyped: PRF,
    report: EvalReport,
) -> None:
    names = [(str(e.get("name", "")), str(e.get("type", ""))) for e in gold]
    required = [bool(e.get("required", True)) for e in gold]
    same = [[res.matches(n, p.key, local) for p in produced] for n, _t in names]
    order = sorted(range(len(names)), key=lambda i: (not required[i], i))  # required entities claim first

    def greedy(require_type: bool) -> dict[int, int]:
        pairs: dict[int, int] = {}
        used: set[int] = set()
        for i in order:
            for j, p in enumerate(produced):
                if j not in used and same[i][j] and (not require_type or p.type == names[i][1]):
                    pairs[i] = j
                    used.add(j)
                    break
        return pairs

    # a produced entity matching an optional gold entity is right; an optional one missed is no miss
    tpairs, upairs = greedy(True), greedy(False)
    for stat, pairs in ((typed, tpairs), (untyped, upairs)):
        stat.tp += len(pairs)
        stat.fn += sum(1 for i in range(len(names)) if required[i] and i not in pairs)
        stat.fp += len(produced) - len(pairs)
    hit = set(tpairs.values())
    for i, (n, t) in enumerate(names):
        by = report.entities_by_type.setdefault(t, PRF())
        if i in tpairs:
            by.tp += 1
        elif required[i]:
            by.fn += 1
            got = [produced[j].type for j in range(len(produced)) if same[i][j]]
            note = f"produced as {', '.join(sorted(set(got)))}" if got else "not produced"
            report.entity_errors.append(EntityError(art, n, t, "miss", note))
    for j, p in enumerate(produced):
        if j not in hit:
            report.entities_by_type.setdefault(p.type, PRF()).fp += 1
            report.entity_errors.append(EntityError(art, p.label("en"), p.type, "false positive", p.key))


_DEFAULT = object()


def score(
    gold_items: Sequence[dict[str, Any]],
    extractions: Sequence[Extraction],
    *,
    gazetteer: Any = _DEFAULT,
    entities: bool = True,
    source: str = "",
) -> EvalReport:
    """Score extractions against gold lines, paired in order (one extraction per gold line).

    gazetteer: resolves gold names to keys; by default `kg.gazetteer.default_gazetteer()` when it can
        be loaded; None compares names with labels and key slugs only.
    """
    if len(gold_items) != len(extractions):
        raise ValueError(
            f"{len(gold_items)} gold lines but {len(extractions)} extractions: give one extraction per gold line, in order"
        )
    if gazetteer is _DEFAULT:
        gazetteer = _default_gazetteer()
    res = Resolver(gazetteer)
    report = EvalReport(source=source, articles=len(gold_items), qualifiers={q: Ratio() for q in QUALIFIERS})
    typed, untyped = PRF(), PRF()
    if entities:
        report.entities_typed, report.entities_untyped = typed, untyped
    for n, (item, ex) in enumerate(zip(gold_items, extractions, strict=True), 1):
        art = str(item.get("id") or f"{source}:{item.get('_line', n)}")
        golds = _gold_facts(item, f"{source or 'gold'}:{item.get('_line', n)}")
        report.gold_facts += sum(g.factual for g in golds)
        report.gold_required += sum(g.factual and g.required for g in golds)
        local = {e.key: e for e in ex.entities}
        pairs = _score_facts(
            art,
            golds,
            ex.relations,
            lenient=False,
            res=res,
            local=local,
            total=report.strict,
            by_rel=report.strict_by_relation,
            misses=report.misses,
            fps=report.false_positives,
        )
        _score_facts(
            art,
            golds,
            ex.relations,
            lenient=True,
            res=res,
            local=local,
            total=report.lenient,
            by_rel=report.lenient_by_relation,
            misses=None,
            fps=None,
        )
        _score_modality(art, golds, ex.relations, res=res, local=local, report=report)
        _score_qualifiers(pairs, res=res, local=local, report=report)
        if entities:
            _score_entities(
                art,
                item.get("entities") or [],
                ex.entities,
                res=res,
                local=local,
                typed=typed,
                untyped=untyped,
                report=report,
            )
    return report


def _default_gazetteer() -> GazetteerLike | None:
    try:
        from kg.gazetteer import default_gazetteer
    except ImportError:
        return None
    return default_gazetteer()


def evaluate(gold_path: Path, *, settings: Settings | None = None, entities: bool = True) -> EvalReport:
    """Extract every article of a gold JSONL file (one `Extractor.pipe` run) and score the result."""
    from kg.extract import Extractor

    gold_path = Path(gold_path)
    items = read_gold(gold_path)
    articles = [gold_article(item, f"{gold_path.name}:{item['_line']}") for item in items]
    extractor = Extractor(settings)
    extractions = list(extractor.pipe(articles))
    return score(items, extractions, gazetteer=extractor.gazetteer, entities=entities, source=str(gold_path))


# -- report --------------------------------------------------------------------


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for k, row in enumerate(cells):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _prf_row(name: str, s: PRF) -> list[Any]:
    return [name, s.tp, s.fp, s.fn, _f(s.precision), _f(s.recall), _f(s.f1)]


PRF_HEADER = ("", "TP", "FP", "FN", "P", "R", "F1")


def format_report(report: EvalReport, *, fmt: str = "table", details: bool = True) -> str:
    """The report as readable tables (`fmt="table"`) or JSON (`fmt="json"`)."""
    if fmt == "json":
        data = report.to_dict()
        if not details:
            for k in ("misses", "false_positives"):
                data.pop(k, None)
            if "entities" in data:
                data["entities"].pop("errors", None)
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; use 'table' or 'json'")
    out: list[str] = []
    out.append(
        f"{report.source or 'gold'}: {report.articles} article{'' if report.articles == 1 else 's'}, {report.gold_facts} gold facts ({report.gold_required} required)"
    )
    out.append("")
    out.append("Relations (produced facts = asserted + reported statements)")
    out += _table(PRF_HEADER, [_prf_row("strict", report.strict), _prf_row("lenient", report.lenient)])
    out.append("")
    out.append("Per relation, strict")
    out += _table(("relation", *PRF_HEADER[1:]), [_prf_row(k, v) for k, v in sorted(report.strict_by_relation.items())])
    out.append("")
    out.append(f"Per relation, lenient ({COOPERATIVE_LABEL} = {' / '.join(COOPERATIVE_FAMILY)})")
    out += _table(
        ("relation", *PRF_HEADER[1:]), [_prf_row(k, v) for k, v in sorted(report.lenient_by_relation.items())]
    )
    out.append("")
    out.append("Hedged / negated statements (produced Hedged|Negated vs gold hedged|negated)")
    out += _table(PRF_HEADER, [_prf_row("modality", report.modality)])
    ma = report.modality_accuracy
    out.append(f"exact modality on gold items matched by any statement: {ma.correct}/{ma.total} ({_f(ma.accuracy)})")
    if report.modality_confusion:
        out.append("  gold->produced: " + ", ".join(f"{k} {v}" for k, v in sorted(report.modality_confusion.items())))
    out.append("")
    out.append("Qualifiers on matched facts (where the gold gives one)")
    out += _table(
        ("qualifier", "correct", "total", "accuracy"),
        [[k, v.correct, v.total, _f(v.accuracy)] for k, v in report.qualifiers.items()],
    )
    if report.entities_typed is not None and report.entities_untyped is not None:
        out.append("")
        out.append("Entities (per article: produced entities vs gold entities)")
        out += _table(
            PRF_HEADER, [_prf_row("typed", report.entities_typed), _prf_row("untyped", report.entities_untyped)]
        )
        out.append("")
        out.append("Entities per type (typed match; FP counted on the produced type, FN on the gold type)")
        out += _table(("type", *PRF_HEADER[1:]), [_prf_row(k, v) for k, v in sorted(report.entities_by_type.items())])
    if details:
        out.append("")
        facts = [m for m in report.misses if m.kind == "fact"]
        out.append(f"Misses: required gold facts not produced ({len(facts)})")
        out += [f"  [{m.article}] {m.s} {m.p} {m.o} ({m.modality})" for m in facts]
        unreal = [m for m in report.misses if m.kind == "modality"]
        out.append(f"Misses: required hedged/negated gold items not produced as such ({len(unreal)})")
        out += [f"  [{m.article}] {m.s} {m.p} {m.o} ({m.modality})" for m in unreal]
        out.append("")
        out.append(f"False positives ({len(report.false_positives)})")
        for fp in report.false_positives:
            out.append(f"  [{fp.article}] {fp.s} {fp.p} {fp.o} ({fp.modality}; {fp.reason}; rule {fp.rule})")
            out.append(f"      « {' '.join(fp.evidence.split())} »")
        if report.entity_errors:
            out.append("")
            misses = [e for e in report.entity_errors if e.kind == "miss"]
            out.append(f"Entity misses ({len(misses)})")
            out += [f"  [{e.article}] {e.name} ({e.type}): {e.note}" for e in misses]
            fps = [e for e in report.entity_errors if e.kind != "miss"]
            out.append(f"Entity false positives ({len(fps)})")
            out += [f"  [{e.article}] {e.name} ({e.type}) {e.note}" for e in fps]
    return "\n".join(out)
