"""French synonyms of the cue verbs and nouns through fr_core_news_md's vectors -> kg/data/cues/relations_synonyms.tsv.

For each French hand cue (a verb or noun without required words), the nearest lemmas of the same
part of speech in the model's vector table: candidates are the lemmas the model's own lemmatiser
lists for that part of speech (its `lemma_index` table) that have a vector, ranked by cosine
similarity (at least `MIN_SIMILARITY`, at most `PER_CUE` per cue). The model's vectors are pruned
(20,000 rows for 500,000 words), so many words share a row: similarity 1.0 often means "pruned onto
the same neighbour", not "same meaning", hence the review.

Every candidate is written with its source and similarity to bench/out/synonym_candidates.tsv
(untracked, `--review`). The review is by hand against one criterion: in news, with an actor as its
target, does the word denote the same act as its source cue (and take its target the same way)? The
words kept are `KEEP`; every other candidate is a reject, and the rejects the review looked at are
`STOP`, with the reason, so that a new model version that brings new candidates does not let them in
unseen (a candidate in neither list fails the run). A kept word gets the cues of its source (same
property, object and prepositions) at `SHARE` of the source's confidence, unless the hand cues list it.
English has no vectors in en_core_web_sm: no English synonyms.

    .venv/bin/python bench/derive_synonym_cues.py --review
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from kg.data_tables import read_table
from kg.iri import fold
from kg.nlp import load_pipeline
from kg.relate.lexicon import CUES_DIR, HAND_CUES
from kg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
OUT = CUES_DIR / "relations_synonyms.tsv"
REVIEW = ROOT / "bench" / "out" / "synonym_candidates.tsv"
MIN_SIMILARITY = 0.7
PER_CUE = 12
SHARE = 0.75

# -- the hand review: word -> the hand cue whose cues it takes ("<lemma>" or "<lemma> <property>") ----
KEEP: dict[str, str] = {
    "mitrailler": "attaquer",
    "décimer": "attaquer",
    "encercler": "attaquer",
    "canonner": "attaquer",
    "réattaquer": "attaquer",
    "conspuer": "critiquer",
    "dénigrer": "critiquer",
    "vilipender": "critiquer",
    "invectiver": "critiquer",
    "discréditer": "critiquer",
    "stopper": "arrêter",
    "cesser": "arrêter",
    "abandonner": "arrêter",
    "retrouver": "rencontrer",
    "neutraliser": "combattre",
    "massacrer": "tuer",
    "améliorer": "renforcer",
    "conforter": "consolider",
    "tisser": "nouer",
    "instaurer": "établir",
    "entériner": "ratifier",
    "cosigner": "signer",
    "dialoguer": "discuter",
    "concerter": "discuter",
    "apporter": "fournir",
    "annuler": "suspendre endsCooperationWith",
    "coalition": "alliance",
    "embuscade": "assaut",
    "incursion": "attaque",
    "sabotage": "bombardement",
    "coordination": "coopération",
    "occupation": "invasion",
    "rapatriement": "retrait",
    "visioconférence": "réunion",
    "vidéoconférence": "réunion",
    "téléconférence": "réunion",
    "annulation": "suspension",
}
# rejects, with the reason
_REJECTS: dict[str, str] = {
    "inculper": "a charge in court, not a criticism",
    "soupçonner": "a suspicion is no accusation made",
    "diffamer": "a crime, not a criticism",
    "reprocher": "takes its target as a dative (\"reprocher à X\"): a hand cue instead",
    "désavouer": "disowning is rather a rejection",
    "torpiller": "figurative (torpedoing a deal)",
    "batailler": "figurative",
    "embusquer": "intransitive (s'embusquer)",
    "riposter": "intransitive: its target is not an object",
    "fusiller": "executions",
    "décapiter": "executions",
    "empoisonner": "crimes against persons",
    "lyncher": "crimes against persons",
    "torturer": "crimes against persons",
    "braver": "braving a danger",
    "accompagner": "vague",
    "outiller": "rare",
    "traquer": "hunting people, not an attack on an actor",
    "contrecarrer": "thwarting a plan",
    "terroriser": "vague",
    "intercepter": "intercepting a thing",
    "contrer": "countering a thing",
    "demander": "asking, not demanding (CAMEO 02; a hedge)",
    "revendiquer": "claiming an attack",
    "quémander": "begging",
    "boycotter": "boycotting an event is no sanction nor criticism",
    "briser": "breaking a blockade, a record",
    "séparation": "vague",
    "approuver": "approving a text",
    "procurer": "rare in news",
    "coordonner": "coordinating a thing",
    "dévaster": "damage to places",
    "déferler": "waves, crowds",
    "conquête": "a place conquered",
    "reconquête": "a place retaken",
    "conférence": "press conferences",
    "arrestation": "arrests of persons",
    "renégociation": "of an agreement, not a meeting",
    "concertation": "vague",
    "protestation": "already a derived noun of protester (derivations.tsv)",
    "assassinat": "already a derived noun",
    "kidnapping": "already a derived noun",
    "abolition": "abolishing a law",
    "memorandum": "already a relation noun (mémorandum)",
    "paraphe": "rare",
    "démantèlement": "dismantling things",
    "dissidence": "not a faction of an actor",
    "blitzkrieg": "rare",
    "encerclement": "a place encircled",
    "débarquement": "landings",
    "parachutage": "airdrops",
    "jumelage": "town twinning",
    "revirement": "a change of mind, not of partner",
    "razzia": "rare",
    "fomenter": "fomenting a coup is no overthrow",
    "saper": "figurative",
    "séjourner": "staying",
    "impulser": "giving impetus to a thing",
    "redémarrer": "things",
    "mobiliser": "mobilising troops",
    "militer": "campaigning for a cause",
    "ajourner": "postponing",
    "bloquer": "blocking things",
    "paralyser": "things",
    "juguler": "things",
    "endiguer": "containing a thing",
    "rétracter": "retracting a statement",
    "déserter": "deserting an army",
    "évacuer": "evacuating people",
    "instituer": "instituting a thing",
    "favoriser": "favouring a thing",
    "ratification": "already a derived noun",
    "opposition": "the political opposition",
    "union": "vague",
    "réinstaurer": "rare",
}
# the other neighbours, by the cue they were found from: none denotes its act in news (pruned-vector
# neighbours, rare or technical words, other senses of the word)
_NEIGHBOURS: dict[str, str] = {
    "abattre": "acculer acharner désarmer enrailler enterrer fulminer immoler épouvanter",
    "abrogation": "amnistie capitulation conscription constitution instauration libérable libération reddition réinstauration émancipateur émancipation",
    "accord": "désaccord",
    "accueillir": "abriter",
    "accuser": "décrédibiliser dédouaner scandaliser",
    "adhérer": "autoformer cotiser dicter implémenter introniser pionner réassigner soumissionner édicter",
    "affronter": "armer bafouer débander réarmer",
    "aider": "exhorter inciter raccompagner",
    "alliance": "désunion mésalliance",
    "allier": "conjuguer rivaliser réputer truster égaler",
    "approfondir": "dépassionner exceller expérimenter perfectionner performer requestionner resocialiser ritualiser socialiser sophistiquer théâtraliser verbaliser",
    "appuyer": "entraider impliquer",
    "arrêter": "abdiquer automutiler barguigner délaisser entêter exciper résigner",
    "assassiner": "embrigader emprisonner guillotiner innocenter lapider mutiner suicider truander violer",
    "attaque": "roque taque",
    "attaquer": "attrouper",
    "bombardement": "abordage avitaillement bombage bombance bombarde chambardement ravitaillement ravitailleur",
    "branche": "branchette branchie carde",
    "capturer": "apeurer braconner cloner détrousser exfiltrer hiberner infester marauder piller pulluler recapturer",
    "chasser": "débusquer grisonner terrer",
    "cibler": "baliser lyser objecter pexer pister recibler",
    "collaboration": "bilatérale collaborationniste collégialité coopérant coopérateur coopératisme coordinence coordonnée exultation incoordination",
    "collaborer": "parrainer participer retravailler travailler",
    "combattre": "absolutiser coaliser contrebuter immuniser instrumentaliser monopoliser persécuter recontrer",
    "conclure": "accréditer attester confirmer conjecturer corroborer démontrer désapprouver exciser homologuer infirmer reconfirmer révoquer",
    "condamner": "réfuter",
    "consolider": "capitaliser carboniser défriser dénucléariser déstabiliser fragiliser ioniser pressurer pressuriser stabiliser temporiser",
    "contester": "cautionner contresigner délégitimer hériter légitimer plaider syndiquer",
    "critiquer": "argumenter autocensurer caricaturer censurer endoctriner mépriser politiser ridiculiser",
    "destituer": "apurer conserver consigner fossiliser fragmenter historiciser oraliser rapporter reconstituer réceptionner substituer véhiculer",
    "diriger": "aiguiller désorienter orienter réorienter",
    "discuter": "bavarder bitter chroniquer clavarder discutailler flirter papoter quereller rediscuter sympathiser",
    "dénoncer": "polémiquer",
    "dénonciation": "amalgamation contestataire contestation diffamation déclamation délation dénonciateur fustigation insubordination réquisitoire spoliation victimaire",
    "déposer": "amputer apposer confisquer débouter décaisser déporter dépoter dévaliser encastrer faxer redéposer",
    "développer": "centraliser communautariser contextualiser déstructurer formaliser globaliser recentraliser régionaliser structurer territorialiser",
    "enlever": "boulocher dégoutter dégrafer dépiler gainer obturer raser rembourrer suturer tacher épiler ôter",
    "entamer": "boucler clôturer couronner débuter seconder terminer",
    "entretenir": "affectionner ambitionner cimenter domestiquer embourgeoiser entretuer insonoriser préserver sanctuariser",
    "entretien": "aménagement engazonnement ménagement réaménagement",
    "envahir": "gangréner inonder",
    "exclure": "dépénaliser désaxer exempter fausser légaliser prohiber ébruiter éluder",
    "exiger": "acter assigner commuer convoquer diligenter mander redemander réordonner solliciter subordonner",
    "expulsion": "comparution décapitation déchéance désincarcération excommunication forclusion incarcération interpellation perpétuité perquisition séquestration",
    "faction": "conspiration factionnaire fraction mondovision nation opposite oppositionnel providence soustraction suffusion",
    "fin": "début",
    "financer": "crédibiliser défiscaliser désolidariser fiscaliser galvaniser mutualiser médiatiser pétitionner recapitaliser remobiliser subventionner",
    "fournir": "concocter disposer indisposer proposer reproposer réallouer",
    "franchise": "franchiseur",
    "frappe": "frape",
    "frapper": "assommer cogner ensanglanter menotter poignarder roquer tambouriner étrangler",
    "gouverner": "civiliser défenestrer démembrer démilitariser dépolitiser laïciser libéraliser militariser opprimer promulguer réformer régenter",
    "interrompre": "ajourer capituler déshériter",
    "invasion": "conque conquérant inoccupation insurrection réinfestation réoccupation sancerre sédition",
    "kidnapper": "molester pieuter trucider éborgner",
    "lutter": "démoniser islamiser moraliser",
    "manifestation": "admonestation détestation entrance exaction protestataire victimation",
    "manifester": "exprimer patronner témoigner",
    "membre": "coprésident",
    "mener": "concrétiser enliser luter saborder tâtonner",
    "normaliser": "dématérialiser essentialiser externaliser faciliter généraliser linéariser mensualiser schématiser somatiser standardiser systématiser uniformiser",
    "nouer": "dénouer",
    "négociation": "conciliation concordataire négociabilité solvabilisation",
    "offensive": "défensive",
    "organiser": "budgétiser désorganiser réorganiser superviser viabiliser",
    "ouvrir": "affermer dégermer entrer fermer ouvrer parquer périmer refermer rencarder rentrer rééchelonner échelonner",
    "parapher": "resigner",
    "parler": "connoter conter dramatiser intimer narrer penser poétiser raconter relater remémorer reparler évoquer",
    "partenaire": "facturier prestant prestataire",
    "partenariat": "arenaria",
    "pourparler": "autodafé procédurier",
    "putsch": "agresseur archontat assassin bandit braquage félon homicide meurtre rapt sbire",
    "quitter": "débaptiser dépêcher embastiller regagner retourner émigrer",
    "raid": "péon tug",
    "rallier": "barouder",
    "rapprochement": "asservissement connaissement côtoiement décrochement embourgeoisement inversement louvoiement réfléchissement vomissement étranglement évincement",
    "ratifier": "accepter arraisonner auditionner conformer désister normer présenter",
    "recevoir": "adresser débiter délivrer prodiguer",
    "rejoindre": "débarquer débouler",
    "relancer": "démarrer finaliser initialiser officialiser repriser",
    "rencontrer": "bourlinguer décroiser entrecroiser recroiser toiser trouver",
    "renforcer": "amenuiser défavoriser démobiliser immobiliser",
    "renouer": "renter retenter tergiverser",
    "renverser": "annihiler cliver disperser décoloniser déminer exterminer inverser rançonner saboter écrêter",
    "renvoyer": "arer jacter jointer",
    "reprendre": "abjurer avorter priser",
    "resserrer": "crotter desserrer débourrer dénuder enserrer griffer haler paumer racler serrer tapoter trotter",
    "retrait": "déblaiement déclassement déguerpissement désamiantage détricotage endiguement enfouissement noyautage recasement relèvement",
    "rompre": "achopper brimer bâillonner conjurer disloquer sceller vampiriser",
    "rupture": "dislocation disparation séparabilité",
    "réunion": "audioconférence réunionite",
    "sanction": "damnation destitution injonction inéligibilité lapidation présomption réclusion sanctionnateur éviction",
    "signature": "allocution approbateur approbation assermentation convention déclaration désapprobation gratification improbation probation",
    "sommet": "faîte",
    "soutenir": "flexibiliser paupériser précariser tiser",
    "suspendre": "barrer verrouiller",
    "suspension": "bonification compensation dispensation emboîture fixation prolongation reconduction rétroactivité suffixation suspenseur égalisation",
    "tenir": "barder becter gourer harder javelliser liser nuer reciter rester",
    "tir": "sarbacane",
    "tirer": "dynamiter désaturer exhausser lober ratiboiser épurer",
    "viser": "dimensionner frictionner ovationner polariser positionner positiver sectionner segmenter surperformer verticaliser",
    "visite": "lewisite",
    "visiter": "alpaguer camper déambuler musarder randonner vadrouiller vagabonder",
    "écarter": "agoniser attarder effriter enraciner oppresser tétaniser égarer éterniser",
    "établir": "autodéterminer corréler diffracter déterminer factoriser fraterniser prédéterminer préfixer élaborer",
}
STOP: dict[str, str] = dict(_REJECTS) | {
    w: f"a neighbour of {source!r} that does not denote its act in news" for source, ws in _NEIGHBOURS.items() for w in ws.split()
}


def candidates(lang: str = "fr") -> list[tuple[str, str, str, float]]:
    """(pos, source lemma, candidate lemma, similarity) for every hand cue of `lang`."""
    nlp = load_pipeline(lang, Settings())
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    vectors = nlp.vocab.vectors
    data = np.asarray(vectors.data)
    norms = np.linalg.norm(data, axis=1) + 1e-9
    hand = read_table(CUES_DIR / HAND_CUES, ("lang", "pos", "lemma", "with"))
    sources = sorted({(r["pos"], r["lemma"].removeprefix("s'")) for r in hand if r["lang"] == lang and not r["with"]})
    listed = {fold(r["lemma"].removeprefix("s'")) for r in hand if r["lang"] == lang}
    out: list[tuple[str, str, str, float]] = []
    for pos in ("verb", "noun"):
        words = [w for w in index[pos] if w.isalpha() and w.islower()]
        rows = [(w, vectors.key2row.get(nlp.vocab.strings.add(w))) for w in words]
        pool = [(w, r) for w, r in rows if r is not None]
        pool_rows = np.array([r for _, r in pool])
        for p, source in sources:
            if p != pos:
                continue
            row = vectors.key2row.get(nlp.vocab.strings.add(source))
            if row is None:
                continue
            sims = (data[pool_rows] @ data[row]) / (norms[pool_rows] * norms[row])
            ranked = [(pool[i][0], float(sims[i])) for i in np.argsort(-sims)]
            kept = [(w, s) for w, s in ranked if s >= MIN_SIMILARITY and fold(w) not in listed and w != source][:PER_CUE]
            out += [(pos, source, w, round(s, 2)) for w, s in kept]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--review", action="store_true", help=f"also write the candidates to {REVIEW}")
    args = ap.parse_args()
    found = candidates("fr")
    if args.review:
        REVIEW.parent.mkdir(parents=True, exist_ok=True)
        verdict = {w: ("keep" if w in KEEP else f"stop: {STOP[w]}" if w in STOP else "unreviewed") for _, _, w, _ in found}
        REVIEW.write_text("pos\tsource\tcandidate\tsimilarity\tverdict\n" + "".join(f"{p}\t{s}\t{w}\t{x}\t{verdict[w]}\n" for p, s, w, x in found), encoding="utf-8")
    unseen = sorted({w for _, _, w, _ in found} - set(KEEP) - set(STOP))
    if unseen:
        raise SystemExit(f"{len(unseen)} candidates neither kept nor stopped (review them, add them to KEEP or STOP): {', '.join(unseen)}")
    hand = read_table(CUES_DIR / HAND_CUES, ("lang", "pos", "lemma", "with", "property", "object", "preps", "conf"))
    rows: list[tuple[str, ...]] = []
    pos_of = {w: p for p, _, w, _ in found}
    for word, kept in sorted(KEEP.items()):
        source, _, prop = kept.partition(" ")
        pos = pos_of.get(word)
        if pos is None:
            continue  # the model no longer proposes it
        for r in hand:
            if r["lang"] == "fr" and r["pos"] == pos and r["lemma"].removeprefix("s'") == source and not r["with"] and prop in ("", r["property"]):
                conf = round(float(r["conf"]) * SHARE, 2)
                rows.append(("fr", pos, word, "", r["property"], r["object"], r["preps"], f"{conf}"))
    head = [
        "# French cues found through the word vectors of spaCy's fr_core_news_md (nearest lemmas of the same",
        "# part of speech to each hand cue), reviewed by hand. Made by bench/derive_synonym_cues.py (the",
        "# words kept and the rejects with their reasons are in that script); do not edit by hand. Each word",
        "# takes the cues of the hand cue it was found from, at a lower confidence; the loader",
        "# (kg/relate/lexicon.py) ignores a lemma the hand cues list.",
        "lang\tpos\tlemma\twith\tproperty\tobject\tpreps\tconf",
    ]
    OUT.write_text("\n".join(head + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} cues -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
