"""Messages of the spatial package (German first, English second)."""

from isrp_graph.messages import register

register(
    {
        "spatial.file_missing": {"de": "Datei nicht gefunden: {path}", "en": "File not found: {path}"},
        "spatial.file_too_big": {
            "de": "{path}: Datei größer als {limit} MB.",
            "en": "{path}: file larger than {limit} MB.",
        },
        "spatial.format_unknown": {
            "de": "{path}: unbekanntes Geodatenformat "
            "(erwartet: GeoJSON, Shapefile .shp/.zip, GeoPackage .gpkg).",
            "en": "{path}: unknown geodata format "
            "(expected: GeoJSON, Shapefile .shp/.zip, GeoPackage .gpkg).",
        },
        "spatial.too_many_features": {
            "de": "{path}: {n} Objekte – höchstens {limit} auf einmal.",
            "en": "{path}: {n} features – at most {limit} at once.",
        },
        "spatial.crs_unsupported": {
            "de": "{path}: Koordinatensystem {crs} wird nicht unterstützt (erlaubt: WGS 84/CRS84 oder "
            "ETRS89 / UTM 32N, EPSG:25832).",
            "en": "{path}: coordinate reference system {crs} is not supported (allowed: WGS 84/CRS84 or "
            "ETRS89 / UTM 32N, EPSG:25832).",
        },
        "spatial.crs_mismatch": {
            "de": "{path}, Objekt {row}: Koordinaten passen nicht zu WGS 84 (Länge/Breite) – vermutlich "
            "falsches oder fehlendes Koordinatensystem (z. B. EPSG:25832 ohne Angabe).",
            "en": "{path}, feature {row}: coordinates do not fit WGS 84 (longitude/latitude) – probably a "
            "wrong or missing coordinate reference system (e.g. EPSG:25832 not declared).",
        },
        "spatial.geometry_empty": {
            "de": "{path}, Objekt {row}: Geometrie fehlt oder ist leer.",
            "en": "{path}, feature {row}: geometry missing or empty.",
        },
        "spatial.geometry_type": {
            "de": "{path}, Objekt {row}: Geometrietyp {type} nicht erlaubt (Punkt, Polygon, Multipolygon).",
            "en": "{path}, feature {row}: geometry type {type} not allowed (point, polygon, multipolygon).",
        },
        "spatial.geometry_invalid": {
            "de": "{path}, Objekt {row}: ungültige Geometrie ({reason}).",
            "en": "{path}, feature {row}: invalid geometry ({reason}).",
        },
        "spatial.outside_germany": {
            "de": "{path}, Objekt {row}: Geometrie liegt außerhalb Deutschlands.",
            "en": "{path}, feature {row}: geometry lies outside Germany.",
        },
        "spatial.geojson_syntax": {
            "de": "{path}: kein gültiges JSON ({reason}).",
            "en": "{path}: not valid JSON ({reason}).",
        },
        "spatial.geojson_not_features": {
            "de": "{path}: keine GeoJSON-FeatureCollection.",
            "en": "{path}: not a GeoJSON FeatureCollection.",
        },
        "spatial.ogr_unreadable": {
            "de": "{path}: Geodatei nicht lesbar ({reason}).",
            "en": "{path}: geodata file not readable ({reason}).",
        },
        "spatial.key_missing": {
            "de": "{path}, Objekt {row}: Attribut „{key}“ fehlt oder ist leer.",
            "en": "{path}, feature {row}: attribute '{key}' missing or empty.",
        },
        "spatial.unmatched": {
            "de": "{path}, Objekt {row}: „{value}“ passt zu keiner Raumeinheit der Gliederung.",
            "en": "{path}, feature {row}: '{value}' matches no spatial unit of the system.",
        },
        "spatial.ambiguous": {
            "de": "{path}, Objekt {row}: „{value}“ passt zu mehreren Raumeinheiten: {units}.",
            "en": "{path}, feature {row}: '{value}' matches several spatial units: {units}.",
        },
        "spatial.duplicate": {
            "de": "{path}, Objekt {row}: „{unit}“ hat schon eine Geometrie aus Objekt {first}.",
            "en": "{path}, feature {row}: '{unit}' already has a geometry from feature {first}.",
        },
        "spatial.system_unknown": {
            "de": "Raumgliederung {system} ist nicht im Register oder hat keine Raumeinheiten.",
            "en": "Spatial system {system} is not in the registry or has no spatial units.",
        },
        "spatial.import.summary": {
            "de": "{matched} von {total} Objekten zugeordnet, {problems} Probleme.",
            "en": "{matched} of {total} features matched, {problems} problems.",
        },
        "spatial.import.applied": {
            "de": "Geometrien von {n} Raumeinheiten gespeichert (Graph {graph}).",
            "en": "Geometries of {n} spatial units stored (graph {graph}).",
        },
        "spatial.import.not_applied": {
            "de": "Nichts gespeichert: erst alle Probleme beheben.",
            "en": "Nothing stored: fix every problem first.",
        },
        "spatial.import.dry_run": {
            "de": "Probelauf – mit --apply speichern.",
            "en": "Dry run – store with --apply.",
        },
        "spatial.geometry.boundary": {"de": "Grenze {name}", "en": "Boundary {name}"},
        "spatial.variant.no_rows": {
            "de": "{path}: keine Zeilen mit Gebiet und Ortsteil gefunden (Spalten „Gebiet“ und „Ortsteil“).",
            "en": "{path}: no rows with area and Ortsteil found (columns 'Gebiet' and 'Ortsteil').",
        },
        "spatial.variant.columns": {
            "de": "{path}: Spalten „Gebiet“ und „Ortsteil“ (oder „area“, „unit“) fehlen.",
            "en": "{path}: columns 'Gebiet' and 'Ortsteil' (or 'area', 'unit') are missing.",
        },
        "spatial.variant.unknown_unit": {
            "de": "{path}, Zeile {row}: „{value}“ ist kein Ortsteil der Bezugsgliederung.",
            "en": "{path}, row {row}: '{value}' is not an Ortsteil of the reference system.",
        },
        "spatial.variant.too_big": {
            "de": "{path}: mehr als {limit} Zeilen.",
            "en": "{path}: more than {limit} rows.",
        },
        "spatial.variant.format": {
            "de": "{path}: erwartet CSV (.csv) oder Arbeitsmappe (.xlsx).",
            "en": "{path}: expected CSV (.csv) or workbook (.xlsx).",
        },
        "spatial.contiguous.yes": {"de": "zusammenhängend", "en": "contiguous"},
        "spatial.contiguous.no": {"de": "nicht zusammenhängend", "en": "not contiguous"},
        "spatial.contiguous.unknown": {"de": "unbekannt", "en": "unknown"},
    }
)
