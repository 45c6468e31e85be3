"""The practice page of `pmr-print serve` and the spoken session it plays, built in the worker."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from pmr_print.web.app import make_app
from pmr_print.web.workers import Workers

PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def workers() -> Iterator[Workers]:
    found = Workers(None)
    yield found
    found.close()


@pytest.fixture(scope="module")
def client(workers: Workers) -> Iterator[TestClient]:
    with TestClient(make_app(PORT, workers=workers), base_url=BASE) as test_client:
        yield test_client


def test_a_bad_session_is_answered_from_the_worker_and_not_kept(
    client: TestClient, workers: Workers
) -> None:
    response = client.get("/api/audio?lang=en&protocol=brief&format=wav")
    assert response.status_code == 400
    assert "brief" in response.json()["errors"][0]["message"]
    assert workers.sessions == {}
    left_all = client.get("/api/audio?lang=zh&protocol=short&omit=arms,face-neck,torso,legs-feet")
    assert left_all.status_code == 400
    assert workers.sessions == {}
