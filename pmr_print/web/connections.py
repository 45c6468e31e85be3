"""Slow or many clients cannot starve the server: uvicorn's HTTP protocol with a cap on open
connections and read deadlines.

uvicorn checks `limit_concurrency` only once a request's head has arrived, and has no deadline
for a head or a body: 300 connections that trickle their heads would hold 300 open files, and
past the process's file limit asyncio logs every failed accept with a traceback. So a new
connection beyond the cap closes the one that has waited longest for its client (a head or body
still arriving), or is answered 503 when every connection is being served; a head must arrive
within HEAD_SECONDS and a body within BODY_SECONDS, or the connection is closed, without a word
in the log.
"""

from __future__ import annotations

import asyncio
import resource
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_SECONDS = 10.0
BODY_SECONDS = 60.0  # 8 MB, the largest body, takes well under a second on the loopback
# asyncio accepts up to the backlog's number of connections at once, before any of them can be
# closed: a small batch keeps the open files near the cap.
ACCEPT_BATCH = 16
SPARE_FILES = 96  # for the fonts, the worker's pipes, the listening socket, output ...
MAX_CONNECTIONS = 1000
BUSY_BODY = (
    b'{"errors": [{"field": "body", "message": "the server has too many connections; try again"}]}'
)
BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
    b"connection: close\r\nretry-after: 5\r\n"
    b"content-length: " + str(len(BUSY_BODY)).encode() + b"\r\n\r\n" + BUSY_BODY
)


def connection_cap() -> int:
    """Connections to hold at most: below the process's file limit (raised to its hard limit
    first when that is allowed), leaving files for the rest of the server."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or soft < hard):
        wanted = 4096 if hard == resource.RLIM_INFINITY else min(hard, 4096)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
            soft = max(soft, wanted)
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(8, min(MAX_CONNECTIONS, soft - SPARE_FILES))


class GuardedProtocol(H11Protocol):
    """uvicorn's h11 protocol with the cap (`cap`, set by the server) and the deadlines."""

    cap = MAX_CONNECTIONS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.deadline: asyncio.TimerHandle | None = None
        self.waiting_since = self.loop.time()
        self.expect(HEAD_SECONDS)
        if len(self.connections) > self.cap and not self.make_room():
            transport.write(BUSY)
            transport.close()

    def make_room(self) -> bool:
        """Close the connection that has waited longest for its client; False if none waits."""
        waiting = [
            other
            for other in self.connections
            if isinstance(other, GuardedProtocol) and other is not self and other.waiting()
        ]
        if not waiting:
            return False
        oldest = min(waiting, key=lambda other: other.waiting_since)
        oldest.transport.close()
        self.connections.discard(oldest)
        return True

    def waiting(self) -> bool:
        """Whether the connection waits for its client: a head, or the rest of a body."""
        cycle: Any = self.cycle
        return cycle is None or cycle.response_complete or bool(cycle.more_body)

    def expect(self, seconds: float) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
        self.deadline = self.loop.call_later(seconds, self.too_slow)

    def too_slow(self) -> None:
        if self.waiting() and not self.transport.is_closing():
            self.transport.close()  # the app, if reading a body, sees the client go

    def handle_events(self) -> None:
        before: Any = self.cycle
        super().handle_events()
        cycle: Any = self.cycle
        if cycle is not before and cycle is not None:  # a new request's head: now its body
            self.waiting_since = self.loop.time()
            self.expect(BODY_SECONDS)
        if cycle is not None and not cycle.more_body and self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self.waiting_since = self.loop.time()
        self.expect(HEAD_SECONDS)  # the next request's head, on a kept-alive connection

    def connection_lost(self, exc: Exception | None) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
        super().connection_lost(exc)
