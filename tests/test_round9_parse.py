"""Round 9: parse repairs of kg/nlp.py `Reattach` (pronominal verbs read as passives, obliques hung on a bare
time word) and the pronominal cue "s'opposer à". Sentences are made up for the tests (real actors, wire
style), each construction in French and in English."""

from __future__ import annotations

import pytest
from extraction_fixture import check

from kg.extract import Extractor

pytestmark = pytest.mark.slow

BF, DZ, MA, ML, NE, RU, US = (f"country/{c}" for c in ("BF", "DZ", "MA", "ML", "NE", "RU", "US"))
ECOWAS = "org/ecowas"

CASES = [
    # a pronominal verb in a compound tense: the subject acts (the parser reads "s'est retiré" as a passive)
    ("fr", "Le Mali s'est retiré de la Cédéao.", [(ML, "withdrawsFrom", ECOWAS, "fact")], []),
    ("fr", "Le Niger et le Burkina Faso se sont retirés de la Cédéao en janvier.", [(NE, "withdrawsFrom", ECOWAS, "fact"), (BF, "withdrawsFrom", ECOWAS, "fact")], []),
    ("en", "Mali has withdrawn from ECOWAS.", [(ML, "withdrawsFrom", ECOWAS, "fact")], []),
    # an oblique right after a bare weekday belongs to the verb, not to the weekday
    ("fr", "Le Burkina Faso s'est retiré lundi de la Cédéao.", [(BF, "withdrawsFrom", ECOWAS, "fact")], []),
    ("en", "Burkina Faso withdrew on Monday from ECOWAS.", [(BF, "withdrawsFrom", ECOWAS, "fact")], []),
    # opposing an actor
    ("fr", "Le Maroc s'est opposé mardi à l'Algérie sur la question saharienne.", [(MA, "opposes", DZ, "fact")], []),
    ("en", "Morocco opposed Algeria on the Sahara question on Tuesday.", [(MA, "opposes", DZ, "fact")], []),
    # the negation still holds
    ("fr", "Le Mali ne s'est pas retiré de la Cédéao.", [], [(ML, "withdrawsFrom", ECOWAS)]),
    ("en", "Mali has not withdrawn from ECOWAS.", [], [(ML, "withdrawsFrom", ECOWAS)]),
    # a true passive keeps its agent: the one acted on is not the doer
    ("fr", "Le Mali a été exclu de la Cédéao par les chefs d'État de la région.", [], [(ML, "withdrawsFrom", ECOWAS)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", CASES)
def test_round9_parse(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)
