"""schemathesis over the whole OpenAPI contract (``/api/v1/*``, the upload route, ``/healthz``,
``/readyz`` and ``/sparql``), with and without an editor token, a bounded number of examples per
operation: no answer is a 5xx, and every status code is one the contract documents (except for
``/sparql``, whose contract is documented by its own module)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import status_code_conformance

from api.app import create_app
from tests.api.conftest import TOKEN, fixture_store
from tests.api.conftest import settings as app_settings

APP = create_app(app_settings(query_timeout=2.0), store=fixture_store(query_timeout=2.0))
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)
EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)


def _check(case, headers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    response = case.call(headers=headers)
    assert response.status_code < 500, (case.method, case.formatted_path, response.status_code, response.text)
    if not case.path.startswith("/sparql"):
        case.validate_response(response, checks=[status_code_conformance], headers=headers)


@SCHEMA.parametrize()
@EXAMPLES
def test_no_5xx_without_token(case) -> None:  # type: ignore[no-untyped-def]
    _check(case, {})


@SCHEMA.parametrize()
@EXAMPLES
def test_no_5xx_with_editor_token(case) -> None:  # type: ignore[no-untyped-def]
    _check(case, {"Authorization": f"Bearer {TOKEN}"})


def test_contract_documents_bodies_and_errors() -> None:
    spec = APP.openapi()
    upload = spec["paths"]["/api/v1/upload"]["post"]
    assert "text/turtle" in upload["requestBody"]["content"]
    assert {"200", "400", "401", "403", "413", "422"} <= set(upload["responses"])
    for path, operations in spec["paths"].items():
        if path.startswith("/api/v1/"):
            for operation in operations.values():
                assert {"200", "400", "503"} <= set(operation["responses"]), path


