"""The network graph page: the interactive page of ``isrp_graph.network_page`` (vis-network with filters
by kind and plan, legend, text summary and data tables of every node and link) inside the app's header,
navigation and footer, served with its vis-network files from /static/vendor; ``?format=json`` gives
the nodes, links and measures."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from api.context import lang_of, state
from api.errors import HttpError
from api.library import function
from api.negotiation import choose_format, jsonable

router = APIRouter()


def _network(request: Request, lang: str):  # type: ignore[no-untyped-def]
    build = function("isrp_graph.network", "build_network")
    app = state(request)
    return request.app.state.cache.get(app.store, ("network", lang), lambda: build(app.store, lang))


@router.get("/netzwerk", include_in_schema=False)
def network(request: Request, plan: str | None = None) -> Response:
    lang = lang_of(request)
    graph = _network(request, lang)
    fmt = choose_format(request, ("html", "json"))
    metrics = function("isrp_graph.network", "network_metrics")(graph)
    if fmt == "json":
        from networkx.readwrite import json_graph

        return JSONResponse(
            jsonable({"graph": json_graph.node_link_data(graph, edges="links"), "metrics": metrics.to_dict()})
        )
    render = function("isrp_graph.network_page", "render_network_page")
    html = render(
        graph,
        lang,
        embed_assets=False,
        asset_url="/static/vendor",
        metrics=metrics,
        focus_plan=plan if plan in graph else None,
        site=True,  # the app's header, navigation, skip link and footer; names link to the entries
    )
    return HTMLResponse(html, headers={"Vary": "Accept"})


def vendor_file(name: str) -> Response:
    """vis-network from the pyvis package, offered under /static/vendor/<name>."""
    assets = function("isrp_graph.network_page", "vendor_assets")()
    path = assets.get(name)
    if path is None or not path.is_file():
        raise HttpError(404, "web.not_found", path=f"/static/vendor/{name}")
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})
