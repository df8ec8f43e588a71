"""Relations: cue lexicons + dependency rules -> `Relation` values.

One file per job:

* `lexicon.py`    the cue tables of a language (kg/data/cues/*.tsv): cues, relation nouns, domains,
                  modality words, frames;
* `context.py`    what every rule sees of one article (`Context`) and yields (`Candidate`);
* `rules.py`      the rules, one construction each, and the registry that says what fires them
                  (`RULES`; the rule contract is in its docstring);
* `arguments.py`  subjects and partners of a trigger, resolved to entities (coordination, titles,
                  appositions, lists, pronouns and demonstrative relation nouns);
* `modality.py`   asserted, reported (by whom), hedged, negated;
* `qualifiers.py` domain, date, location;
* `realise.py`    candidate -> `Relation` (types, a head of state acting for the state, qualifiers);
* `driver.py`     `relate()`: trigger selection, the rules in order, the first relation kept.

Words the rules compare tokens with live in `kg/data/words.tsv` and `kg/data/calendar.tsv`
(`kg.data_tables`), keyed by language.
"""

from kg.relate.driver import Related, relate

__all__ = ["Related", "relate"]
