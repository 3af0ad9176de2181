"""The API docs page (Swagger UI) made to meet WCAG: the page language, and a style sheet that raises the
contrast of Swagger UI's grey badges (white on #7d8492 is 3.75:1) to at least 4.5:1."""

from __future__ import annotations


def docs_page(html: str) -> str:
    html = html.replace("<html>", '<html lang="de">', 1)
    link = '<link rel="stylesheet" href="/static/css/docs-contrast.css">'
    return html.replace("</head>", f"{link}\n</head>", 1)
