"""Watches end to end: the bot as a `python -m bot` process on the Bot API emulator. A user
watches an actor, an article names the actor by another name, the alert arrives; the bot is
restarted and the alert is not sent again."""

from tests.bot.test_actors_chat import SECOND_DAY
from tests.conftest import OWN_ARTICLE
from tests.e2e.harness import Reply, Session
from tests.e2e.test_conversation import valid

SECOND_TITLE = "Port Authority Offers Talks as Valdoria Strike Enters Second Day"
THIRD_DAY = """# Valdoria Dockers Vote on the Port Authority's Offer

March 5, 2024

**Harbour Post**

Dockers in Valdoria voted on Tuesday on the port authority's offer of a four per cent rise.
The union leader, Ms Dunn, urged members to accept it.
"""
THIRD_TITLE = "Valdoria Dockers Vote on the Port Authority's Offer"


def alerts(replies: list[Reply]) -> list[Reply]:
    """The alert messages among the bot's messages."""
    return [r for r in replies if r.plain.startswith(("🔔", "2 new matches"))]


def test_an_alias_alerts_once_and_a_restart_does_not_repeat_it(telegram: Session) -> None:
    bot = telegram.bot()
    user = telegram.user(601)
    valid(user.say(OWN_ARTICLE, until=lambda r: any("Actors:" in x.plain for x in r)))
    (watching,) = valid(user.say("/watch Mirela Dunn"))
    assert watching.plain.startswith("Watching Mirela Dunn (watch #1)")

    mark = user.mark()
    user.send(SECOND_DAY)  # names her as "Dunn" only
    (alert,) = alerts(user.wait(lambda r: bool(alerts(r)), mark, 60, "the alert"))
    valid([alert])
    assert alert.plain.startswith("🔔 Mirela Dunn (watch #1)")
    assert SECOND_TITLE in alert.plain and "4 Mar 2024 · Harbour Post" in alert.plain
    assert "<b>Dunn</b> said the union would attend" in alert.text

    bot.stop()
    telegram.bot()  # a restart: what was sent stays sent
    mark = user.mark()
    user.send(THIRD_DAY)  # a new match: its alert comes after anything left unsent
    (third,) = alerts(user.wait(lambda r: bool(alerts(r)), mark, 60, "the next alert"))
    assert THIRD_TITLE in third.plain and SECOND_TITLE not in third.plain
    sent = [r for r in alerts(user.replies()) if SECOND_TITLE in r.plain]
    assert len(sent) == 1
    (listed,) = valid(user.say("/watches"))
    assert "#1 Mirela Dunn — 2 articles" in listed.plain
