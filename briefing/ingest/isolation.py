"""Running untrusted parsing in worker processes, bounded in time and memory.

A hostile page can keep the HTML parser busy for minutes or make it allocate gigabytes. Work
given to an `IsolatedRunner` runs in one of a few worker processes instead: each has an
address-space limit, and a call that outlives its time limit has its worker killed and
replaced, so the next call runs on a fresh process. The event loop only ever awaits.

Each worker sits behind a single-process `ProcessPoolExecutor`, so that one busy worker can be
killed without breaking the calls running on the others. Workers are started from a fork
server (forking a process that runs threads is unsafe), which imports the parsing modules once;
a worker then costs a fork, not an interpreter start. They start on first use and are reused.
As with every start method but "fork", the main module must be importable by the workers: run
the program with `python -m`, or guard a script's entry with `if __name__ == "__main__"`.
"""

import asyncio
import contextlib
import os
import pickle
import resource
import select
import signal
import threading
from collections.abc import AsyncIterator, Callable, Hashable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_WORKERS = 2
DEFAULT_MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space per worker
DEFAULT_PRELOAD = ("briefing.ingest.extract", "briefing.ingest.importer")
START_TIMEOUT = 60.0  # seconds a worker may take to start (the fork server's first start)


class IsolationError(Exception):
    """A call on an isolated worker did not complete."""


class TimeLimitError(IsolationError):
    """The call ran longer than its time limit; its worker was killed."""


class MemoryLimitError(IsolationError):
    """The call ran out of memory, or its worker died; the worker was replaced."""


class RunnerClosedError(IsolationError):
    """The runner was closed (the bot is stopping) before or while the call ran."""


class WorkerStartError(IsolationError):
    """A worker process could not be started (not the fault of the input)."""


def _init_worker(memory_limit: int, owner: int) -> None:
    """In each worker: cap its address space, leave Ctrl-C to the owner, and end with the
    owner (the process that runs the pool)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_limit if hard == resource.RLIM_INFINITY else min(memory_limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with(owner)


def _end_with(owner: int) -> None:
    """Exit as soon as the owner process ends, even when it was killed before it could stop
    its workers: a worker's parent is the fork server, which lives on while any worker does,
    and an idle worker would otherwise wait for work forever. Linux only (a pidfd)."""
    try:
        watch = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        return

    def wait() -> None:
        select.select([watch], [], [])
        os._exit(1)

    threading.Thread(target=wait, name="owner-watch", daemon=True).start()


def _guarded(func: Callable[..., T], args: Sequence[Any]) -> T:
    """In the worker: the call, with its errors made fit to send back. Near the memory limit,
    parsers fail in their own ways (lxml raises an XPath error, say): any error there counts
    as running out of memory. An error that cannot be pickled is sent back as its text."""
    try:
        return func(*args)
    except MemoryError:
        raise
    except Exception as error:
        if _near_memory_limit():
            raise MemoryError(f"near the memory limit: {error!r}") from None
        try:
            pickle.dumps(error)
        except Exception:
            raise RuntimeError(f"{type(error).__name__}: {error}") from None
        raise


def _near_memory_limit() -> bool:
    """Whether this process's address space has come close to its limit."""
    limit, _ = resource.getrlimit(resource.RLIMIT_AS)
    if limit == resource.RLIM_INFINITY:
        return False
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            peak = next(
                int(line.split()[1]) * 1024 for line in status if line.startswith("VmPeak:")
            )
    except (OSError, StopIteration, ValueError):
        return False
    return peak >= limit - max(limit // 10, 64 * 1024 * 1024)


class _Worker:
    """One worker process, started on first use, that can be killed on its own."""

    def __init__(self, start_method: str, memory_limit: int) -> None:
        self._context = get_context(start_method)
        self._memory_limit = memory_limit
        self._pool: ProcessPoolExecutor | None = None
        self._pid: int | None = None
        self.busy = False

    async def start(self) -> None:
        """Start the process unless it runs; its pid is asked so it can be killed later."""
        if self._pool is not None:
            return
        self._pool = ProcessPoolExecutor(
            1,
            self._context,
            initializer=_init_worker,
            initargs=(self._memory_limit, os.getpid()),
        )
        try:
            self._pid = await asyncio.wait_for(
                asyncio.wrap_future(self._pool.submit(os.getpid)), START_TIMEOUT
            )
        except BaseException:
            self.kill()
            raise

    def submit(self, func: Callable[..., T], args: Sequence[Any]) -> "Future[T]":
        """Hand one call to the process."""
        if self._pool is None:
            raise RuntimeError("the worker has not been started")
        return self._pool.submit(_guarded, func, tuple(args))

    def kill(self) -> None:
        """Kill the process at once; the next `start` makes a new one."""
        pool, pid = self._pool, self._pid
        self._pool = self._pid = None
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        """Let an idle process exit; kill a busy one."""
        if self.busy:
            self.kill()
        elif self._pool is not None:
            pool, self._pool, self._pid = self._pool, None, None
            pool.shutdown(wait=True, cancel_futures=True)


class IsolatedRunner:
    """Runs picklable functions on untrusted input in worker processes with a time limit
    (per call) and a memory limit (per worker): `await runner.run(func, *args, time_limit=20)`.

    At most `workers` calls run at once; further calls wait their turn. `close()` ends the
    workers, killing busy ones: their callers get `RunnerClosedError`.
    """

    def __init__(
        self,
        workers: int = DEFAULT_WORKERS,
        memory_limit: int = DEFAULT_MEMORY_LIMIT,
        start_method: str = "forkserver",
        preload: Sequence[str] = DEFAULT_PRELOAD,
    ) -> None:
        context = get_context(start_method)
        if start_method == "forkserver" and preload:
            context.set_forkserver_preload(list(preload))
        self._workers = [_Worker(start_method, memory_limit) for _ in range(max(1, workers))]
        self._idle = list(self._workers)
        self._slots = asyncio.Semaphore(len(self._workers))
        self._closed = False

    @property
    def closed(self) -> bool:
        """True once `close()` was called: every call then raises `RunnerClosedError`."""
        return self._closed

    async def start(self) -> None:
        """Start the idle workers now instead of on first use: the first start waits for the
        fork server to import the reading modules, holding the event loop meanwhile (about
        0.5 s under load), so a bot does it before it takes updates."""
        for worker in list(self._idle):
            if not self._closed:
                await self._start(worker)

    async def run(self, func: Callable[..., T], *args: Any, time_limit: float) -> T:
        """`func(*args)` in a worker process; its result, or the exception it raised.

        Raises `TimeLimitError` after `time_limit` seconds, `MemoryLimitError` when the
        worker ran out of memory or died, `RunnerClosedError` when the runner is (being) closed.
        """
        if self._closed:
            raise RunnerClosedError("the runner is closed")
        async with self._slots:
            if self._closed:
                raise RunnerClosedError("the runner is closed")
            worker = self._idle.pop()
            worker.busy = True
            try:
                return await self._run_on(worker, func, args, time_limit)
            finally:
                worker.busy = False
                self._idle.append(worker)

    async def _start(self, worker: _Worker) -> None:
        """Start the worker if it is not running; a failure says why in a few words."""
        try:
            await worker.start()
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if self._closed and task is not None and not task.cancelling():
                raise RunnerClosedError("the runner was closed while a worker started") from None
            raise
        except Exception as error:
            if self._closed:
                raise RunnerClosedError("the runner was closed while a worker started") from error
            raise WorkerStartError(
                f"a worker process could not start ({error!r}); is the main module importable?"
            ) from error
        if self._closed:
            raise RunnerClosedError("the runner was closed before the call")

    async def _run_on(
        self, worker: _Worker, func: Callable[..., T], args: Sequence[Any], time_limit: float
    ) -> T:
        await self._start(worker)
        try:
            call = asyncio.wrap_future(worker.submit(func, args))
            done, _ = await asyncio.wait({call}, timeout=time_limit)
            if not done:
                call.cancel()
                worker.kill()
                raise TimeLimitError(f"the call took longer than {time_limit:g} s")
            return call.result()
        except MemoryError as error:
            worker.kill()  # a process that ran out of memory is not trusted with more work
            raise MemoryLimitError("the call ran out of memory") from error
        except BrokenProcessPool as error:
            worker.kill()
            if self._closed:
                raise RunnerClosedError("the runner was closed during the call") from error
            raise MemoryLimitError("the worker process died (out of memory?)") from error
        except asyncio.CancelledError:
            worker.kill()  # nobody waits for the result; do not let it hold the worker
            task = asyncio.current_task()
            if self._closed and task is not None and not task.cancelling():
                raise RunnerClosedError("the runner was closed during the call") from None
            raise

    def close(self) -> None:
        """End every worker, killing busy ones; later calls raise `RunnerClosedError`."""
        self._closed = True
        for worker in self._workers:
            worker.stop()


class PerKeyLimit:
    """At most `size` holders at once for each key (a chat, say), so that one key cannot take
    every slot of a shared limit; a key's semaphore lives only while someone holds or waits."""

    def __init__(self, size: int) -> None:
        self._size = max(1, size)
        self._keys: dict[Hashable, tuple[asyncio.Semaphore, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        """Wait for one of the key's slots and hold it for the `async with` block."""
        semaphore, users = self._keys.get(key, (asyncio.Semaphore(self._size), 0))
        self._keys[key] = (semaphore, users + 1)
        try:
            async with semaphore:
                yield
        finally:
            semaphore, users = self._keys[key]
            if users == 1:
                del self._keys[key]
            else:
                self._keys[key] = (semaphore, users - 1)
