"""Texts of the meeting-ready network page (presets, projector mode, export, node selection)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "network.page.preset": {"de": "Ansicht für die Sitzung", "en": "View for the meeting"},
        "network.page.preset_none": {"de": "– ganzes Netzwerk –", "en": "– whole network –"},
        "network.page.preset_plans": {"de": "Fachplanungen", "en": "Sectoral plans"},
        "network.page.preset_bodies": {"de": "Gremien", "en": "Bodies"},
        "network.page.preset_networks": {"de": "Netzwerke", "en": "Networks"},
        "network.page.node_select": {
            "de": "Eintrag im Bild auswählen (Tastatur oder Tippen)",
            "en": "Select an entry in the picture (keyboard or touch)",
        },
        "network.page.node_none": {"de": "– keiner –", "en": "– none –"},
        "network.page.projector": {"de": "Beamer-Ansicht (Vollbild)", "en": "Projector view (full screen)"},
        "network.page.projector_end": {"de": "Beamer-Ansicht beenden", "en": "Leave projector view"},
        "network.page.export_png": {"de": "Bild als PNG", "en": "Picture as PNG"},
        "network.page.export_svg": {"de": "Bild als SVG", "en": "Picture as SVG"},
        "network.page.export": {"de": "Bild speichern", "en": "Save picture"},
        "network.page.labels_note2": {
            "de": "Die Anordnung ist so berechnet, dass sich keine Namen überdecken. Lange Namen sind an "
            "Wortgrenzen umbrochen.",
            "en": "The arrangement is computed so that no names overlap. Long names wrap at word boundaries.",
        },
        "network.page.keys2": {
            "de": "Tastatur: Eintrag über die Auswahlliste wählen; im Bild (mit Tabulator ansteuern) "
            "verschieben Pfeiltasten, Plus und Minus vergrößern und verkleinern, Escape hebt die "
            "Auswahl auf.",
            "en": "Keyboard: choose an entry in the list; in the picture (reach it with Tab) arrow keys "
            "move, plus and minus zoom, Escape clears the selection.",
        },
        "network.page.select_hint2": {
            "de": "Ein Zeichen antippen oder anklicken hebt es mit seinen Verbindungen hervor.",
            "en": "Tap or click a symbol to highlight it with its links.",
        },
        "network.community.name": {"de": "Gruppe um {name}", "en": "Group around {name}"},
        "network.page.communities_named": {
            "de": "Das Netzwerk zerfällt in {n} Gruppen eng verbundener Einträge; die größten: {names}.",
            "en": "The network falls into {n} groups of closely linked entries; the largest: {names}.",
        },
        "network.page.illustrative_off": {
            "de": "Beispiele (nicht belegte Einträge) sind nicht mitgezählt.",
            "en": "Examples (entries not backed by a source) are not counted.",
        },
        "network.page.illustrative_on": {
            "de": "Beispiele (nicht belegte Einträge) sind mitgezählt.",
            "en": "Examples (entries not backed by a source) are counted.",
        },
        "network.page.illustrative_include": {"de": "Beispiele mitzählen", "en": "Count examples"},
        "network.page.illustrative_exclude": {"de": "Beispiele weglassen", "en": "Leave out examples"},
        "network.page.pending": {
            "de": "Das Netzwerk wird gerade berechnet. Bitte die Seite gleich neu laden.",
            "en": "The network is being computed. Please reload the page in a moment.",
        },
        "network.page.stale": {
            "de": "Das Bild wird nach der letzten Änderung gerade neu berechnet; es zeigt noch den Stand "
            "davor. Bitte die Seite in einigen Sekunden neu laden.",
            "en": "The picture is being recomputed after the last change; it still shows the state before. "
            "Please reload the page in a few seconds.",
        },
    }
)
