"""The sync engine: push the outbox, then pull what changed (API.md, "Delta sync").

It runs wherever it is called (the UI calls it on a worker thread) and talks to the
cache only through the objects it is given, all on one connection. Pushing comes first,
so a page never brings back a record the user has changed and not yet sent; the outbox
keeps local changes over server pages anyway (see ``cache.store``).

Pulling: departments and people first (the directory is usable once they are in),
each collection's pages fetched a couple ahead on a helper thread while this one
stores them (the cache's connection never leaves this thread). The registry rows'
search index is not built by the sync: ``index_for_search`` does it afterwards (the
window runs it on a worker), and searches answer meanwhile (``cache.search``).
"""

from __future__ import annotations

import functools
import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from cache.changes import Changes, ChangeSource
from cache.errors import MalformedPage
from cache.meta import Meta
from cache.outbox import EntryGone, Outbox, OutboxEntry, OutboxState
from cache.store import RecordStore
from client.api import ApiClient
from client.errors import (
    ApiProblem,
    AuthenticationError,
    Conflict,
    CursorExpired,
    IntranetError,
    MalformedResponse,
    Retryable,
    VersionMismatch,
)
from domains.catalog import CATALOG, DERIVATIONS

log = logging.getLogger(__name__)

INDEX_STEP = 20_000  # rows indexed for search between two checks for cancellation
SEARCH_INDEX = "search_index"  # SyncProgress.collection while registry rows are indexed
DIRECTORY_COLLECTIONS = ("departments", "people")
"""Pulled first: the staff directory is usable as soon as they are in."""
PULLED_COLLECTIONS = DIRECTORY_COLLECTIONS + tuple(
    c for c in CATALOG.names if c != "registry_rows" and c not in DIRECTORY_COLLECTIONS
)
PAGES_AHEAD = 2
"""Pages fetched ahead while the cache stores the current one (bounded memory)."""


class SyncCancelled(IntranetError):
    """The user cancelled; what was applied so far stays (each page is whole)."""


class ChangeWithdrawn(EntryGone):
    """A content sender stopped because the user cancelled the upload: the engine
    withdraws the record's queued changes (as "Discard" does) so nothing resends it."""


class SyncAlreadyRunning(IntranetError):
    """Another sync of this cache is under way."""


@dataclass(frozen=True)
class SyncProgress:
    """Reported after every page and outbox entry; ``total`` is None when not known.
    ``still_to_come``: the collections this sync pulls after this one (the status bar
    says what is still coming while the directory is already usable). ``changes``: the
    records a page stored or deleted (ids None: the collection was reset first)."""

    collection: str
    done: int
    total: int | None
    still_to_come: tuple[str, ...] = field(default=(), compare=False)
    changes: Changes | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Reporting:
    """A progress callback that adds what is still to come to each report."""

    notify: Callable[[SyncProgress], None]
    still_to_come: tuple[str, ...]

    def __call__(self, update: SyncProgress) -> None:
        self.notify(
            SyncProgress(
                update.collection, update.done, update.total, self.still_to_come, update.changes
            )
        )


@dataclass
class SyncReport:
    pulled: dict[str, int] = field(default_factory=dict)  # rows applied per collection
    deleted: dict[str, int] = field(default_factory=dict)
    pushed: int = 0
    push_errors: int = 0
    push_conflicts: int = 0
    push_waiting: int = 0  # entries left for a later attempt (network, 429, 5xx)
    requests: int = 0
    seconds: float = 0.0
    answered: Changes = field(default_factory=lambda: Changes(ChangeSource.OUTBOX_ANSWER))
    """The records whose queued changes the server answered (accepted, refused, conflict)."""
    received: Changes = field(default_factory=lambda: Changes(ChangeSource.SYNC_PAGE))
    """The records the pulled pages stored or deleted (ids None: a collection reset)."""


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter, at least what the server asked for."""

    base: float = 2.0
    cap: float = 15 * 60.0
    page_attempts: int = 3  # a sync page is tried this often before the sync fails

    def delay(self, attempts: int, retry_after: float | None, rng: random.Random) -> float:
        ceiling = min(self.cap, self.base * 2.0 ** max(attempts - 1, 0))
        return max(rng.uniform(ceiling / 2, ceiling), retry_after or 0.0)


ProgressCallback = Callable[[SyncProgress], None]
ContentOpener = Callable[[str], dict[str, Any]]


class ContentSender(Protocol):
    """Sends the queued uploads it ``handles`` itself (resumable, streamed: large files),
    raising the client's errors as ``ApiClient.send`` does."""

    def handles(self, ref: str) -> bool: ...

    def send(self, entry: OutboxEntry) -> Any: ...


class SyncEngine:
    """Syncs one cache with one server. ``run`` may be called from any one thread at a
    time; a second concurrent call raises ``SyncAlreadyRunning``."""

    def __init__(
        self,
        api: ApiClient,
        records: RecordStore,
        outbox: Outbox,
        meta: Meta,
        *,
        offline_registries: Callable[[], Iterable[str]] = lambda: (),
        page_size: int = 5000,
        retry: RetryPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        content_opener: ContentOpener | None = None,
        derivations: Iterable[Callable[[Any], object]] = DERIVATIONS,
        content_sender: ContentSender | None = None,
    ) -> None:
        self.api = api
        self.records = records
        self.outbox = outbox
        self.meta = meta
        self._offline_registries = offline_registries
        self._page_size = page_size
        self._retry = retry or RetryPolicy()
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._content_opener = content_opener
        self._content_sender = content_sender
        self._running = threading.Lock()
        self._derivations = tuple(derivations)

    def run(
        self,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        if not self._running.acquire(blocking=False):
            raise SyncAlreadyRunning("A sync is already running.")
        try:
            report = SyncReport()
            started = time.monotonic()
            notify = progress or (lambda _p: None)
            stop = cancel or threading.Event()
            self._push(report, notify, stop)
            self._pull(report, notify, stop)
            self._derive()
            self.meta.touch_server_contact(self._clock())
            report.seconds = time.monotonic() - started
            return report
        finally:
            self._running.release()

    def _derive(self) -> None:
        """What the cache derives from the records just pulled (``DERIVATIONS``). A
        failure is logged and the sync goes on: readers then compute from the records."""
        for derive in self._derivations:
            try:
                derive(self.records.database)
            except Exception as error:
                log.warning("deriving from the synced records failed: %s", type(error).__name__)

    # --- push -----------------------------------------------------------------

    def _push(self, report: SyncReport, notify: ProgressCallback, stop: threading.Event) -> None:
        """Oldest first. A change waits behind an earlier change of the same record that
        waits, was refused or conflicts (it builds on it); the changes of other records
        go on. Only a change without a record (and the network being down) stops all."""
        entries = self.outbox.pending()
        now = self._clock()
        held: set[tuple[str | None, str]] = set()  # records whose later changes wait
        for done, entry in enumerate(entries, start=1):
            if stop.is_set():
                raise SyncCancelled("Sync cancelled.")
            record = None if entry.record_id is None else (entry.collection, entry.record_id)
            if record is not None and record in held:
                report.push_waiting += 1
                continue
            if entry.next_attempt_at is not None and entry.next_attempt_at > now:
                if record is None:  # no record to tell what depends on it: all wait
                    report.push_waiting += len(entries) - done + 1
                    return
                held.add(record)
                report.push_waiting += 1
                continue
            # As it is now: an earlier answer may have rebased it (a new If-Match, the
            # server's id for a record created here) or settled it.
            current = self.outbox.get(entry.id)
            if current is None or current.state not in (
                OutboxState.PENDING,
                OutboxState.UPLOADING,
            ):
                continue
            try:
                sent = self._push_one(current, report)
            except ChangeWithdrawn:
                if current.collection is not None and current.record_id is not None:
                    self.outbox.discard_changes(current.collection, current.record_id)
                    report.answered = report.answered.merged(
                        Changes.of(
                            ChangeSource.OUTBOX_ANSWER, current.collection, [current.record_id]
                        )
                    )
                log.info("an upload was cancelled on its way")
                continue
            except EntryGone:
                # Discarded by the user while it was on its way: whatever the server
                # did with it, its next page tells (the local record was rolled back).
                log.info("a change was discarded while it was being sent")
                continue
            if not sent:
                report.push_waiting += len(entries) - done
                return
            if record is not None:
                answered = self.outbox.get(entry.id)
                if answered is not None and answered.state in (
                    OutboxState.ERROR,
                    OutboxState.CONFLICT,
                ):
                    held.add(record)
            # The answers so far (cumulative): the UI announces them even if the pull fails.
            notify(SyncProgress("outbox", done, len(entries), changes=report.answered))

    def _push_one(self, entry: OutboxEntry, report: SyncReport) -> bool:
        """Send one entry; False when the rest must wait (the network or server is down)."""
        self.outbox.mark_uploading(entry.id)
        report.requests += 1
        try:
            sender = self._content_sender
            if entry.content_ref is not None and sender and sender.handles(entry.content_ref):
                answer = sender.send(entry)
            else:
                answer = self.api.send(
                    entry.method,
                    entry.path,
                    entry.body,
                    idempotency_key=entry.idempotency_key,
                    if_match=entry.if_match,
                    files=self._files_for(entry),
                )
        except (Retryable, MalformedResponse) as error:
            # The same idempotency key makes a resend safe whatever reached the server.
            retry_after = getattr(error, "retry_after", None)
            delay = self._retry.delay(entry.attempts + 1, retry_after, self._rng)
            self.outbox.mark_retry(entry.id, str(error), self._clock() + timedelta(seconds=delay))
            report.push_waiting += 1
            return False
        except AuthenticationError:
            self.outbox.mark_retry(entry.id, "not signed in", self._clock())
            raise
        except VersionMismatch as error:
            if _already_applied(entry, error.current):
                # A resend whose first answer was lost: the server has these values.
                self.outbox.mark_done(entry.id, error.current)
                report.pushed += 1
            else:
                self.outbox.mark_conflict(entry.id, error.current)
                report.push_conflicts += 1
        except Conflict as error:
            if error.code == "idempotency_in_progress":  # the first send is still running
                self.outbox.mark_retry(entry.id, error.detail, self._clock() + timedelta(seconds=1))
                report.push_waiting += 1
                return False
            # A 409 has no server record to show; its reason (a taken room) is what matters.
            self.outbox.mark_conflict(entry.id, None, reason=error.refusal_text())
            report.push_conflicts += 1
        except ApiProblem as error:
            self.outbox.mark_error(entry.id, error.refusal_text())
            report.push_errors += 1
        else:
            record = _first_record(answer, entry)
            self.outbox.mark_done(entry.id, record)
            report.pushed += 1
            if record is not None and entry.collection is not None:
                report.answered = report.answered.merged(
                    Changes.of(ChangeSource.OUTBOX_ANSWER, entry.collection, [str(record["id"])])
                )
        if entry.collection is not None and entry.record_id is not None:
            report.answered = report.answered.merged(
                Changes.of(ChangeSource.OUTBOX_ANSWER, entry.collection, [entry.record_id])
            )
        return True

    def _files_for(self, entry: OutboxEntry) -> dict[str, Any] | None:
        if entry.content_ref is None:
            return None
        if self._content_opener is None:
            raise MalformedResponse("No way to read the file of this upload.")
        return self._content_opener(entry.content_ref)

    # --- pull -----------------------------------------------------------------

    def _pull(self, report: SyncReport, notify: ProgressCallback, stop: threading.Event) -> None:
        heads = self._with_retries(self.api.sync_heads, report)
        due = [
            collection
            for collection in PULLED_COLLECTIONS
            if (head := heads.collections.get(collection)) is not None
            and head != self.records.cursor(collection)
        ]
        wanted = set(self._offline_registries())
        registries = [
            registry_id
            for registry_id in sorted(wanted.intersection(heads.registry_rows))
            if heads.registry_rows[registry_id] != self.records.cursor("registry_rows", registry_id)
        ]
        still = due + (["registry_rows"] if registries else [])
        for collection in due:
            still.remove(collection)
            step = _Reporting(notify, tuple(still))
            self._pull_collection(collection, None, None, report, step, stop)
        kept = self.records.scopes("registry_rows")
        for registry_id in sorted(kept - wanted.intersection(heads.registry_rows)):
            # No longer chosen, or no longer readable: its rows leave this computer.
            self.records.reset_collection("registry_rows", registry_id)
            report.received = report.received.merged(
                Changes.of(ChangeSource.SYNC_PAGE, "registry_rows", None)
            )
        for registry_id in registries:
            total = self._row_count(registry_id)
            self._pull_collection("registry_rows", registry_id, total, report, notify, stop)

    def index_for_search(
        self,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Index what the syncs stored for search in bulk (registry rows), after the
        sync, so that the sync ends without waiting for it (a million rows take about
        30 s). Resumable: each step commits, the next call goes on from there.
        Cancellable between steps (``SyncCancelled``). Searches meanwhile still answer
        (``cache.search``: a scan over what is not indexed yet). Returns rows indexed."""
        notify = progress or (lambda _p: None)
        stop = cancel or threading.Event()
        if not self._running.acquire(blocking=False):
            raise SyncAlreadyRunning("A sync is already running.")
        try:
            waiting = self.records.search_index_pending()
            done = 0
            while done < waiting:
                if stop.is_set():
                    raise SyncCancelled("Indexing cancelled.")
                indexed = self.records.update_search_index(limit=INDEX_STEP)
                if indexed == 0:
                    break
                done += indexed
                notify(SyncProgress(SEARCH_INDEX, done, waiting))
            return done
        finally:
            self._running.release()

    def _row_count(self, registry_id: str) -> int | None:
        stored = self.records.get("registries", registry_id)
        count = None if stored is None else stored.record.get("row_count")
        return count if isinstance(count, int) else None

    def _pull_collection(
        self,
        collection: str,
        scope: str | None,
        total: int | None,
        report: SyncReport,
        notify: ProgressCallback,
        stop: threading.Event,
    ) -> None:
        """Pages are fetched on a thread of their own, a few ahead, while this one
        stores them: the sync takes about as long as the slower of the two, not the
        sum. The cache's connection stays on this thread."""
        cursor = self.records.cursor(collection, scope)
        restarted = False
        done = 0
        label = collection if scope is None else f"{collection}:{scope}"

        def fetch(since: str | None) -> dict[str, Any]:
            call = functools.partial(self.api.sync_page, collection, since, self._page_size, scope)
            page: dict[str, Any] = self._with_retries(call, report)
            return page

        while True:
            if stop.is_set():
                raise SyncCancelled("Sync cancelled.")
            try:
                with _PageFetcher(fetch, cursor, stop) as pages:
                    for page in pages:
                        if stop.is_set():
                            raise SyncCancelled("Sync cancelled.")
                        self._apply(collection, scope, page, report)
                        done += len(page["items"])
                        ids = None if restarted else _page_ids(page)
                        changes = Changes.of(ChangeSource.SYNC_PAGE, collection, ids)
                        report.received = report.received.merged(changes)
                        notify(SyncProgress(label, done, total, changes=changes))
                        cursor = page["cursor"]
                return
            except CursorExpired:
                if restarted:
                    raise
                log.info("cursor of %s expired: syncing it from the start", label)
                self.records.reset_collection(collection, scope)
                cursor, restarted, done = None, True, 0

    def _apply(
        self, collection: str, scope: str | None, page: dict[str, Any], report: SyncReport
    ) -> None:
        try:
            result = self.records.apply_page(
                collection, page["items"], page["deleted"], page["cursor"], scope=scope
            )
        except MalformedPage as error:
            raise MalformedResponse(
                f"The server sent a page the cache cannot take: {error}"
            ) from error
        report.pulled[collection] = report.pulled.get(collection, 0) + result.upserted
        report.deleted[collection] = report.deleted.get(collection, 0) + result.deleted

    def _with_retries(self, call: Callable[[], Any], report: SyncReport) -> Any:
        for attempt in range(1, self._retry.page_attempts + 1):
            report.requests += 1
            try:
                return call()
            except Retryable as error:
                if attempt == self._retry.page_attempts:
                    raise
                delay = self._retry.delay(attempt, error.retry_after, self._rng)
                log.info("retrying in %.1f s after: %s", delay, error)
                self._sleep(min(delay, 30.0))
        raise AssertionError("unreachable")


_END = object()  # the fetcher's last item: no more pages


class _PageFetcher:
    """Fetches one collection's pages in order on its own thread, at most
    ``PAGES_AHEAD`` ahead of the caller, who iterates over them. The fetch's own
    exception (``CursorExpired``, a network error) is raised by the iteration where
    the page would have been; a set ``stop`` ends it with ``SyncCancelled``. Leaving
    the ``with`` block ends the thread (after the request under way)."""

    def __init__(
        self,
        fetch: Callable[[str | None], dict[str, Any]],
        cursor: str | None,
        stop: threading.Event,
    ) -> None:
        self._fetch = fetch
        self._cursor = cursor
        self._stop = stop
        self._quit = threading.Event()
        self._pages: queue.Queue[Any] = queue.Queue(maxsize=PAGES_AHEAD)
        self._thread = threading.Thread(target=self._run, name="sync-fetch", daemon=True)

    def __enter__(self) -> _PageFetcher:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._quit.set()
        self._thread.join()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        while True:
            item = self._pages.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def _run(self) -> None:
        cursor = self._cursor
        try:
            while True:
                if self._stop.is_set():
                    self._put(SyncCancelled("Sync cancelled."))
                    return
                page = self._fetch(cursor)
                if not self._put(page) or not page["has_more"]:
                    self._put(_END)
                    return
                cursor = page["cursor"]
        except BaseException as error:  # handed to the caller's thread, raised there
            self._put(error)

    def _put(self, item: Any) -> bool:
        """Queue an item, waiting for room unless the caller has left; False if it has."""
        while not self._quit.is_set():
            try:
                self._pages.put(item, timeout=0.1)
            except queue.Full:
                continue
            return True
        return False


def _page_ids(page: dict[str, Any]) -> list[str]:
    """The ids a page stored or deleted."""
    return [str(item["id"]) for item in page["items"]] + [str(i) for i in page["deleted"]]


def _already_applied(entry: OutboxEntry, current: dict[str, Any] | None) -> bool:
    """A 412 on a PATCH whose values the server's record already holds: the first send
    was applied and its answer lost (the idempotency key had expired, or the record
    changed since, but to these values). "" clears a field (stored as null)."""
    if entry.method != "PATCH" or not isinstance(entry.body, dict) or not entry.body:
        return False
    if current is None or str(current.get("id")) != entry.record_id:
        return False
    return all(
        current.get(name) == value or (value == "" and current.get(name) is None)
        for name, value in entry.body.items()
    )


def _first_record(answer: Any, entry: OutboxEntry) -> dict[str, Any] | None:
    """The record a write answered with. POST /shares answers a list of them: a list of
    one (one recipient per queued share) is that record. A booking series answers
    ``{"series", "bookings"}``: its first occurrence is what the pending one becomes
    (POST), or the occurrence the change was queued on (PATCH, DELETE); the other
    occurrences arrive with the pull."""
    if isinstance(answer, dict) and isinstance(answer.get("bookings"), list):
        written = [b for b in answer["bookings"] if isinstance(b, dict)]
        if entry.method == "POST":
            answer = written[0] if written else None
        else:
            answer = next((b for b in written if b.get("id") == entry.record_id), None)
    if isinstance(answer, list) and len(answer) == 1:
        answer = answer[0]
    if isinstance(answer, dict) and "id" in answer and "version" in answer:
        return answer
    return None
