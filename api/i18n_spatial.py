"""Texts of the map and variant pages (German first, English second)."""

from isrp_graph.messages import register

TEXTS = {
    "web.map.title": {"de": "Karte der Raumeinheiten", "en": "Map of the spatial units"},
    "web.map.intro": {
        "de": "Die Ortsteile mit Einwohnerzahl, Bedarfsstufe, Quartiersmanagement und Stadtteilzentren, die "
        "Reichweite der Planungen und wie die übrigen Raumgliederungen die Ortsteile schneiden. Neben der "
        "Karte steht derselbe Inhalt als Tabelle. Die Karte braucht kein Internet: ohne Kartenserver der "
        "Stadt zeigt sie keinen Hintergrund.",
        "en": "The Ortsteile with population, need level, neighbourhood management and neighbourhood "
        "centres, the reach of the plans and how the other spatial systems cut the Ortsteile. Beside the map "
        "the same content is a table. The map needs no internet: without the city's tile server it shows no "
        "background.",
    },
    "web.map.layers": {"de": "Ebenen", "en": "Layers"},
    "web.map.layer.units": {
        "de": "Ortsteile (Fläche oder Kreis nach Einwohnerzahl)",
        "en": "Ortsteile (area or circle by population)",
    },
    "web.map.layer.need": {
        "de": "Bedarfsstufe (neueste Indikatorwerte)",
        "en": "Need level (latest indicator values)",
    },
    "web.map.layer.points": {
        "de": "Quartiersmanagement und Stadtteilzentren",
        "en": "Neighbourhood management and centres",
    },
    "web.map.layer.coverage": {"de": "Reichweite der gewählten Planung", "en": "Reach of the chosen plan"},
    "web.map.layer.system": {"de": "Raumgliederung: {name}", "en": "Spatial system: {name}"},
    "web.map.choose": {"de": "Planung oder Zielgruppe wählen", "en": "Choose a plan or target group"},
    "web.map.plan": {"de": "Fachplanung", "en": "Sectoral plan"},
    "web.map.group": {"de": "Zielgruppe", "en": "Target group"},
    "web.map.any": {"de": "– keine –", "en": "– none –"},
    "web.map.show": {"de": "Anzeigen", "en": "Show"},
    "web.map.region": {
        "de": "Karte: mit der Tabulatortaste hineingehen, mit den Pfeiltasten verschieben, "
        "mit + und − zoomen",
        "en": "Map: tab into it, move with the arrow keys, zoom with + and −",
    },
    "web.map.summary": {"de": "Zusammenfassung", "en": "Summary"},
    "web.map.summary.units": {
        "de": "{n} Ortsteile: {boundaries} mit Grenze, {points} nur mit Lagepunkt, "
        "{missing} ohne Lageangabe.",
        "en": "{n} Ortsteile: {boundaries} with a boundary, {points} with a representative point only, "
        "{missing} without a location.",
    },
    "web.map.summary.no_location": {
        "de": "Nicht auf der Karte, weil keine Quelle eine Lage nennt: {names}.",
        "en": "Not on the map because no source gives a location: {names}.",
    },
    "web.map.summary.population": {
        "de": "Einwohnerzahl belegt für {n} von {total} Ortsteilen (Stichtage siehe Tabelle).",
        "en": "Population documented for {n} of {total} Ortsteile (dates in the table).",
    },
    "web.map.summary.need": {"de": "Bedarfsstufen: {items}.", "en": "Need levels: {items}."},
    "web.map.summary.coverage": {"de": "Reichweite von: {plans}.", "en": "Reach of: {plans}."},
    "web.map.summary.uncovered": {
        "de": "Keine dieser Planungen erreicht belegt {n} Ortsteile: {names}.",
        "en": "None of these plans demonstrably reaches {n} Ortsteile: {names}.",
    },
    "web.map.summary.points": {
        "de": "{n} Quartiersmanagement-Standorte und Stadtteilzentren; ohne Adresskoordinaten stehen sie am "
        "Lagepunkt ihres Ortsteils.",
        "en": "{n} neighbourhood management sites and centres; without address coordinates they are drawn "
        "at their Ortsteil's point.",
    },
    "web.map.units_caption": {"de": "Ortsteile auf der Karte", "en": "Ortsteile on the map"},
    "web.map.unit": {"de": "Ortsteil", "en": "Ortsteil"},
    "web.map.population": {"de": "Einwohner", "en": "Population"},
    "web.map.population_date": {"de": "Stichtag", "en": "Reference date"},
    "web.map.area": {"de": "Fläche (km²)", "en": "Area (km²)"},
    "web.map.location": {"de": "Lage", "en": "Location"},
    "web.map.need": {"de": "Bedarfsstufe", "en": "Need level"},
    "web.map.plans": {"de": "Gewählte Planungen, die hier planen", "en": "Chosen plans that plan here"},
    "web.map.systems": {"de": "Gehört zu / überschneidet", "en": "Belongs to / overlaps"},
    "web.map.via": {"de": "über {area}", "en": "via {area}"},
    "web.map.partly": {"de": " (teilweise)", "en": " (partly)"},
    "web.map.within": {"de": "ganz darin", "en": "wholly within"},
    "web.map.kind.boundary": {"de": "Grenze (Polygon)", "en": "boundary (polygon)"},
    "web.map.kind.point": {"de": "Lagepunkt", "en": "representative point"},
    "web.map.kind.none": {"de": "keine Angabe", "en": "not known"},
    "web.map.inhabitants": {"de": "Einwohner", "en": "inhabitants"},
    "web.map.no_population": {"de": "Einwohnerzahl unbekannt", "en": "population unknown"},
    "web.map.covered": {"de": "erreicht", "en": "reached"},
    "web.map.uncovered": {"de": "nicht erreicht", "en": "not reached"},
    "web.map.legend": {"de": "Legende", "en": "Legend"},
    "web.map.legend.need": {"de": "▲ hoch · ■ mittel · ● niedrig", "en": "▲ high · ■ medium · ● low"},
    "web.map.legend.circle": {
        "de": "Kreis: Ortsteil ohne Grenze am Lagepunkt, Fläche nach Einwohnerzahl; "
        "gestrichelt: Zahl unbekannt",
        "en": "Circle: Ortsteil without boundary at its point, area by population; dashed: figure unknown",
    },
    "web.map.legend.qm": {"de": "Q – Quartiersmanagement", "en": "Q – neighbourhood management"},
    "web.map.legend.centre": {"de": "Z – Stadtteilzentrum", "en": "Z – neighbourhood centre"},
    "web.map.legend.covered": {
        "de": "Reichweite: ✓ dunkel und durchgezogen = erreicht, ✗ hell und gestrichelt = nicht erreicht",
        "en": "Reach: ✓ dark and solid = reached, ✗ light and dashed = not reached",
    },
    "web.map.points_caption": {
        "de": "Quartiersmanagement und Stadtteilzentren",
        "en": "Neighbourhood management and centres",
    },
    "web.map.point": {"de": "Einrichtung", "en": "Facility"},
    "web.map.point_kind": {"de": "Art", "en": "Kind"},
    "web.map.point_areas": {"de": "Gebiet", "en": "Area"},
    "web.map.point_placed": {"de": "Auf der Karte am Lagepunkt von", "en": "Drawn at the point of"},
    "web.map.kind_qm": {"de": "Quartiersmanagement", "en": "neighbourhood management"},
    "web.map.kind_centre": {"de": "Stadtteilzentrum", "en": "neighbourhood centre"},
    "web.map.system_caption": {
        "de": "{name}: Einheiten und ihre Ortsteile",
        "en": "{name}: units and their Ortsteile",
    },
    "web.map.system_unit": {"de": "Einheit", "en": "Unit"},
    "web.map.system_within": {"de": "Ortsteile ganz darin", "en": "Ortsteile wholly within"},
    "web.map.system_overlaps": {"de": "Ortsteile teilweise", "en": "Ortsteile partly"},
    "web.map.system_none": {"de": "keine Zuordnung belegt", "en": "no assignment documented"},
    "web.map.geojson": {"de": "GeoJSON", "en": "GeoJSON"},
    "web.map.variants_link": {
        "de": "Varianten von Planungsräumen bewerten",
        "en": "Score planning-area variants",
    },
    "web.map.entry_link": {"de": "Auf der Karte zeigen", "en": "Show on the map"},
    "web.variants.title": {"de": "Varianten von Planungsräumen", "en": "Planning-area variants"},
    "web.variants.intro": {
        "de": "Für die AG Planungsraum-/Sozialraumdefinition: Eine Variante fasst Ortsteile zu Gebieten "
        "zusammen. Die Bewertung zeigt, welche Einheiten der bestehenden Raumgliederungen sich ohne "
        "Zerschneiden einfügen (und welche Planungen die Variante unverändert übernehmen könnten), wie "
        "gleich groß die Gebiete nach Einwohnern sind, welche nicht zusammenhängen und welche Ortsteile "
        "fehlen oder doppelt vorkommen. Nichts wird gespeichert.",
        "en": "For the working group on planning/social-space definition: a variant groups Ortsteile into "
        "areas. The score shows which units of the existing spatial systems nest without being cut (and "
        "which plans could adopt the variant unchanged), how even the areas' populations are, which areas "
        "are not contiguous and which Ortsteile are missing or appear twice. Nothing is stored.",
    },
    "web.variants.file": {
        "de": "Dateien (CSV oder Arbeitsmappe, Spalten „Gebiet“ und „Ortsteil“; je Blatt eine Variante)",
        "en": "Files (CSV or workbook, columns 'Gebiet' and 'Ortsteil'; one variant per sheet)",
    },
    "web.variants.name": {"de": "Name der eingegebenen Variante", "en": "Name of the typed variant"},
    "web.variants.text": {
        "de": "Oder eingeben: je Zeile „Gebiet: Ortsteil, Ortsteil, …“",
        "en": "Or type: one line per area, 'Area: Ortsteil, Ortsteil, …'",
    },
    "web.variants.submit": {"de": "Bewerten", "en": "Score"},
    "web.variants.submit_csv": {"de": "Als CSV herunterladen", "en": "Download as CSV"},
    "web.variants.typed": {"de": "Eingegebene Variante", "en": "Typed variant"},
    "web.variants.areas_caption": {"de": "Gebiete der Varianten", "en": "Areas of the variants"},
    "web.variants.systems_caption": {
        "de": "Bestehende Raumgliederungen: fügen sie sich ein?",
        "en": "Existing spatial systems: do they nest?",
    },
    "web.variants.variant": {"de": "Variante", "en": "Variant"},
    "web.variants.area": {"de": "Gebiet", "en": "Area"},
    "web.variants.units": {"de": "Ortsteile", "en": "Ortsteile"},
    "web.variants.contiguous": {"de": "Zusammenhang", "en": "Contiguity"},
    "web.variants.system": {"de": "Raumgliederung", "en": "Spatial system"},
    "web.variants.nesting": {"de": "Fügen sich ein", "en": "Nest"},
    "web.variants.nesting_n": {"de": "{n} von {units}", "en": "{n} of {units}"},
    "web.variants.cutting": {"de": "Zerschnitten", "en": "Cut"},
    "web.variants.unknown": {
        "de": "Unbekannt (keine Zuordnung belegt)",
        "en": "Unknown (no assignment documented)",
    },
    "web.variants.adoptable": {"de": "Könnte unverändert übernehmen", "en": "Could adopt unchanged"},
    "web.variants.no": {"de": "nein", "en": "no"},
    "web.variants.comparison": {"de": "Vergleich", "en": "Comparison"},
    "web.variants.min": {"de": "kleinstes Gebiet (Einwohner)", "en": "smallest area (population)"},
    "web.variants.max": {"de": "größtes Gebiet (Einwohner)", "en": "largest area (population)"},
    "web.variants.cv": {"de": "Variationskoeffizient", "en": "coefficient of variation"},
    "web.variants.dates": {"de": "Stichtage der Zahlen", "en": "dates of the figures"},
    "web.variants.unassigned": {"de": "nicht zugeordnet", "en": "not assigned"},
    "web.variants.twice": {"de": "mehrfach zugeordnet", "en": "assigned more than once"},
    "web.variants.map": {"de": "Karte der Variante", "en": "Map of the variant"},
    "web.variants.map_help": {
        "de": "Jeder Ortsteil mit Lagepunkt trägt die Nummer seines Gebiets "
        "(Reihenfolge wie in der Tabelle); „–“ heißt nicht zugeordnet.",
        "en": "Every Ortsteil with a point carries the number of its area (order as in the table); "
        "'–' means not assigned.",
    },
    "web.variants.errors": {"de": "Probleme", "en": "Problems"},
    "web.variants.too_big": {"de": "{path}: Datei größer als 2 MB.", "en": "{path}: file larger than 2 MB."},
    "web.variants.unreadable": {"de": "{path}: Datei nicht lesbar.", "en": "{path}: file not readable."},
    "web.variants.nothing": {
        "de": "Keine Variante angegeben: Datei wählen oder Gebiete eingeben.",
        "en": "No variant given: choose a file or type areas.",
    },
    "web.entry.spatial": {"de": "Raum", "en": "Space"},
    "web.spatial.neighbours": {"de": "Grenzt an (laut Quelle)", "en": "Borders (according to the source)"},
    "web.spatial.no_neighbours": {"de": "keine Nachbarn belegt", "en": "no neighbours documented"},
    "web.spatial.kind.plan": {"de": "Planungen, die hier planen", "en": "Plans that plan here"},
    "web.spatial.kind.unit": {
        "de": "Raumeinheiten anderer Gliederungen",
        "en": "Units of other spatial systems",
    },
    "web.spatial.kind.observation": {"de": "Indikatorwerte", "en": "Indicator values"},
    "web.spatial.kind.measure": {"de": "Maßnahmen", "en": "Measures"},
    "web.spatial.kind.facility": {"de": "Einrichtungen", "en": "Facilities"},
    "web.spatial.kind.qm": {"de": "Quartiersmanagement", "en": "Neighbourhood management"},
    "web.spatial.rel.via": {"de": "über ein umfassendes Gebiet", "en": "via a containing area"},
    "web.spatial.rel.overlaps": {"de": "überschneidet sich teilweise", "en": "overlaps partly"},
    "web.spatial.rel.contains": {"de": "liegt in dieser Einheit", "en": "lies in this unit"},
}


def register_web_texts() -> None:
    register(TEXTS)
