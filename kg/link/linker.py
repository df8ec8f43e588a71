"""`Linker`: the passes of linking, in order, over one article at a time."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.link.acronyms import acronyms_in_parentheses
from kg.link.actors import collectives, demonyms, focal_country, generic_actors, org_anaphors
from kg.link.linked import Linked
from kg.link.ner import ner_spans
from kg.link.persons import persons, surnames_alone
from kg.link.run import Facts, Run
from kg.link.surfaces import gazetteer_spans
from kg.link.tables import LinkTables


class Linker:
    """Resolves the mentions of one parsed article; one `Linker` per language, reusable.

    It holds the language's tables and memoised gazetteer lookups, and nothing of any article: each
    call works on a fresh `Run`, so its result does not depend on the articles linked before.
    """

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gaz = gazetteer
        self.lang = lang
        self.tables = LinkTables(gazetteer, lang)

    def __call__(self, doc: Doc, *, date: str | None = None) -> Linked:
        """The mentions of one parsed article; `date` (ISO) is the article's date, against which the
        leaders table says who leads what (`Gazetteer.leads_at`) and links a leader's surname alone."""
        run = Run(doc, self.tables, Facts.read(doc, self.tables), date=date)
        heads: dict[str, str] = {}  # local person key -> what their title says they lead
        gazetteer_spans(run)
        surnames = persons(run, heads)
        ner_spans(run, surnames)
        acronyms_in_parentheses(run)
        surnames_alone(run, surnames)
        demonyms(run)
        out = run.out
        out.focal = focal_country(run)
        collectives(run)
        for key, ent in out.entities.items():
            # the table's heads of state and government in office at the article's date lead their country
            led = self.gaz.leads_at(key, date) if ent.type == "Person" else None
            if led is not None and led.startswith("country/"):
                out.leaders[key] = led
        for key, country in heads.items():
            out.leaders.setdefault(key, country)
        generic_actors(run)
        org_anaphors(run)
        return out
