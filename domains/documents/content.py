"""What the documents' commands and tab need of a document's bytes, without Qt or the
network: a staged upload (``StagedFile``, carried by the outbox as its ``content_ref``)
and the port that stages, opens and keeps content (``DocumentFiles``; the client's
``client.documents.DocumentContent`` implements it over the encrypted content files)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["DocumentFiles", "StagedFile", "Transfer", "staged_from_ref"]


@dataclass(frozen=True)
class StagedFile:
    """A file the user chose, already encrypted into the content store: what an upload
    sends. ``ref`` is what the outbox keeps (no plaintext, no path)."""

    sha256: str
    size: int
    filename: str
    content_type: str

    @property
    def ref(self) -> str:
        return json.dumps(
            {
                "sha256": self.sha256,
                "size": self.size,
                "filename": self.filename,
                "content_type": self.content_type,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    def renamed(self, filename: str) -> StagedFile:
        return StagedFile(self.sha256, self.size, filename, self.content_type)


def staged_from_ref(ref: str) -> StagedFile:
    """The staged file an outbox entry carries (``ValueError`` for anything else)."""
    data = json.loads(ref)
    if not isinstance(data, dict):
        raise ValueError("not a staged file")
    return StagedFile(
        str(data["sha256"]), int(data["size"]), str(data["filename"]), str(data["content_type"])
    )


@dataclass(frozen=True)
class Transfer:
    """An upload on its way: which content, how far (bytes the server has of it)."""

    sha256: str
    filename: str
    done: int
    total: int

    def moved(self, done: int) -> Transfer:
        return Transfer(self.sha256, self.filename, done, self.total)


Progress = Callable[[int, int], None]
"""(bytes done, bytes in all) of a download or a staging."""


class DocumentFiles(Protocol):
    """Document content for the tab: every method is slow (disk, crypto, network) and
    runs on a worker."""

    def stage(self, path: str, progress: Progress | None = None) -> StagedFile:
        """Encrypt the chosen file into the content store (nothing is sent yet)."""
        ...

    def open(self, document: Mapping[str, Any], progress: Progress | None = None) -> bytes:
        """The document's current bytes: from the store, else downloaded (resuming a
        broken download) into it and checked against its ``sha256``. Raises the
        client's ``NetworkError`` when it is not kept and the server cannot be reached."""
        ...

    def open_external(self, document: Mapping[str, Any]) -> str:
        """A plaintext copy for the document's own program, in a private temporary
        folder outside the profile; returns its path."""
        ...

    def clear_external(self) -> int:
        """Remove every copy opened externally (at start and when the app quits)."""
        ...

    def is_kept(self, sha256: str) -> bool:
        """Whether this content is in the store (it opens offline)."""
        ...

    def usage(self) -> int:
        """Bytes the kept content takes on disk."""
        ...

    def transfers(self) -> list[Transfer]:
        """The uploads on their way now (no I/O: the tab may poll it on the GUI thread)."""
        ...

    def cancel_upload(self, sha256: str) -> bool:
        """Stop the running upload of this content (no I/O here: the sync's worker removes
        its session from the server); returns whether one was running."""
        ...

    def read_staged(self, sha256: str) -> bytes:
        """The bytes of a staged file (the user's side of a conflict, for its preview)."""
        ...

    def tidy(self, in_use: set[str], keep: set[str], limit_bytes: int) -> int:
        """Remove content no document uses any more, then the least recently opened
        beyond ``limit_bytes`` (never what ``keep`` names: queued uploads, documents
        kept offline); returns the bytes freed."""
        ...
