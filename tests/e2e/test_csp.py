"""Every main page under the app's Content-Security-Policy in a real Chromium: no violation reported,
neither as a ``securitypolicyviolation`` event nor on the console, and the page's own script still runs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PLAN = "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"
PAGES = [
    ("/", "h1"),
    ("/uebersicht", "#overview-table"),
    ("/schnittstellen", "h1"),
    ("/luecken", "h1"),
    ("/ueberschneidungen", "h1"),
    ("/pruefung", "h1"),
    ("/prozess", "#timeline"),
    ("/netzwerk", "canvas"),
    ("/abfrage?query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D+LIMIT+3", "h1"),
    ("/bearbeiten", "h1"),
    ("/erfurt/plan/jugendhilfeplanung", "h1"),
    ("/bearbeiten/eintrag?iri=" + PLAN, "h1"),
    ("/docs", ".swagger-ui .info"),
]
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.mark.parametrize("path,ready", PAGES)
def test_page_has_no_csp_violation(page, path: str, ready: str) -> None:  # type: ignore[no-untyped-def]
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.add_init_script(WATCH)
    response = page.goto(page.base + path, timeout=90000)
    assert response is not None and response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(ready, timeout=90000)
    page.wait_for_timeout(300)
    violations = page.evaluate("window.__csp")
    assert violations == []
    assert [line for line in console if "Content Security Policy" in line] == []


def test_network_script_runs_under_the_policy(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/netzwerk", timeout=90000)
    page.wait_for_function("window.isrpVisible && window.isrpVisible().nodes > 0", timeout=90000)


def test_inline_script_is_blocked(page) -> None:  # type: ignore[no-untyped-def]
    """The policy is really enforced: a script added inline by a page is refused."""
    page.add_init_script(WATCH)
    page.goto(page.base + "/")
    page.evaluate(
        "var s = document.createElement('script'); s.textContent = 'window.__ran = true';"
        "document.body.appendChild(s);"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in page.evaluate("window.__csp"))
