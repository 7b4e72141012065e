"""Fixtures of the end-to-end tests: one emulator per run, a session (token, adapter, bots) per
test. Without Node.js or the npm package every test here is skipped, saying why."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.harness import Emulator, Session, missing


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: a long end-to-end run (load, bursts); deselect with -m 'not slow'"
    )
    config.addinivalue_line(
        "markers", "tracebacks_expected: the bot is meant to log errors (faults) in this test"
    )


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    """The telegram-test-api emulator on 127.0.0.1, shared by the tests (each has its token)."""
    reason = missing()
    if reason:
        pytest.skip(reason)
    started = Emulator()
    yield started
    started.close()


@pytest.fixture
def telegram(
    emulator: Emulator, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Session]:
    """A bot token of its own on the emulator, with its adapter; bots started through it are
    stopped afterwards. A traceback in a bot's log, a call of a method the emulator lacks or a
    message Telegram would refuse fails the test, unless it expects errors (or a known bug)."""
    session = Session(emulator, tmp_path / "e2e")
    try:
        yield session
    finally:
        session.close()
    assert session.adapter.errors == [], "the adapter failed:\n" + "\n".join(session.adapter.errors)
    expected = ("tracebacks_expected", "xfail")
    if not any(request.node.get_closest_marker(name) for name in expected):
        for bot in session.bots:
            assert bot.tracebacks() == [], f"bot {bot.number} logged errors:\n{bot.log()[-4000:]}"
        assert session.adapter.unsupported == [], "the bot called methods the emulator lacks"
        assert session.adapter.refused == [], "Telegram would have refused these messages"
