"""The registry rows, generated and encoded in a child process while the seed writes the rest.

The million registry rows are more than half of the seed's work, and they depend on
nothing the other collections produce (their own random streams, ``today``). A second
process builds them and their JSON bodies while this one builds and writes everything
else, then hands them over batch by batch (``RecordEncoder`` batches, ``seq`` still to be
assigned by the writer, so the database content is exactly the in-process seed's). On two
cores the seed then takes about the longer of the two halves rather than their sum.

The child is started with ``spawn`` (the same on Linux, macOS and Windows; nothing of this
process, such as open database connections, is inherited) and is a daemon: if the seed
fails or this process exits, it goes too. The seed uses it for the ``large`` set only; the
demo set stays in-process (the desktop app seeds it inside the app).
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Iterator
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING, Any

from server.seed.bulk import EncodedBatch, RecordEncoder

if TYPE_CHECKING:
    from server.seed.generate import Size

RESULT_WAIT_S = 1.0  # how often the reader checks that the child is still alive


class RegistryRowProducer:
    """Context manager: starts the child on enter, stops it on exit (if still running)."""

    def __init__(self, size: Size, today: date, updated_at: str) -> None:
        context = multiprocessing.get_context("spawn")
        # Unbounded: the child runs ahead while this process writes the other collections
        # (its unread batches wait in the child's memory, up to a few hundred MB for large).
        self.results: Any = context.Queue()
        self.process = context.Process(
            target=produce_registry_rows,
            args=(size, today, updated_at, self.results),
            name="seed-registry-rows",
            daemon=True,
        )

    def __enter__(self) -> RegistryRowProducer:
        self.process.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.results.close()
        self.results.join_thread()

    def batches(self) -> Iterator[EncodedBatch]:
        """The child's batches in order; raises if the child failed or died."""
        while True:
            try:
                item = self.results.get(timeout=RESULT_WAIT_S)
            except queue.Empty:
                if self.process.is_alive():
                    continue
                try:  # it may have put its last batch just before exiting
                    item = self.results.get(timeout=RESULT_WAIT_S)
                except queue.Empty:
                    raise RuntimeError(
                        f"the registry row generator exited ({self.process.exitcode})"
                    ) from None
            if item is None:
                return
            if isinstance(item, str):
                raise RuntimeError(f"the registry row generator failed:\n{item}")
            yield item


def produce_registry_rows(size: Size, today: date, updated_at: str, results: Any) -> None:
    """The child's work: every registry row's batch, then ``None`` (or the traceback)."""
    from server.seed.generate import registry_row_records  # noqa: PLC0415 - no import cycle

    try:
        encoder = RecordEncoder("registry_rows", updated_at)
        for batch in encoder.batches(registry_row_records(size, today)):
            results.put(batch)
    except BaseException:
        results.put(traceback.format_exc())
        raise
    results.put(None)
