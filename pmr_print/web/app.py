"""The Starlette application: the page, its fonts and script, the form it posts, and the API."""

from __future__ import annotations

import json
import os
import pathlib
import re
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pmr_print.limits import quoted
from pmr_print.locales import first_accepted
from pmr_print.problems import PmrError, summarised
from pmr_print.resources import fonts_dir
from pmr_print.web.fields import FieldErrors, Reader, Upload, Validated, unicode_errors
from pmr_print.web.guard import CONTENT_SECURITY_POLICY, MAX_BODY, MAX_FIELD, Guard
from pmr_print.web.page import render_page
from pmr_print.web.practice import Practice
from pmr_print.web.products import PRODUCTS, Result, Shelf
from pmr_print.web.text import TEXTS, negotiate
from pmr_print.web.workers import Busy, Workers

STATIC = pathlib.Path(__file__).parent / "static"
# The page's own faces: Latin, and Chinese for every page (no Chinese system font needed).
PAGE_FONTS = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansSC-Regular.ttf",
    "NotoSansSC-Bold.ttf",
)
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# The bad rows a response header lists, each cut to a readable length: browsers, curl and httpx
# refuse a response head over 16 to 256 kB; the full list is in the zip (workshop/problems.txt).
HEADER_PROBLEMS = 10
HEADER_PROBLEM_CHARS = 160
FILE_CHUNK = 1 << 20  # bytes of a file sent at a time
BYTE_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
BUSY = (
    "the server is busy with other long builds (workshops, print files, long logs); "
    "try again in a minute"
)


class Gone(Exception):
    """The client went away before its request arrived: nobody to answer, nothing to log."""


class MemoryParser(MultiPartParser):
    """Uploads stay in memory up to the body limit: nothing is written to disk."""

    spool_max_size = MAX_BODY


class Service:
    """What the routes share: content and fonts loaded once, and where builds run (quick ones
    one at a time in this process, long ones in a worker: pmr_print.web.workers)."""

    def __init__(self, shelf: Shelf, workers: Workers) -> None:
        self.shelf = shelf
        self.fonts = {name: (fonts_dir() / name).read_bytes() for name in PAGE_FONTS}
        self.workers = workers

    def make(self, product: str, reader: Reader, job_id: str | None = None) -> Result:
        """The product, or FieldErrors in the order of its fields (the page's order); a long job
        named by `job_id` tells its progress (Service.progress)."""
        found = PRODUCTS[product]
        try:
            if found.long(reader):
                try:  # bad fields are answered at once, not after the long builds queued
                    found.make(reader.dry_copy(), self.shelf)
                except Validated:
                    pass
                return self.workers.long(found.make, reader, job_id)
            return self.workers.quick(found.make, reader, self.shelf)
        except FieldErrors as error:
            rank = {key: index for index, key in enumerate(found.keys)}
            ordered = sorted(
                error.errors.items(), key=lambda item: rank.get(item[0], len(found.keys))
            )
            raise FieldErrors(dict(ordered), error.problems, error.status) from None

    async def page(self, request: Request) -> Response:
        """The page in the language the browser prefers; /en and /zh pin one (the switch)."""
        lang = request.url.path.strip("/")
        if lang not in TEXTS:
            lang = negotiate(request.headers.get("accept-language", ""), tuple(TEXTS))
        html = render_page(TEXTS[lang], self.shelf, {}, {}, request_region(request))
        return HTMLResponse(html, headers=page_headers())

    async def progress(self, request: Request) -> Response:
        """{"done": 12, "total": 40}: how far the page's long job (its form's `job`) is, as the
        worker last said; 404 for a job not (or no longer) known."""
        found = self.workers.progress(request.path_params["job"])
        if found is None:
            return Response(status_code=404, headers={"cache-control": "no-store"})
        body = json.dumps({"done": found[0], "total": found[1]})
        return Response(body, media_type="application/json", headers={"cache-control": "no-store"})

    async def font(self, request: Request) -> Response:
        data = self.fonts.get(request.path_params["name"])
        if data is None:
            return Response("no such font", status_code=404, media_type="text/plain")
        return Response(data, media_type="font/ttf", headers={"cache-control": "max-age=86400"})

    async def api(self, request: Request) -> Response:
        product = request.path_params["product"]
        if product not in PRODUCTS:
            known = ", ".join(PRODUCTS)
            text = f"unknown product {quoted(product)}; use one of: {known}"
            return errors_response(FieldErrors({"product": text}))
        try:
            values, files = await request_values(request)
            lang = negotiate(request.headers.get("accept-language", ""), tuple(TEXTS))
            reader = Reader(values, files, request_region(request), lang)
            reader.reject_unknown(PRODUCTS[product].keys)
            result = await run_in_threadpool(self.make, product, reader)
        except FieldErrors as error:
            return errors_response(error)
        except Busy:
            return busy_response()
        except Gone:
            return Response(status_code=400)
        return result_response(result, "attachment")

    async def audio(self, request: Request) -> Response:
        """GET /api/audio?lang=zh&protocol=short&omit=back&format=mp3: the spoken session (as
        `pmr-print audio`); format=vtt gives its captions. A `Range: bytes=a-b` request gets
        206 with those bytes (416 past the end), so an <audio> element can seek; the session is
        built once, in the worker (Workers.recording keeps the last few)."""
        query = request.query_params
        lang, kind = query.get("lang", "en"), query.get("format", "opus")
        omit = tuple(o.strip() for v in query.getlist("omit") for o in v.split(",") if o.strip())
        made = None if kind == "vtt" else kind  # the captions come with any format
        protocol = query.get("protocol", "standard")
        try:
            spoken = await run_in_threadpool(self.workers.recording, lang, protocol, omit, made)
        except PmrError as error:
            return errors_response(FieldErrors({"audio": str(error)}))
        except FieldErrors as error:
            return errors_response(error)
        except Busy:
            return busy_response()
        if kind == "vtt":
            return Response(spoken.captions, media_type="text/vtt; charset=utf-8")
        name = f'attachment; filename="session-{lang}.{kind}"'
        return ranged_response(spoken.audio, spoken.media_type, request.headers.get("range"),
                               {"content-disposition": name})  # fmt: skip

    async def form(self, request: Request) -> Response:
        """The page's form: the product's fields only. Without JavaScript a bad field comes back
        as the page with the messages beside the fields and every value kept."""
        wants_json = "application/json" in request.headers.get("accept", "")
        values: Mapping[str, object] = {}
        try:
            values, files = await request_values(request)
            product = str(Reader(values).text("product", "handout"))
            if product not in PRODUCTS:
                raise FieldErrors({"product": f"unknown product {quoted(product)}"})
            known = PRODUCTS[product].keys
            chosen = {k: v for k, v in values.items() if k in known}
            lang = Reader(values).text("page_lang", "en")
            reader = Reader(chosen, files, request_region(request), lang)
            job_id = Reader(values).text("job") or None
            result = await run_in_threadpool(self.make, product, reader, job_id)
        except FieldErrors as error:
            if wants_json:
                return errors_response(error)
            lang = Reader(values).text("page_lang", "en")
            page_text = TEXTS.get(lang, TEXTS["en"])
            html = render_page(page_text, self.shelf, values, error.errors, request_region(request))
            return HTMLResponse(html, status_code=error.status, headers=page_headers())
        except Busy:
            return busy_response()
        except Gone:
            return Response(status_code=400)
        return result_response(result, "inline")


def request_region(request: Request) -> str | None:
    """Where the request comes from, as its first Accept-Language tag says ("en-GB"): its
    territory decides the paper and the first weekday unless the form names them."""
    return first_accepted(request.headers.get("accept-language", ""))


def page_headers() -> dict[str, str]:
    return {"content-security-policy": CONTENT_SECURITY_POLICY, "vary": "accept-language"}


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The first and last byte `Range: bytes=a-b` (or `bytes=a-`, `bytes=-n`) asks of `size`
    bytes; None to answer the whole body (no header, another unit, several ranges); (size, size)
    when no byte of it is there (416)."""
    found = BYTE_RANGE.fullmatch((header or "").replace(" ", ""))
    if found is None or found.group(1) == found.group(2) == "":
        return None
    first, last = found.group(1), found.group(2)
    if first == "":  # the last n bytes
        count = int(last)
        return (max(size - count, 0), size - 1) if count and size else (size, size)
    start, end = int(first), min(int(last) if last else size - 1, size - 1)
    if last and int(last) < start:
        return None  # not a valid range: ignored (RFC 9110 14.1.1)
    return (start, end) if start < size else (size, size)


def ranged_response(
    body: bytes, media_type: str, range_header: str | None, headers: dict[str, str]
) -> Response:
    """The whole body (200), or the part a Range header asks (206), or 416 when none of it is
    there; each says Accept-Ranges: bytes."""
    size = len(body)
    headers = {**headers, "accept-ranges": "bytes"}
    part = byte_range(range_header, size)
    if part is None:
        return Response(body, media_type=media_type, headers=headers)
    first, last = part
    if first >= size:
        headers["content-range"] = f"bytes */{size}"
        return Response(status_code=416, headers=headers)
    headers["content-range"] = f"bytes {first}-{last}/{size}"
    return Response(body[first : last + 1], status_code=206, media_type=media_type, headers=headers)


def errors_response(error: FieldErrors, headers: Mapping[str, str] | None = None) -> Response:
    """The JSON errors, ASCII-escaped: whatever a message quotes, it can be sent."""
    body = json.dumps(error.as_json()).encode("ascii")
    return Response(body, error.status, headers, media_type="application/json")


def busy_response() -> Response:
    return errors_response(FieldErrors({"body": BUSY}, status=503), {"retry-after": "30"})


def problems_header(problems: tuple[str, ...]) -> str:
    """The first bad rows, each cut to a readable length, and how many more: a few kB at most."""
    cut = [
        line if len(line) <= HEADER_PROBLEM_CHARS else line[:HEADER_PROBLEM_CHARS] + "…"
        for line in problems
    ]
    return json.dumps(summarised(cut, HEADER_PROBLEMS))


def result_response(result: Result, kind: str) -> Response:
    headers = {"content-disposition": result.disposition(kind), "cache-control": "no-store"}
    if result.problems:
        headers["x-pmr-problems"] = problems_header(result.problems)
    if result.path is not None:
        return file_response(result.path, result.media_type, headers)
    return Response(result.body, media_type=result.media_type, headers=headers)


def file_response(path: pathlib.Path, media_type: str, headers: dict[str, str]) -> Response:
    """A body made in a file (a workshop's zip), sent from it a megabyte at a time. The file is
    removed at once: the open handle keeps it readable, and nothing is left behind whether the
    download ends, stops or never starts."""
    handle = path.open("rb")
    path.unlink()
    size = os.fstat(handle.fileno()).st_size
    return StreamingResponse(
        chunks(handle), media_type=media_type, headers={**headers, "content-length": str(size)}
    )


def chunks(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(FILE_CHUNK):
            yield chunk


async def request_values(request: Request) -> tuple[dict[str, object], dict[str, Upload]]:
    """A JSON object, or a form's fields (each a list of its values) and its files, every key and
    text valid Unicode; Gone when the client leaves before sending it all."""
    try:
        values, files = await read_values(request)
    except ClientDisconnect:
        raise Gone from None
    errors = unicode_errors(values)
    if errors:
        raise FieldErrors(errors)
    return values, files


async def read_values(request: Request) -> tuple[dict[str, object], dict[str, Upload]]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().casefold()
    if kind == "application/json":
        return json_values(await request.body()), {}
    if kind not in FORM_TYPES:
        if await request.body():
            raise FieldErrors({"body": "send application/json or multipart/form-data"})
        return {}, {}
    try:
        if kind == FORM_TYPES[0]:
            parser = MemoryParser(
                request.headers,
                request.stream(),
                max_files=4,
                max_fields=200,
                max_part_size=MAX_FIELD,
            )
            form = await parser.parse()
        else:
            form = await request.form(max_fields=200, max_part_size=MAX_FIELD)
    except MultiPartException as error:
        raise FieldErrors({"body": error.message}) from None
    except HTTPException as error:  # Starlette's own, e.g. too many fields of a urlencoded form
        raise FieldErrors({"body": str(error.detail)}) from None
    values: dict[str, object] = {}
    files: dict[str, Upload] = {}
    for key, value in form.multi_items():
        if isinstance(value, str):
            values.setdefault(key, [])
            values[key].append(value)  # type: ignore[attr-defined]
        elif value.filename:
            files[key] = Upload(value.filename, await value.read())
    await form.close()
    return values, files


def json_values(body: bytes) -> dict[str, object]:
    try:
        data = json.loads(body or b"{}")
    except ValueError as error:
        raise FieldErrors({"body": f"not valid JSON: {error}"}) from None
    except RecursionError:
        raise FieldErrors({"body": "not valid JSON: nested too deeply"}) from None
    if not isinstance(data, dict):
        raise FieldErrors({"body": "the JSON body must be an object of options"})
    return data


def make_app(
    port: int, content_dir: pathlib.Path | None = None, workers: Workers | None = None
) -> Starlette:
    """The application for a server on 127.0.0.1:port, with the content loaded now; long work
    goes to `workers` (the caller stops them: Workers.close)."""
    service = Service(Shelf.load(content_dir), workers or Workers(content_dir))
    practice = Practice(service.shelf, service.workers.lock)
    routes = [
        Route("/practice", practice.page),
        Route("/", service.page),
        *(Route(f"/{lang}", service.page) for lang in TEXTS),
        Route("/make", service.form, methods=["POST"]),
        Route("/api/audio", service.audio, methods=["GET"]),
        Route("/api/{product:str}", service.api, methods=["POST"]),
        Route("/progress/{job:str}", service.progress),
        Route("/fonts/{name:str}", service.font),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, port=port)])
