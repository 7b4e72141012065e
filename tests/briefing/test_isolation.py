"""The isolated runner: untrusted work in worker processes, bounded in time and memory."""

import asyncio
import os
import signal
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from briefing.ingest.isolation import (
    IsolatedRunner,
    MemoryLimitError,
    PerKeyLimit,
    RunnerClosedError,
    TimeLimitError,
)

MB = 1024 * 1024


# What the workers run: module-level, so that they can be sent to another process.
def double(value: int) -> int:
    return 2 * value


def pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def allocate(megabytes: int) -> int:
    blocks = [bytearray(MB) for _ in range(megabytes)]
    return len(blocks)


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def refuse(text: str) -> None:
    raise ValueError(f"no article in {text}")


@pytest.fixture
async def runner() -> AsyncIterator[IsolatedRunner]:
    """Two workers of 256 MB each."""
    started = IsolatedRunner(workers=2, memory_limit=256 * MB)
    yield started
    started.close()


async def test_results_and_errors_come_back(runner: IsolatedRunner) -> None:
    assert await runner.run(double, 21, time_limit=30) == 42
    with pytest.raises(ValueError, match=r"no article in page\.html"):
        await runner.run(refuse, "page.html", time_limit=30)
    assert await runner.run(double, 4, time_limit=30) == 8


async def test_a_call_over_its_time_limit_is_killed_and_the_next_call_works(
    runner: IsolatedRunner,
) -> None:
    first = await runner.run(pid_after, 0, time_limit=30)
    started = time.monotonic()
    with pytest.raises(TimeLimitError, match=r"longer than 0\.5 s"):
        await runner.run(pid_after, 60, time_limit=0.5)
    assert time.monotonic() - started < 5  # not the minute the call wanted
    assert await ended(first)  # the worker that ran it was killed
    assert await runner.run(double, 5, time_limit=30) == 10
    assert await runner.run(pid_after, 0, time_limit=30) != first  # a fresh one


async def test_the_loop_goes_on_while_a_call_runs(runner: IsolatedRunner) -> None:
    call = asyncio.create_task(runner.run(pid_after, 1, time_limit=30))
    ticks = 0
    while not call.done():
        await asyncio.sleep(0.01)
        ticks += 1
    assert ticks > 20 and isinstance(call.result(), int)


async def test_a_time_out_does_not_disturb_the_call_on_the_other_worker(
    runner: IsolatedRunner,
) -> None:
    steady = asyncio.create_task(runner.run(pid_after, 1.5, time_limit=30))
    with pytest.raises(TimeLimitError):
        await runner.run(pid_after, 60, time_limit=0.3)
    assert not steady.done()  # still running on its worker
    assert isinstance(await steady, int)


async def test_a_memory_hog_is_stopped_with_a_clear_error(runner: IsolatedRunner) -> None:
    started = time.monotonic()
    with pytest.raises(MemoryLimitError, match="ran out of memory"):
        await runner.run(allocate, 1024, time_limit=60)
    assert time.monotonic() - started < 30
    assert await runner.run(allocate, 16, time_limit=30) == 16  # a modest call still works


async def test_a_parser_failing_its_own_way_near_the_limit_is_out_of_memory(
    runner: IsolatedRunner,
) -> None:
    # lxml, short of memory, raises an XPath error rather than MemoryError.
    with pytest.raises(MemoryLimitError, match="ran out of memory"):
        await runner.run(fail_short_of_memory, time_limit=60)
    assert await runner.run(double, 7, time_limit=30) == 14


async def test_an_error_that_cannot_be_sent_back_arrives_as_its_text(
    runner: IsolatedRunner,
) -> None:
    with pytest.raises(RuntimeError, match="ParserTroubleError: the tree broke"):
        await runner.run(fail_unpicklably, time_limit=30)


class ParserTroubleError(Exception):
    """An error holding something that cannot be pickled (as lxml's error log)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.log = threading.Lock()


def fail_short_of_memory() -> None:
    blocks = []
    try:
        while True:
            blocks.append(bytearray(4 * MB))
    except MemoryError:
        blocks.clear()
    raise ValueError("XPath evaluation failed")


def fail_unpicklably() -> None:
    raise ParserTroubleError("the tree broke")


async def test_start_readies_every_worker_before_the_first_call(runner: IsolatedRunner) -> None:
    await runner.start()
    started = {worker._pid for worker in runner._workers}
    assert None not in started and len(started) == 2
    calls = [runner.run(pid_after, 0.2, time_limit=30) for _ in range(2)]
    assert set(await asyncio.gather(*calls)) == started


async def test_a_worker_that_dies_is_replaced(runner: IsolatedRunner) -> None:
    with pytest.raises(MemoryLimitError, match="died"):
        await runner.run(die, time_limit=30)
    assert await runner.run(double, 3, time_limit=30) == 6


async def test_close_kills_a_busy_worker_and_refuses_later_calls(tmp_path: Path) -> None:
    runner = IsolatedRunner(workers=1)
    mark = tmp_path / "pid"
    busy = asyncio.create_task(runner.run(mark_and_sleep, str(mark), 60, time_limit=120))
    waiting = asyncio.create_task(runner.run(double, 1, time_limit=120))
    pid = await started_worker(mark)
    started = time.monotonic()
    runner.close()
    with pytest.raises(RunnerClosedError):
        await busy
    with pytest.raises(RunnerClosedError):
        await waiting
    with pytest.raises(RunnerClosedError):
        await runner.run(double, 2, time_limit=30)
    assert time.monotonic() - started < 5 and await ended(pid)


async def test_per_key_limit_leaves_room_for_other_keys() -> None:
    limit = PerKeyLimit(2)
    inside: dict[str, int] = {"a": 0, "b": 0}
    most: dict[str, int] = {"a": 0, "b": 0}
    release = asyncio.Event()

    async def hold(key: str) -> None:
        async with limit.hold(key):
            inside[key] += 1
            most[key] = max(most[key], inside[key])
            await release.wait()
            inside[key] -= 1

    tasks = [asyncio.create_task(hold("a")) for _ in range(8)]
    tasks.append(asyncio.create_task(hold("b")))
    await asyncio.sleep(0)  # let every task reach its semaphore
    assert inside == {"a": 2, "b": 1}  # "a" has two of its eight in; "b" is not kept out
    release.set()
    await asyncio.gather(*tasks)
    assert most == {"a": 2, "b": 1} and inside == {"a": 0, "b": 0}


def mark_and_sleep(path: str, seconds: float) -> None:
    Path(path).write_text(str(os.getpid()))
    time.sleep(seconds)


async def started_worker(mark: Path, within: float = 30) -> int:
    """The pid a worker wrote once it started running the call (polled up to a deadline)."""
    deadline = time.monotonic() + within
    while (pid := written_pid(mark)) is None:
        assert time.monotonic() < deadline, "the worker never started the call"
        await asyncio.sleep(0.01)
    return pid


def written_pid(mark: Path) -> int | None:
    text = mark.read_text() if mark.exists() else ""
    return int(text) if text else None


def running(pid: int) -> bool:
    """Whether a process runs (a killed one may linger as a zombie until it is reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


async def ended(pid: int, within: float = 5) -> bool:
    """Whether the process has ended (a SIGKILL takes effect a moment after it is sent)."""
    deadline = time.monotonic() + within
    while running(pid):
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True
