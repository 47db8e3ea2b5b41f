"""A lean HTTP path for the queue's hottest routes: issue, call-next and the counter's actions.

The same routes stay declared in :mod:`queue_api` (FastAPI: the OpenAPI schema, and the answer to a request
this path does not take); these plain Starlette routes, placed before them in the same app, take the usual
requests without FastAPI's per-request machinery (dependency solving, parameter models), which cost about
as much server CPU as the request's SQL. Same checks, same answers: the protocol header
(``protocol_check``), the op id, the body through the same pydantic model (invalid -> the app's 422), the
path's number or ticket id (a path these routes' convertors do not match, e.g. an upper-case UUID, falls
through to the FastAPI route), then the same transaction (``run``) and service function.
"""

from __future__ import annotations

import datetime as dt
import email.message
import uuid
from typing import Any, Awaitable, Callable

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mpp_desk.server import queue as service
from mpp_desk.sync.schemas import PROTOCOL_HEADER

OP_HEADER = "X-MPP-Op-Id"
ACTIONS = {"recall": "recall", "no-show": "no_show", "start": "start", "hold": "hold", "finish": "finish"}


def install(app: FastAPI, *, run: Callable[..., Awaitable[Response]], secret: bytes,
            protocol_check: Callable[..., int], now: Callable[[], dt.datetime],
            bodies: dict[str, type[BaseModel]]) -> None:
    """Put the lean routes in front of *app*'s (``bodies``: the pydantic models "issue", "counter", "finish")."""

    async def issue(request: Request) -> Response:
        access, op_id = _headers(request, protocol_check)
        body: Any = await _body(request, bodies["issue"])
        return await run(access, lambda c, cfg, d: service.issue(
            c, cfg, d, secret, group_code=body.group_code, service_id=body.service_id, priority=body.priority,
            priority_reason=body.priority_reason, now=now()), op_id=op_id, write=True)

    async def call_next(request: Request) -> Response:
        number = _number(request.path_params["number"])
        access, op_id = _headers(request, protocol_check)
        return await run(access, lambda c, cfg, d: {"ticket": service.call_next(c, cfg, d, secret, counter_number=number,
                                                                                now=now())},
                         op_id=op_id, write=True, counter=number)

    async def act(request: Request) -> Response:
        action = ACTIONS[request.scope["path"].rsplit("/", 1)[1]]
        ticket_id: uuid.UUID = request.path_params["ticket_id"]
        access, op_id = _headers(request, protocol_check)
        body: Any = await _body(request, bodies["finish" if action == "finish" else "counter"])
        extra = {"outcome": body.outcome, "note": body.note} if action == "finish" else {}
        return await run(access, lambda c, cfg, d: service.act(c, cfg, d, secret, action=action, ticket_id=ticket_id,
                                                               counter_number=body.counter_number, now=now(), **extra),
                         op_id=op_id, write=True, counter=body.counter_number)

    lean = [Route("/v1/queue/issue", issue, methods=["POST"], include_in_schema=False),
            Route("/v1/queue/counters/{number:int}/call-next", call_next, methods=["POST"], include_in_schema=False)]
    lean += [Route(f"/v1/queue/tickets/{{ticket_id:uuid}}/{path}", act, methods=["POST"], include_in_schema=False)
             for path in ACTIONS]
    app.router.routes[0:0] = lean


def _headers(request: Request, protocol_check: Callable[..., int]) -> tuple[str, uuid.UUID | None]:
    """(the credential header, the op id): the protocol checked as the FastAPI routes check it."""
    headers = request.headers
    protocol = headers.get(PROTOCOL_HEADER)
    try:
        protocol_check(None if protocol is None else int(protocol))
    except ValueError:
        raise _invalid("header", PROTOCOL_HEADER.lower(), "Input should be a valid integer") from None
    op = headers.get(OP_HEADER)
    try:
        op_id = None if op is None else uuid.UUID(op)
    except ValueError:
        raise _invalid("header", OP_HEADER, "Input should be a valid UUID") from None
    return headers.get("authorization") or "", op_id


def _number(value: int) -> int:
    if not 1 <= value <= 9999:
        raise _invalid("path", "number", "Input should be between 1 and 9999")
    return value


async def _body(request: Request, model: type[BaseModel]) -> BaseModel:
    """The body through *model*, read as FastAPI reads it (JSON when the content type says so or says nothing)."""
    raw = await request.body()
    kind = request.headers.get("content-type")
    if kind:
        message = email.message.Message()
        message["content-type"] = kind
        subtype = message.get_content_subtype()
        if message.get_content_maintype() != "application" or not (subtype == "json" or subtype.endswith("+json")):
            raise _invalid("body", None, "Input should be a valid JSON object")
    try:
        return model.model_validate_json(raw or b"null")
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        raise RequestValidationError([{**e, "loc": ("body", *e.get("loc", ()))} for e in errors]) from None


def _invalid(where: str, name: str | None, msg: str) -> RequestValidationError:
    loc = (where,) if name is None else (where, name)
    return RequestValidationError([{"type": "value_error", "loc": loc, "msg": msg, "input": None}])

