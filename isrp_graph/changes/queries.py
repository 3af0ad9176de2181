"""The SPARQL questions of the change model (changesets live in the provenance graph and their own
graphs; see :mod:`.record`)."""

from __future__ import annotations

from isrp_graph.namespaces import GRAPH

PROVENANCE = f"<{GRAPH['provenance']}>"

SUMMARY = f"""
SELECT ?started ?ended ?kind ?actor ?approver ?comment ?source ?reverts WHERE {{
  GRAPH {PROVENANCE} {{
    ?cs a isrp:Changeset ; prov:startedAtTime ?started .
    OPTIONAL {{ ?cs prov:endedAtTime ?ended }}
    OPTIONAL {{ ?cs isrp:changeKind ?kind }}
    OPTIONAL {{ ?cs isrp:changedBy/rdfs:label ?actor }}
    OPTIONAL {{ ?cs isrp:approvedBy/rdfs:label ?approver }}
    OPTIONAL {{ ?cs rdfs:comment ?comment }}
    OPTIONAL {{ ?cs dcterms:source ?source }}
    OPTIONAL {{ ?cs isrp:reverts ?reverts }}
  }}
}} LIMIT 1
"""

# the changesets that touched an entry, newest first
ENTRY_HISTORY = f"""
SELECT DISTINCT ?cs ?started WHERE {{
  GRAPH ?g {{ ?cs isrp:changedEntry ?entry }}
  GRAPH {PROVENANCE} {{ ?cs a isrp:Changeset ; prov:startedAtTime ?started }}
}} ORDER BY DESC(?started) DESC(?cs)
"""

# changesets started at or after ?since, oldest first
SINCE = f"""
SELECT ?cs ?started WHERE {{
  GRAPH {PROVENANCE} {{ ?cs a isrp:Changeset ; prov:startedAtTime ?started . }}
  FILTER(?started >= ?since)
}} ORDER BY ?started ?cs
"""

ALL = f"""
SELECT ?cs ?started WHERE {{
  GRAPH {PROVENANCE} {{ ?cs a isrp:Changeset ; prov:startedAtTime ?started . }}
}} ORDER BY ?started ?cs
"""

LATEST = f"""
SELECT ?cs ?started WHERE {{
  GRAPH {PROVENANCE} {{ ?cs a isrp:Changeset ; prov:startedAtTime ?started . }}
}} ORDER BY DESC(?started) DESC(?cs) LIMIT 1
"""

# sh:name of the property shapes for some paths (#VALUES# is replaced by IRIs)
FIELD_NAMES = """
SELECT ?path ?name WHERE { VALUES ?path { #VALUES# } ?ps sh:path ?path ; sh:name ?name . }
"""
