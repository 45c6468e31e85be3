"""`pmr-print serve`: bind 127.0.0.1, load everything, print the URL, open the browser, serve
until Ctrl-C."""

from __future__ import annotations

import errno
import pathlib
import socket
import sys
import threading
import webbrowser
from types import FrameType

import uvicorn

from pmr_print import api
from pmr_print.problems import UsageError
from pmr_print.web.app import make_app
from pmr_print.web.connections import ACCEPT_BATCH, GuardedProtocol, connection_cap
from pmr_print.web.workers import Workers


def bind(port: int | None) -> socket.socket:
    """A listening socket on 127.0.0.1 only: the given port, or a free one."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port or 0))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            in_use = f"--port {port}: the port is in use; leave out --port for a free one"
            raise UsageError(in_use) from None
        raise UsageError(f"--port {port}: {error.strerror}") from None
    sock.listen(ACCEPT_BATCH)
    return sock


class Server(uvicorn.Server):
    """uvicorn's server, which stops the long-work worker first when asked to stop (Ctrl-C, a
    SIGTERM), so that a workshop in progress ends at once instead of holding the shutdown."""

    def __init__(self, config: uvicorn.Config, workers: Workers) -> None:
        super().__init__(config)
        self.workers = workers

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.workers.close()
        super().handle_exit(sig, frame)


def warm_up(content_dir: pathlib.Path | None) -> None:
    """One handout per language, so that fonts are registered before the first request."""
    for lang in api.languages(content_dir):
        api.handout_pdf(api.load(lang, content_dir), api.PrintOptions())


def serve(
    port: int | None,
    open_browser: bool,
    content_dir: pathlib.Path | None = None,
    workers: Workers | None = None,
) -> int:
    """Serve until Ctrl-C; long work goes to `workers` (default: Workers(content_dir))."""
    sock = bind(port)
    bound = sock.getsockname()[1]
    url = f"http://127.0.0.1:{bound}/"
    workers = workers or Workers(content_dir)
    GuardedProtocol.cap = connection_cap()
    try:
        app = make_app(bound, content_dir, workers)
        warm_up(content_dir)
        print(url, flush=True)
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            http=GuardedProtocol,
            backlog=ACCEPT_BATCH,
        )
        Server(config, workers).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        workers.close()
        sock.close()
    print("pmr-print: stopped", file=sys.stderr, flush=True)
    return 0
