"""Plain HTTP for the remote store (SPARQL protocol raw results, Graph Store Protocol), with the
errors mapped to the store errors: unreachable, timeout, syntax, other."""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field

from isrp_graph.store.engines import limit_error
from isrp_graph.store.errors import (
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreUnreachable,
    UnsupportedFormat,
)


@dataclass(frozen=True)
class HttpResponse:
    status: int
    body: bytes
    content_type: str
    server: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case


def basic_auth(user: str | None, password: str | None) -> dict[str, str]:
    if not user:
        return {}
    token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def request(
    method: str,
    url: str,
    *,
    timeout: float | None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    ok_missing: bool = False,
) -> HttpResponse:
    """One HTTP request. A 404 is returned (not raised) when ``ok_missing``."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return HttpResponse(
                response.status,
                response.read(),
                response.headers.get("Content-Type", ""),
                response.headers.get("Server", ""),
                {name.lower(): value for name, value in response.headers.items()},
            )
    except urllib.error.HTTPError as exc:
        detail = _detail(exc)
        if exc.code == 404 and ok_missing:
            return HttpResponse(404, b"", "")
        limit = limit_error(detail, url)
        if limit is not None:
            raise limit from exc
        if exc.code == 400:
            raise QuerySyntaxError(reason=detail) from exc
        if exc.code == 406:
            raise UnsupportedFormat(accept=(headers or {}).get("Accept", ""), offered="?") from exc
        raise StoreError("store.http_error", url=url, status=exc.code, reason=detail) from exc
    except TimeoutError as exc:
        raise QueryTimeout(seconds=_fmt(timeout)) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise QueryTimeout(seconds=_fmt(timeout)) from exc
        raise StoreUnreachable(url=url, reason=str(exc.reason)) from exc
    except (ConnectionError, OSError) as exc:
        raise StoreUnreachable(url=url, reason=str(exc)) from exc


def with_graph_param(gsp_url: str, graph: str) -> str:
    separator = "&" if "?" in gsp_url else "?"
    return f"{gsp_url}{separator}{urllib.parse.urlencode({'graph': graph})}"


def _detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read().decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return (text or exc.reason or "")[:500]


def _fmt(timeout: float | None) -> str:
    if timeout is None:
        return "?"
    return str(int(timeout)) if float(timeout).is_integer() else f"{timeout:g}"
