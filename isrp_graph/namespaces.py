"""The IRIs of the ISRP model. One place, so every module names a term the same way.

Base IRIs (documented in README, stable):
- ``https://w3id.org/isrp/def#``        the OWL ontology (classes, properties)
- ``https://w3id.org/isrp/vocab/<scheme>/<concept>``  SKOS lists
- ``https://w3id.org/isrp/shapes#``     SHACL shapes
- ``https://w3id.org/isrp/law/<law>[/<provision>]``  laws and their provisions (ELI classes)
- ``https://w3id.org/isrp/<municipality>/<kind>/<slug>``  registry entries
  (e.g. .../erfurt/plan/jugendhilfeplanung)
- ``https://w3id.org/isrp/graph/<source>``  named graphs, one per source file or import
"""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD

BASE = "https://w3id.org/isrp/"
ISRP = Namespace(BASE + "def#")
SHAPES = Namespace(BASE + "shapes#")
VOCAB = Namespace(BASE + "vocab/")
LAW = Namespace(BASE + "law/")
GRAPH = Namespace(BASE + "graph/")
ERFURT = Namespace(BASE + "erfurt/")

ORG = Namespace("http://www.w3.org/ns/org#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
SCHEMA = Namespace("https://schema.org/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")

PREFIXES: dict[str, str] = {
    "isrp": str(ISRP),
    "isrps": str(SHAPES),
    "vocab": str(VOCAB),
    "law": str(LAW),
    "erfurt": str(ERFURT),
    "org": str(ORG),
    "eli": str(ELI),
    "geo": str(GEO),
    "schema": str(SCHEMA),
    "dcat": str(DCAT),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "sh": str(SH),
    "skos": str(SKOS),
    "time": str(TIME),
    "xsd": str(XSD),
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, to prepend to a query that lacks them."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
