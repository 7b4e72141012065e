"""A wire story pasted as plain text: its dateline dates it and names its agency, and no part
of the dateline reaches the card, the quotes or the profile (invented story)."""

from datetime import UTC, datetime

from briefing.dates import display_date
from briefing.ingest.datelines import resolve_date
from tests.conftest import BotHarness

WIRE = """PORT MIREL, April 23 (Reuters) - Dockers in Port Mirel ended a two-week strike on
Thursday after the harbour authority agreed to raise wages, union leader Ilse Varga said.

"Ships are loading again and our members will be paid what they are owed," Ilse Varga said.

The harbour authority said exports would resume within days.
"""


async def test_pasted_wire_story_is_dated_by_its_dateline(bot: BotHarness) -> None:
    chat = bot.chat()
    day = resolve_date("April 23", False, datetime.now(UTC).date())
    assert day is not None
    card = await chat.shown(WIRE)
    assert "Reuters" in card and "(Reuters)" not in card
    (profile,) = await chat.send("/actor Ilse Varga")
    shown = display_date(day.isoformat())
    assert f"first seen {shown}, last seen {shown}" in profile
    (quotes,) = await chat.send("/quotes Varga")
    assert "Ships are loading again" in quotes
    for leftover in ("(Reuters)", "Reuters) -", "PORT MIREL, April"):
        assert leftover not in quotes and leftover not in profile
