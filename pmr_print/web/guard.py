"""Local and safe: answer only to our own Host (DNS rebinding) and Origin, refuse bodies over the
limit, and send headers that keep the page to what the server itself serves."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pmr_print.limits import quoted

MAX_BODY = 8 * 1024 * 1024  # a filled-in log is about 2 MB; a diary a few kB
MAX_FIELD = 64 * 1024  # a text field of a form

# Everything the page uses comes from this server; a blob: frame shows the PDF just made. That
# frame inherits this policy, and the accessible HTML edition it may show is one self-contained
# file (an inline stylesheet, fonts as data: URLs, SVG style attributes): hence inline styles and
# data: fonts. Scripts stay the server's own only.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self' blob:",
        "object-src 'self' blob:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
    )
)
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


class TooLarge(Exception):
    """The body grew past the limit while it was being read."""


async def refuse(send: Send, status: int, field: str, text: str) -> None:
    body = json.dumps({"errors": [{"field": field, "message": text}]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware in front of the whole application."""

    def __init__(self, app: ASGIApp, port: int, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}
        self.url = f"http://127.0.0.1:{port}/"
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {
            key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]
        }
        host = headers.get("host", "")
        if host not in self.hosts:
            text = f"refused: this server answers only to {self.url}, not to host {quoted(host)}"
            await refuse(send, 421, "host", text)
            return
        origin = headers.get("origin")
        if origin is not None and origin not in self.origins:
            text = f"refused: a page of {quoted(origin)} may not use it"
            await refuse(send, 403, "origin", text)
            return
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > self.max_body:
            await refuse(send, 413, "body", self.too_large())
            return
        await self.guarded(scope, receive, send)

    def too_large(self) -> str:
        return f"the request is larger than {self.max_body // (1024 * 1024)} MB"

    async def guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise TooLarge
            return message

        async def headed_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            await self.app(scope, counting_receive, headed_send)
        except TooLarge:
            if started:
                raise
            await refuse(send, 413, "body", self.too_large())
