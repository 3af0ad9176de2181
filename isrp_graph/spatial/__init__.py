"""Geometries of spatial units: reading and checking geodata (GeoJSON, Shapefile, GeoPackage), importing
them onto existing units, GeoJSON export, the data behind the map, and scores of planning-area variants.

Geometries live in the graph as GeoSPARQL ``geo:hasGeometry`` / ``geo:asWKT`` literals in CRS84
(longitude, latitude); imports in ETRS89 / UTM 32N (EPSG:25832) are transformed with pyproj.
"""

from isrp_graph.spatial import texts as _texts  # noqa: F401  (registers spatial.* messages)
from isrp_graph.spatial.errors import SpatialError
from isrp_graph.spatial.export import export_geojson
from isrp_graph.spatial.importer import ImportReport, import_geometries, is_spatial_file
from isrp_graph.spatial.model import SpatialUnitFacts, units_of_system

__all__ = [
    "ImportReport",
    "SpatialError",
    "SpatialUnitFacts",
    "Variant",
    "VariantScore",
    "export_geojson",
    "import_geometries",
    "is_spatial_file",
    "read_variants",
    "score_variants",
    "units_of_system",
]
from isrp_graph.spatial.variants import Variant, VariantScore, read_variants, score_variants
