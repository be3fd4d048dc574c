"""Streaming multipart uploads: the file part goes to disk as it arrives, hashed on the way,
and the request is refused (413) the moment it passes the limit, read no further."""

from __future__ import annotations

import hashlib
import mimetypes
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from server.blobs import BlobStore
from server.errors import ApiError, validation_error
from server.text import unsafe_character_problem

MAX_FILENAME_CHARS = 200
MAX_FILENAME_BYTES = 255
_FORBIDDEN_CHARS = set('/\\:*?"<>|')
_RESERVED_STEMS = (
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in [*"123456789", "¹", "²", "³"]}
    | {f"LPT{i}" for i in [*"123456789", "¹", "²", "³"]}
)
_MIME = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$")
_MULTIPART_OVERHEAD = 64 * 1024
# RFC 2046 lets an epilogue follow the closing boundary; clients send a CRLF at most.
_EPILOGUE_BYTES = 1024


def check_filename(name: str) -> str:
    """A name that is safe on Windows and Linux, or a 422 that says what is wrong."""
    name = unicodedata.normalize("NFC", name)
    if not name:
        raise validation_error("filename", "must not be empty")
    if len(name) > MAX_FILENAME_CHARS or len(name.encode("utf-8")) > MAX_FILENAME_BYTES:
        raise validation_error("filename", f"at most {MAX_FILENAME_CHARS} characters")
    problem = unsafe_character_problem(name)
    if problem is not None:
        raise validation_error("filename", problem)
    if any(c in _FORBIDDEN_CHARS for c in name):
        raise validation_error("filename", 'path separators and :*?"<>| are not allowed')
    if name in (".", "..") or name != name.strip() or name.endswith("."):
        raise validation_error("filename", "may not start or end with a space or end with a dot")
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    if stem in _RESERVED_STEMS:
        raise validation_error("filename", "is a name Windows reserves for devices")
    return name


def check_content_type(declared: str | None, filename: str) -> str:
    value = (declared or "").split(";", 1)[0].strip().lower()
    if not value or value == "application/octet-stream":
        guessed, _ = mimetypes.guess_type(filename, strict=False)
        return guessed or "application/octet-stream"
    if not _MIME.fullmatch(value):
        raise validation_error("file", "the part's Content-Type is not a media type")
    return value


@dataclass
class ReceivedFile:
    temp_path: Path
    sha256: str
    size: int
    filename: str
    content_type: str


@dataclass
class ReceivedUpload:
    metadata: bytes | None = None
    file: ReceivedFile | None = None
    _temp: list[Path] = field(default_factory=list)

    def discard(self) -> None:
        """Remove any temporary file that was not moved into the blob store."""
        for path in self._temp:
            path.unlink(missing_ok=True)


class _PartCollector:
    """Callbacks for python-multipart: one part at a time, headers first, then data."""

    def __init__(self, blobs: BlobStore, max_file: int, max_field: int) -> None:
        self.blobs, self.max_file, self.max_field = blobs, max_file, max_field
        self.result = ReceivedUpload()
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._headers: dict[bytes, bytes] = {}
        self._name: str | None = None
        self._filename: str | None = None
        self._field = bytearray()
        self._handle: BinaryIO | None = None
        self._temp_path: Path | None = None
        self._hasher = hashlib.sha256()
        self._size = 0
        self._pending = ("", "")
        self.ended = False

    def on_end(self) -> None:
        self.ended = True

    def on_part_begin(self) -> None:
        self._headers = {}
        self._name = self._filename = None

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[bytes(self._header_field).lower()] = bytes(self._header_value)
        self._header_field.clear()
        self._header_value.clear()

    def on_headers_finished(self) -> None:
        disposition, options = parse_options_header(self._headers.get(b"content-disposition"))
        if disposition != b"form-data" or b"name" not in options:
            raise validation_error("body", "each part needs Content-Disposition: form-data")
        try:
            self._name = options[b"name"].decode("utf-8")
            raw_filename = options.get(b"filename")
            self._filename = raw_filename.decode("utf-8") if raw_filename is not None else None
        except UnicodeDecodeError as error:
            raise validation_error("filename", "is not valid UTF-8") from error
        if self._name == "file":
            if self.result.file is not None or self._handle is not None:
                raise validation_error("file", "send one file")
            filename = check_filename(self._filename or "")
            declared = self._headers.get(b"content-type", b"").decode("latin-1")
            content_type = check_content_type(declared, filename)
            temp = self.blobs.new_temp()
            self._handle, self._temp_path = temp.handle, temp.path
            self.result._temp.append(temp.path)
            self._hasher = hashlib.sha256()
            self._size = 0
            self._pending = (filename, content_type)
        elif self._name == "metadata":
            if self.result.metadata is not None:
                raise validation_error("metadata", "send it once")
            self._field.clear()
        else:
            raise validation_error(self._name[:50], "unknown part; send 'file' and 'metadata'")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._handle is not None:
            self._size += len(chunk)
            if self._size > self.max_file:
                raise too_large(self.max_file)
            self._hasher.update(chunk)
            self._handle.write(chunk)
        else:
            self._field += chunk
            if len(self._field) > self.max_field:
                raise validation_error("metadata", "is too long")

    def on_part_end(self) -> None:
        if self._handle is not None:
            self._handle.close()
            assert self._temp_path is not None
            filename, content_type = self._pending
            self.result.file = ReceivedFile(
                self._temp_path, self._hasher.hexdigest(), self._size, filename, content_type
            )
            self._handle = None
        elif self._name == "metadata":
            self.result.metadata = bytes(self._field)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


def too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        "too_large",
        f"The file is larger than this server accepts ({limit // (1024 * 1024)} MB).",
        headers={"Connection": "close"},
        limit_bytes=limit,
    )


async def receive_upload(
    request: Request, blobs: BlobStore, max_file: int, max_field: int
) -> ReceivedUpload:
    """Parse a multipart/form-data body part by part; the caller must ``discard()`` it."""
    media, options = parse_options_header(request.headers.get("content-type"))
    boundary = options.get(b"boundary")
    if media != b"multipart/form-data" or not boundary:
        raise ApiError(415, "unsupported_media_type", "Send multipart/form-data with a boundary.")
    body_limit = max_file + max_field + _MULTIPART_OVERHEAD
    declared_length = request.headers.get("content-length")
    if declared_length is not None:
        try:
            length = int(declared_length)
        except ValueError as error:
            raise ApiError(400, "bad_request", "Content-Length is not a number.") from error
        if length > body_limit:
            raise too_large(max_file)
    collector = _PartCollector(blobs, max_file, max_field)
    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": collector.on_part_begin,
            "on_part_data": collector.on_part_data,
            "on_part_end": collector.on_part_end,
            "on_header_field": collector.on_header_field,
            "on_header_value": collector.on_header_value,
            "on_header_end": collector.on_header_end,
            "on_headers_finished": collector.on_headers_finished,
            "on_end": collector.on_end,
        },
    )
    received = after_end = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > body_limit:
                raise too_large(max_file)
            if collector.ended:
                after_end += len(chunk)
                if after_end > _EPILOGUE_BYTES:
                    raise ApiError(
                        400,
                        "bad_request",
                        "The body goes on after the multipart closing boundary.",
                        headers={"Connection": "close"},
                    )
                continue
            parser.write(chunk)
        parser.finalize()
        if not collector.ended:
            raise validation_error("body", "the multipart body ends before its closing boundary")
    except MultipartParseError as error:
        collector.close()
        collector.result.discard()
        raise validation_error("body", "not a well-formed multipart body") from error
    except BaseException:
        collector.close()
        collector.result.discard()
        raise
    return collector.result
