"""The pages BITV 2.0 and the law require, with texts per installation (api/bitv_texts.py); every
page's footer links them. The texts are German (Leichte Sprache and Gebärdensprache information are
German by nature); ``?format=json`` gives the page as data."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.bitv_texts import FOOTER, TODO, load_pages
from api.errors import HttpError
from api.negotiation import respond

router = APIRouter()


def _page(request: Request, name: str) -> Response:
    pages = load_pages()
    page = pages.get(name)
    if page is None:
        raise HttpError(404, "web.not_found", path=f"/{name}")
    text = " ".join(str(v) for v in page.values())
    model = {**page, "name": name, "footer": FOOTER, "todo": TODO in text}
    return respond(request, "bitv_page.html", model, title=page["title"])


def _route(name: str) -> None:
    def handler(request: Request) -> Response:
        return _page(request, name)

    handler.__name__ = f"bitv_{name.replace('-', '_')}"
    router.add_api_route(f"/{name}", handler, methods=["GET"], include_in_schema=False)


for _name, _ in FOOTER:
    _route(_name)
