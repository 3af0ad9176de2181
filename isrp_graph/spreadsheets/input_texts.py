"""Texts for workbook input that cannot be read: damaged files, foreign files, formula cells."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "sheet.damaged": {
            "de": "Die Arbeitsmappe {path} ist beschädigt (Prüfsumme oder Aufbau der Datei stimmt nicht); "
            "bitte in Excel oder LibreOffice neu speichern.",
            "en": "The workbook {path} is damaged (checksum or structure of the file is wrong); please "
            "save it again in Excel or LibreOffice.",
        },
        "sheet.not_xlsx": {
            "de": "Die Datei {path} ist keine Excel-Arbeitsmappe (.xlsx) – bitte als .xlsx oder .csv "
            "speichern.",
            "en": "The file {path} is not an Excel workbook (.xlsx) – please save it as .xlsx or .csv.",
        },
        "sheet.formula": {
            "de": "Die Zelle enthält eine Formel ({formula}); das Register übernimmt nur Werte – bitte die "
            "Formel durch ihren Wert ersetzen (Kopieren, „Nur Werte einfügen“).",
            "en": "The cell holds a formula ({formula}); the registry takes values only – please replace "
            "the formula by its value (copy, “paste values only”).",
        },
    }
)
