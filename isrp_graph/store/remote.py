"""A remote store: any SPARQL 1.1 server (Apache Jena Fuseki, Virtuoso, GraphDB, oxigraph serve, …).

Query and Update go through SPARQLWrapper; raw results (for the SPARQL endpoint of the web app) and the
Graph Store Protocol through plain HTTP. Bindings are joined in as a VALUES block of safely serialised
terms. Replacing several graphs is ONE SPARQL Update request (DROP SILENT GRAPH + INSERT DATA), which
servers apply as one unit. The server must treat its default graph as the union of the named graphs
(see README: Fuseki ``tdb2:unionDefaultGraph``, ``oxigraph serve --union-default-graph``; Virtuoso and
GraphDB do it by default).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
from collections.abc import Iterator, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node
from SPARQLWrapper import INSERT, JSON, POST, POSTDIRECTLY, SELECT, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from isrp_graph.store.base import SelectResult
from isrp_graph.store.errors import (
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreUnreachable,
)
from isrp_graph.store.http import basic_auth, request, with_graph_param
from isrp_graph.store.results import select_from_json
from isrp_graph.store.sparql_text import bind_values, iri, query_form, replace_graphs_update, with_prefixes
from isrp_graph.store.terms import graph_to_ox_triples, new_graph, triples_to_graph


class RemoteStore:
    """A SPARQL 1.1 server. ``update_url`` defaults to ``query_url``; ``gsp_url`` is optional."""

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        gsp_url: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        query_timeout: float | None = 10.0,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.gsp_url = gsp_url
        self.query_timeout = query_timeout
        self._user = user
        self._password = password

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url})"

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- SPARQLWrapper ---------------------------------------------------------------------------

    def _wrapper(self, text: str, *, is_update: bool) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(POSTDIRECTLY if is_update else URLENCODED)
        if self.query_timeout:
            wrapper.setTimeout(max(1, round(self.query_timeout)))
        if self._user:
            wrapper.setCredentials(self._user, self._password or "")
        wrapper.setQuery(text)
        # SPARQLWrapper guesses the form with a comment stripper that misses ``#+`` lines and finds
        # "ADD" in "addresses": a SELECT would go to the update endpoint. Our tokenizer knows better.
        wrapper.queryType = INSERT if is_update else (query_form(text) or SELECT)
        return wrapper

    def _call(self, text: str, *, return_format: str | None = None, is_update: bool = False) -> Any:
        wrapper = self._wrapper(text, is_update=is_update)
        if return_format:
            wrapper.setReturnFormat(return_format)
        url = self.update_url if is_update else self.query_url
        try:
            return wrapper.query().convert()
        except QueryBadFormed as exc:
            raise QuerySyntaxError(reason=_short(exc)) from exc
        except (EndPointNotFound, Unauthorized, EndPointInternalError, SPARQLWrapperException) as exc:
            status = type(exc).__name__
            raise StoreError("store.http_error", url=url, status=status, reason=_short(exc)) from exc
        except urllib.error.HTTPError as exc:
            raise StoreError("store.http_error", url=url, status=exc.code, reason=str(exc.reason)) from exc
        except TimeoutError as exc:
            raise QueryTimeout(seconds=self.query_timeout) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise QueryTimeout(seconds=self.query_timeout) from exc
            raise StoreUnreachable(url=url, reason=str(exc.reason)) from exc
        except (ConnectionError, OSError) as exc:
            raise StoreUnreachable(url=url, reason=str(exc)) from exc

    def _prepared(self, query: str, bindings: Mapping[str, Node] | None, expected: tuple[str, ...]) -> str:
        form = query_form(query)
        if form is not None and form not in expected:
            raise QuerySyntaxError("query.wrong_form", expected="/".join(expected), actual=form)
        return with_prefixes(bind_values(query, bindings))

    # --- queries ---------------------------------------------------------------------------------

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> SelectResult:
        text = self._prepared(query, bindings, ("SELECT",))
        data = self._call(text, return_format=JSON)
        if not isinstance(data, dict) or "results" not in data:
            raise QuerySyntaxError("query.wrong_form", expected="SELECT", actual="?")
        return select_from_json(data)

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        text = self._prepared(query, bindings, ("ASK",))
        data = self._call(text, return_format=JSON)
        if not isinstance(data, dict) or "boolean" not in data:
            raise QuerySyntaxError("query.wrong_form", expected="ASK", actual="?")
        return bool(data["boolean"])

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        text = self._prepared(query, bindings, ("CONSTRUCT", "DESCRIBE"))
        body = self._call(text, return_format=TURTLE)
        if isinstance(body, Graph):
            return body
        return _parse_rdf(body, ox.RdfFormat.TURTLE)

    def query_raw(self, query: str, accept: str) -> tuple[bytes, str]:
        payload = urllib.parse.urlencode({"query": with_prefixes(query)}).encode("utf-8")
        headers = {
            "Accept": accept or "*/*",
            "Content-Type": "application/x-www-form-urlencoded",
            **basic_auth(self._user, self._password),
        }
        response = request("POST", self.query_url, timeout=self.query_timeout, body=payload, headers=headers)
        return response.body, response.content_type

    def update(self, update: str) -> None:
        self._call(with_prefixes(update), is_update=True)

    # --- graphs ----------------------------------------------------------------------------------

    def graphs(self) -> list[URIRef]:
        result = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"] for row in result.rows if isinstance(row["g"], URIRef))

    def get_graph(self, name: URIRef) -> Graph:
        if self.gsp_url:
            response = request(
                "GET",
                with_graph_param(self.gsp_url, str(name)),
                timeout=self.query_timeout,
                headers={"Accept": "application/n-triples", **basic_auth(self._user, self._password)},
                ok_missing=True,
            )
            if response.status == 404:
                return new_graph()
            media = response.content_type.split(";")[0].strip() or "application/n-triples"
            return _parse_rdf(response.body, ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES)
        return self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri(str(name))} {{ ?s ?p ?o }} }}")

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        if not self.gsp_url or not len(graph):
            self.replace_graphs({name: graph})
            return
        body = ox.serialize(graph_to_ox_triples(graph), format=ox.RdfFormat.N_TRIPLES) or b""
        request(
            "PUT",
            with_graph_param(self.gsp_url, str(name)),
            timeout=self.query_timeout,
            body=body,
            headers={"Content-Type": "application/n-triples", **basic_auth(self._user, self._password)},
        )

    def replace_graphs(self, graphs: Mapping[URIRef, Graph]) -> None:
        if not graphs:
            return
        try:
            text = replace_graphs_update(graphs)
        except ValueError as exc:
            raise StoreError(reason=str(exc)) from exc
        self.update(text)

    def drop_graph(self, name: URIRef) -> None:
        self.update(f"DROP SILENT GRAPH {iri(str(name))}")

    def union_graph(self) -> Graph:
        graph = new_graph()
        for name in self.graphs():
            graph += self.get_graph(name)
        return graph

    def dataset_quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        for name in self.graphs():
            for s, p, o in self.get_graph(name):
                yield s, p, o, name

    def __len__(self) -> int:
        result = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        value = result.rows[0]["n"] if result.rows else None
        return int(str(value)) if value is not None else 0

    def close(self) -> None:
        """Nothing to release: every call is its own HTTP request."""


def _parse_rdf(body: bytes | str, fmt: ox.RdfFormat) -> Graph:
    data = body.encode("utf-8") if isinstance(body, str) else body
    try:
        return triples_to_graph(ox.parse(data, format=fmt))
    except SyntaxError as exc:
        raise StoreError(reason=f"unreadable answer from the server: {exc}") from exc


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) <= 500 else text[:500] + " …"
