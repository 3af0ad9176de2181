"""The web fixtures of tests/api (small registry in a memory store, TestClient) for the ops tests."""

from tests.api.conftest import client, store  # noqa: F401
