"""Linking: spans of a parsed article -> canonical entities.

Candidates come from three places: gazetteer surfaces (``doc.spans["kg_gaz"]``), spaCy's
statistical NER (``doc.ents``), and tokens (demonyms, titles, generic actor nouns). One file per job:

* `linker.py`    `Linker`: the passes, in order, over one article (`Run`) at a time;
* `tables.py`    what the linker knows of a language (word lists, gazetteer indexes, memoised lookups);
* `run.py`       one call's state: the article's per-token facts read once, the result being built;
* `surfaces.py`  gazetteer surfaces: metonymy of capitals and seats, places of one name;
* `titles.py`    the role a title gives, and the one place that says when a title makes a leader;
* `persons.py`   full names from the NER and after titles, surnames;
* `ner.py`       the remaining NER spans, noise dropped, unknown names keyed locally;
* `spans.py`     NER labels and span trimming;
* `acronyms.py`  "(CNSP)" after a name, and its later uses;
* `actors.py`    demonyms, collectives, generic actors, the focal country;
* `linked.py`    `Linked`, the result.

Keys of local entities are pure functions of normalised names (`kg.iri.slug`): the same name in
two articles, in either language, is one node. The result stays on the spaCy side of the
boundary; `kg.extract` turns it into plain `Mention` and `Entity` values.
"""

from kg.link.linked import Linked
from kg.link.linker import Linker

__all__ = ["Linked", "Linker"]
