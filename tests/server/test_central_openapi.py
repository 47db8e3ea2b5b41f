"""schemathesis against mpp-central's own OpenAPI schema: whatever a client sends, never a 5xx.

A real server on a real PostgreSQL database; every operation gets generated requests (valid and
invalid by the schema), sent once with an administrator device's credential and the protocol header,
and sometimes without them. Bounded: a few dozen examples per operation (about 30 s here).
"""

from __future__ import annotations

import os

import httpx
import pytest

if os.environ.get("CI"):
    import schemathesis
else:
    schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (requirements.lock)")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.conftest import enroll

EXAMPLES = int(os.environ.get("MPP_SCHEMATHESIS_EXAMPLES", "40"))


def test_no_request_makes_the_server_answer_5xx(server, server_db):
    credential = httpx.post(f"{server}/v1/enroll", json={"protocol": 1, "code": enroll(server_db, "admin-pc", "admin")}
                            ).json()["credential"]
    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/health", "/v1/enroll", "/v1/push", "/v1/pull", "/v1/leases"}
    failures: list[str] = []
    sent: dict[str, int] = {}

    for operation in operations:
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not os.environ.get("MPP_SCHEMATHESIS_RANDOM"),
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(), signed=st.booleans())
        def check(case, signed):
            if signed:  # a device that may do everything, so the requests reach past authentication
                case.headers = {**(case.headers or {}), "Authorization": f"Bearer {credential}",
                                "X-MPP-Protocol": "1"}
            response = case.call(base_url=server, timeout=30)
            sent[f"{case.method} {case.path}"] = sent.get(f"{case.method} {case.path}", 0) + 1
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query} {case.headers} -> {response.status_code}: "
                                f"{response.text[:300]} (body {str(case.body)[:200]})")

        check()
    assert failures == []
    assert min(sent.values()) >= 2 and len(sent) == len(operations), sent
