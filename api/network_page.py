"""The network graph page: the interactive page of ``isrp_graph.network_page`` (vis-network with a
server-side layout, presets, filters, legend, text summary and data tables of every node and link)
inside the app's header, navigation and footer, served with its vis-network files from /static/vendor
and its script from /netzwerk/netzwerk.js; ``?format=json`` gives the nodes, links and measures.

The network, its measures and its layouts are computed once per store version and language, in a
background thread; after a save only what the save touched is looked at again
(``isrp_graph.network_cache``), started by the save itself (``StoreVersion.listeners``). A request
while that runs gets the previous version at once with a note that it is being recomputed."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

import isrp_graph.network_texts  # noqa: F401  (the page's texts)
from api.context import lang_of, state
from api.errors import HttpError
from api.library import function
from api.negotiation import choose_format, jsonable
from api.scope import scope_of
from isrp_graph.messages import t

log = logging.getLogger(__name__)
router = APIRouter()

# seconds a request waits for the new version before it gets the previous one: none, the refresh
# started with the save and a reader never waits for it
WAIT_FRESH = 0.0
WAIT_FIRST = 60.0  # with no earlier version there is nothing else to show


@dataclass(frozen=True)
class NetworkResult:
    graph: Any
    metrics: Any
    model: Any
    pages: dict[tuple[str, bool], str] = field(default_factory=dict)  # (focus, fresh) -> HTML, rendered once
    state: Any = None  # isrp_graph.network_cache.NetworkState: what the next refresh starts from
    version: int = -1  # the app's store version it is current for


class NetworkCache:
    """Network, measures and page model per (store version, language, examples counted, scope: the
    municipality IRIs, ``()`` = all)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done: dict[tuple, NetworkResult] = {}
        self.running: dict[tuple, threading.Event] = {}
        self.errors: dict[tuple, BaseException] = {}

    def get(
        self, app: Any, lang: str, illustrative: bool, kommunen: tuple[str, ...] = ()
    ) -> tuple[NetworkResult, bool]:
        """The result for the current version and whether it is that version (False: an older one)."""
        version = app.state.version.value
        key = (version, lang, illustrative, tuple(kommunen))
        event = self.start(app, key)
        last = self.latest(lang, illustrative, tuple(kommunen))
        event.wait(WAIT_FRESH if last is not None else WAIT_FIRST)
        with self.lock:
            if key in self.done:
                return self.done[key], True
            error = self.errors.pop(key, None)
        if error is not None:
            raise error
        if last is None:
            raise HttpError(503, "network.page.pending")
        return last, False

    def refresh_all(self, app: Any, version: int) -> None:
        """After a save: every network computed so far (per language and examples) is either still
        current (the save touched nothing in it: one small query, answered here) or refreshed for
        ``version`` in the background."""
        unchanged = function("isrp_graph.network_cache", "unchanged_by_commits")
        with self.lock:
            variants = {k[1:] for k in self.done}
        for lang, illustrative, kommunen in sorted(variants):
            key = (version, lang, illustrative, kommunen)
            previous = self.latest(lang, illustrative, kommunen)
            # only when this save is the one change since: a change without a commit (a restore)
            # bumps the version too, and its entries are not among the touched ones
            before = previous.state if previous is not None and previous.version == version - 1 else None
            try:
                state = unchanged(app.state.isrp.store, before) if before is not None else None
            except Exception:  # the save is done; the background refresh meets and reports the error
                log.exception("network check after a save failed")
                state = None
            if state is None:
                self.start(app, key)
                continue
            with self.lock:
                if key not in self.done and key not in self.running:
                    self.done[key] = NetworkResult(
                        previous.graph, previous.metrics, previous.model, previous.pages, state, version
                    )
                    for old in [k for k in self.done if k[1:] == key[1:] and k[0] < key[0]]:
                        del self.done[old]

    def latest(self, lang: str, illustrative: bool, kommunen: tuple[str, ...] = ()) -> NetworkResult | None:
        with self.lock:
            keys = [k for k in self.done if k[1:] == (lang, illustrative, kommunen)]
            return self.done[max(keys)] if keys else None

    def start(self, app: Any, key: tuple) -> threading.Event:
        with self.lock:
            if key in self.done:
                event = threading.Event()
                event.set()
                return event
            if key in self.running:
                return self.running[key]
            event = threading.Event()
            self.running[key] = event
        threading.Thread(target=self._work, args=(app, key, event), daemon=True).start()
        return event

    def _work(self, app: Any, key: tuple, event: threading.Event) -> None:
        version, lang, illustrative, kommunen = key
        try:
            # only what the saves since the previous version touched is looked at again
            refresh = function("isrp_graph.network_cache", "refresh_network")
            previous = self.latest(lang, illustrative, kommunen)
            before = previous.state if previous is not None else None
            one_step = previous is not None and previous.version == version - 1
            state = refresh(
                app.state.isrp.store, before, lang, illustrative, only_commits=one_step, kommunen=kommunen
            )
            if previous is not None and state.model is previous.model:
                result = NetworkResult(
                    previous.graph, previous.metrics, previous.model, previous.pages, state, version
                )
            else:
                result = NetworkResult(state.graph, state.metrics, state.model, state=state, version=version)
            for fresh in (True, False):  # the page as it is, and with the note while the next one is computed
                render_page(result, lang, None, fresh)
            with self.lock:
                self.done[key] = result
                # keep the newest version per language and switch only
                for old in [k for k in self.done if k[1:] == key[1:] and k[0] < key[0]]:
                    del self.done[old]
        except Exception as exc:  # raised to the waiting request, logged for the operator
            log.exception("network computation failed")
            with self.lock:
                self.errors[key] = exc
        finally:
            with self.lock:
                self.running.pop(key, None)
            event.set()


def cache_of(app: Any) -> NetworkCache:
    cache = getattr(app.state, "network", None)
    if cache is None:
        cache = app.state.network = NetworkCache()
        listeners = getattr(getattr(app.state, "version", None), "listeners", None)
        if listeners is not None:  # refresh right after a save, not when someone next asks
            listeners.append(lambda version: cache.refresh_all(app, version))
    return cache


def warm_up(app: Any, lang: str) -> None:
    """Compute the network of the current version in the background (at start-up)."""
    serving = tuple(getattr(app.state, "kommunen", ()) or ())
    cache_of(app).start(app, (app.state.version.value, lang, False, serving))


def network_result(request: Request, lang: str, illustrative: bool = False) -> tuple[NetworkResult, bool]:
    """The network of the request's municipalities (``?kommune=`` within the installation's set)."""
    state(request)
    return cache_of(request.app).get(request.app, lang, illustrative, scope_of(request))


@router.get("/netzwerk", include_in_schema=False)
def network(
    request: Request, plan: str | None = None, beispiele: str | None = None, ansicht: str | None = None
) -> Response:
    lang = lang_of(request)
    illustrative = beispiele in ("1", "ja", "true")
    result, fresh = network_result(request, lang, illustrative)
    fmt = choose_format(request, ("html", "json"))
    if fmt == "json" and ansicht is not None:  # one preset's layout (large networks fetch it on demand)
        if ansicht not in result.model.presets_index:
            raise HttpError(404, "network.unknown_plan", iri=ansicht)
        preset = result.model.data["presets"].get(ansicht) or function(
            "isrp_graph.network_page", "preset_view"
        )(result.graph, ansicht)
        return JSONResponse(preset)
    if fmt == "json":
        from networkx.readwrite import json_graph

        return JSONResponse(
            jsonable(
                {
                    "graph": json_graph.node_link_data(result.graph, edges="links"),
                    "metrics": result.metrics.to_dict(),
                    "layout": result.model.data["views"],
                    "current": fresh,
                }
            )
        )
    html = render_page(result, lang, plan if plan in result.graph else None, fresh)
    return HTMLResponse(html, headers={"Vary": "Accept"})


def render_page(result: NetworkResult, lang: str, focus: str | None, fresh: bool) -> str:
    """The page's HTML, rendered once per (focus, fresh) for each computed network."""
    key = (focus or "", fresh)
    html = result.pages.get(key)
    if html is None:
        render = function("isrp_graph.network_page", "render_network_page")
        html = render(
            result.graph,
            lang,
            embed_assets=False,
            asset_url="/static/vendor",
            model=result.model,
            focus_plan=focus,
            site=True,  # the app's header, navigation, skip link and footer; names link to the entries
            script_url="/netzwerk/netzwerk.js",
            notice="" if fresh else t("network.page.stale", lang),
        )
        if len(result.pages) < 64:  # a few plans in focus; not every IRI anyone asks for
            result.pages[key] = html
    return html


@router.get("/netzwerk/netzwerk.js", include_in_schema=False)
def network_script() -> Response:
    path = function("isrp_graph.network_page", "script_path")()
    return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "no-cache"})


def vendor_file(name: str) -> Response:
    """vis-network from the pyvis package, offered under /static/vendor/<name>."""
    assets = function("isrp_graph.network_page", "vendor_assets")()
    path = assets.get(name)
    if path is None or not path.is_file():
        raise HttpError(404, "web.not_found", path=f"/static/vendor/{name}")
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})
