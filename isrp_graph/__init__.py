"""isrp-graph: knowledge graph and planning-system registry for integrierte Sozialraumplanung (ISRP)."""

__version__ = "0.1.0"
