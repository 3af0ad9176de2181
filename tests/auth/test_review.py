"""Proposals end to end in the web app: a Bearbeiter:in proposes, the Prüfer:in sees a field-by-field
diff with the shapes' German names, approves (applied, attributed to both) or rejects with a reason;
two proposals on one entry approved in turn → the second shows the conflict."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from isrp_graph import review
from isrp_graph.namespaces import ISRP
from isrp_graph.provenance import PROVENANCE_GRAPH, agent_iri
from tests.api.conftest import csrf
from tests.auth.helpers import YOUTH_PLAN, form_values, world

HTML = {"accept": "text/html"}
PREFIXES = b"""@prefix isrp: <https://w3id.org/isrp/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
TASK = URIRef("https://w3id.org/isrp/def#task")


def _propose(w, tasks: str, comment: str = "Aufgabe ergänzt") -> str:  # type: ignore[no-untyped-def]
    html = w.client.get("/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, headers=HTML).text
    fields = {label: fid for fid, label in re.findall(r'<label for="(f\d+)">([^<]+)</label>', html)}
    data: dict[str, object] = dict(form_values(html))
    data.update({fields["Aufgaben"]: tasks, "token": w.tokens["bearbeiten"], "comment": comment})
    data["csrf"] = csrf(w.client)
    response = w.client.post(
        "/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, data=data, headers={"accept": "text/html"}
    )
    assert response.status_code == 202, response.text[-600:]
    assert "wartet auf die Prüfung" in response.text
    return re.search(r'href="/vorschlaege/([^"?]+)"', response.text).group(1)  # type: ignore[union-attr]


def _tasks(w) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        str(o)
        for s, p, o, _ in w.store.dataset_quads()
        if s == URIRef(YOUTH_PLAN) and p == TASK and "graph/proposals/" not in str(_)
    }


def test_proposal_shows_a_readable_diff_and_approval_applies_it_attributed_to_both() -> None:
    w = world()
    before = _tasks(w)
    pid = _propose(w, "Bestand erheben\nBedarf ermitteln\nMaßnahmen planen")
    assert _tasks(w) == before  # nothing published yet
    listing = w.client.get("/vorschlaege", headers={**w.bearer("pruefen"), "accept": "text/html"})
    assert listing.status_code == 200
    page = listing.text
    assert "Jana Jugendamt" in page and "Aufgabe ergänzt" in page
    assert "<th scope=\"row\">Aufgaben</th>" in page  # the field's sh:name, not a property IRI
    assert "Maßnahmen planen" in page and "isrp:task" not in page and "def#task" not in page
    approved = w.client.post(
        f"/vorschlaege/{pid}/annehmen", headers={**w.bearer("pruefen"), "accept": "application/json"}
    )
    assert approved.status_code == 200, approved.text
    assert "Maßnahmen planen" in _tasks(w)
    activity = URIRef(approved.json()["activity"])
    log = w.store.get_graph(PROVENANCE_GRAPH)  # type: ignore[attr-defined]
    assert (activity, PROV.wasAssociatedWith, agent_iri("Jana Jugendamt")) in log
    assert (activity, ISRP.approvedBy, agent_iri("Paula Prüferin")) in log  # the change model's approver
    assert (activity, PROV.wasAssociatedWith, agent_iri("Paula Prüferin")) in log
    source = str(review.get(w.store, pid).iri)  # type: ignore[arg-type]
    assert (activity, DCTERMS.source, Literal(source)) in log
    assert review.get(w.store, pid).status == review.APPROVED  # type: ignore[arg-type]
    page = w.client.get("/erfurt/plan/jugendhilfeplanung", headers={"accept": "text/html"}).text
    assert "Maßnahmen planen" in page


def test_second_proposal_on_the_same_entry_shows_the_conflict() -> None:
    w = world()
    first = _propose(w, "Bestand erheben\nBedarf ermitteln\nErste Fassung")
    second = _propose(w, "Bestand erheben\nBedarf ermitteln\nZweite Fassung")
    ok = w.client.post(f"/vorschlaege/{first}/annehmen", headers=w.bearer("pruefen"))
    assert ok.status_code == 200
    clash = w.client.post(f"/vorschlaege/{second}/annehmen", headers={**w.bearer("pruefen"), **HTML})
    assert clash.status_code == 409
    assert 'id="conflict"' in clash.text and "Erste Fassung" in clash.text and "Zweite Fassung" in clash.text
    assert "jetzt im Register" in clash.text
    assert "Zweite Fassung" not in _tasks(w) and "Erste Fassung" in _tasks(w)
    assert review.get(w.store, second).status == review.OPEN  # type: ignore[arg-type]


def test_rejection_needs_a_reason_and_the_proposer_sees_the_outcome() -> None:
    w = world()
    pid = _propose(w, "Bestand erheben\nBedarf ermitteln\nAbzulehnen")
    empty = w.client.post(f"/vorschlaege/{pid}/ablehnen", data={"reason": " "}, headers=w.bearer("pruefen"))
    assert empty.status_code == 422
    done = w.client.post(
        f"/vorschlaege/{pid}/ablehnen", data={"reason": "Doppelt erfasst"}, headers=w.bearer("pruefen"),
        follow_redirects=False,
    )
    assert done.status_code == 303
    json_headers = {**w.bearer("bearbeiten"), "accept": "application/json"}
    mine = w.client.get(f"/vorschlaege/{pid}", headers=json_headers)
    assert mine.status_code == 200
    body = mine.json()
    assert body["status"] == "abgelehnt" and body["review_note"] == "Doppelt erfasst"
    assert body["reviewer"] == "Paula Prüferin"
    account = w.client.get("/konto", headers={**w.bearer("bearbeiten"), "accept": "application/json"}).json()
    assert account["proposals"][0]["status"] == "abgelehnt"
    assert "Abzulehnen" not in _tasks(w)


def test_a_proposal_that_would_add_a_violation_is_refused_at_once_naming_the_field() -> None:
    w = world()
    bad = PREFIXES + b"""
<https://w3id.org/isrp/erfurt/plan/neu> a isrp:SectoralPlan ; rdfs:label "Falsche Zielgruppe"@de ;
  isrp:targetGroup <https://w3id.org/isrp/vocab/target-group/unbekannt> ;
  isrp:responsibleOrganization <https://w3id.org/isrp/erfurt/org/jugendamt> .
"""
    response = w.client.post(
        "/api/v1/upload", params={"filename": "bad.ttl"}, content=bad, headers=w.bearer("bearbeiten")
    )
    assert response.status_code == 422, response.text
    assert response.json()["violations"] and all(v["path_label"] for v in response.json()["violations"])
    assert review.listing(w.store) == []  # type: ignore[arg-type]


def test_proposals_graph_cannot_be_uploaded() -> None:
    w = world()
    trig = (
        b'<https://w3id.org/isrp/proposal/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" '
        b"<https://w3id.org/isrp/graph/proposals/x> .\n"
    )
    response = w.client.post(
        "/api/v1/upload", params={"filename": "x.nq"}, content=trig, headers=w.bearer("verwalten")
    )
    assert response.status_code in (400, 403, 422)
    assert URIRef("https://w3id.org/isrp/graph/proposals/x") not in w.store.graphs()  # type: ignore[attr-defined]


def test_own_proposal_needs_another_reviewer() -> None:
    w = world()
    made = w.client.post(
        "/api/v1/upload",
        params={"filename": "neu.ttl"},
        content=PREFIXES
        + b"""@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/isrp/erfurt/plan/p2> a isrp:SectoralPlan ; rdfs:label "P2"@de ;
 dcterms:source <https://w3id.org/isrp/erfurt/source/test> ;
 isrp:responsibleOrganization <https://w3id.org/isrp/erfurt/org/amt-fuer-soziales> .
""",
        headers=w.bearer("pruefen"),
    )
    assert made.status_code == 202
    pid = made.json()["proposal"]
    own = w.client.post(
        f"/vorschlaege/{pid}/annehmen", headers={**w.bearer("pruefen"), "accept": "application/json"}
    )
    assert own.status_code == 403 and "Vier-Augen" in own.json()["error"]
    other = w.client.post(f"/vorschlaege/{pid}/annehmen", headers=w.bearer("pruefen2"))
    assert other.status_code == 200
    union = w.store.union_graph()  # type: ignore[attr-defined]
    assert Literal("P2", lang="de") in set(union.objects(URIRef("https://w3id.org/isrp/erfurt/plan/p2")))
