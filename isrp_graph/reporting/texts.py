"""Texts of the report's command and download page (the report itself is German)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "cli.spr.help": {
            "de": "Jährlichen Sozialplanungsreport als PDF (barrierefrei, PDF/UA) oder HTML schreiben",
            "en": "Write the annual Sozialplanungsreport as PDF (accessible, PDF/UA) or HTML",
        },
        "cli.spr.year": {"de": "Berichtsjahr (JJJJ)", "en": "Report year (YYYY)"},
        "cli.spr.output": {
            "de": "Zieldatei, .pdf oder .html",
            "en": "Target file, .pdf or .html",
        },
        "cli.spr.date": {
            "de": "Stichtag (JJJJ-MM-TT); sonst der 31.12. des Jahres oder heute",
            "en": "Reference date (YYYY-MM-DD); else 31 December of the year or today",
        },
        "cli.spr.bad_suffix": {
            "de": "Die Zieldatei {path} muss auf .pdf oder .html enden.",
            "en": "The target file {path} must end in .pdf or .html.",
        },
        "cli.spr.bad_year": {
            "de": "Berichtsjahr {year} liegt außerhalb von 2000 bis {max}.",
            "en": "Report year {year} is outside 2000 to {max}.",
        },
        "cli.spr.running": {
            "de": "Sozialplanungsreport wird erstellt",
            "en": "Writing the Sozialplanungsreport",
        },
        "cli.spr.done": {"de": "Geschrieben: {path}", "en": "Written: {path}"},
        "web.spr.title": {"de": "Sozialplanungsreport", "en": "Annual social planning report"},
        "web.spr.intro": {
            "de": "Der jährliche Bericht zur integrierten Sozialraumplanung, erstellt aus dem Register: "
            "Planungssystematik, Maßnahmen, Indikatoren, Lücken, Schnittstellen, Beteiligung und Prozess, "
            "Veränderungen und Quellen. Das PDF ist barrierefrei (PDF/UA).",
            "en": "The annual report on integrated social-space planning, made from the registry (in "
            "German). The PDF is accessible (PDF/UA).",
        },
        "web.spr.year": {"de": "Berichtsjahr", "en": "Report year"},
        "web.spr.pdf": {"de": "Als PDF herunterladen", "en": "Download as PDF"},
        "web.spr.html": {"de": "Als Webseite öffnen", "en": "Open as web page"},
        "web.spr.bad_year": {
            "de": "Berichtsjahr {year} ist ungültig (erlaubt: 2000 bis {max}).",
            "en": "Report year {year} is invalid (allowed: 2000 to {max}).",
        },
        "web.nav.spr": {"de": "Jahresbericht", "en": "Annual report"},
    }
)
