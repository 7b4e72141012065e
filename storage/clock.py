"""The one clock of the stores: every time written to a row (added, analysed, shown) comes from
`now()`, so a test can set the time of the whole archive by patching this one function."""

from datetime import UTC, datetime


def now() -> str:
    """The current time as stored: UTC ISO 8601, whole seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")
