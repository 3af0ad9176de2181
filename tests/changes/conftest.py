"""The change-model tests use the validation fixture corpus (ontology, test shapes, data.ttl)."""

from tests.validation.conftest import fixture_store  # noqa: F401
