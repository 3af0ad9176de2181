"""The network graph page: placeholder until isrp_graph.network lands (filled in below)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
