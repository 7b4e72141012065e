"""Actors in the chat: cards, profiles, quotes, timelines, weekly tops, merging and splitting."""

from typing import Any

from tests.conftest import OWN_ARTICLE, BotHarness

SECOND_DAY = """# Port Authority Offers Talks as Valdoria Strike Enters Second Day

March 4, 2024

**Harbour Post**

The port authority of Valdoria invited the dockers' union to talks on Monday. Dunn said the
union would attend but warned that the walkout would continue until wages rose.

"Our members have waited two years," Dunn said.
"""

OTHER_DUNN = """# Arno Dunn Wins the Coastal Tour

June 9, 2024

**Sports Desk**

Arno Dunn won the Coastal Tour on Sunday after a long breakaway through the hills.

"I did not expect to hold them off," Arno Dunn said after the finish.
"""


async def _archive(bot: BotHarness, *texts: str) -> None:
    chat = bot.chat()
    for text in texts:
        await chat.send(text)


async def test_card_profile_and_surname_joining(bot: BotHarness) -> None:
    chat = bot.chat()
    card = await chat.shown(OWN_ARTICLE)
    assert "Actors: Mirela Dunn" in card
    card = await chat.shown(SECOND_DAY)
    assert "Mirela Dunn" in card  # "Dunn" alone joined the known full name
    for typed in ("mirela dunn", "Mirela Dun", "Dunn"):
        (profile,) = await chat.send(f"/actor {typed}")
        assert profile.startswith("<b>Mirela Dunn</b> (person)"), typed
        assert "2 articles" in profile
        assert "first seen 3 Mar 2024, last seen 4 Mar 2024" in profile
        assert "We will not load a single ship" in profile
        assert "Valdoria (2)" in profile


async def test_quotes_about_and_timeline(bot: BotHarness) -> None:
    await _archive(bot, OWN_ARTICLE, SECOND_DAY)
    chat = bot.chat()
    (quotes,) = await chat.send("/quotes Dunn about ship")
    assert "We will not load a single ship" in quotes
    assert "waited two years" not in quotes
    (none,) = await chat.send("/quotes Dunn about bananas")
    assert none.startswith("No quotes by <b>Mirela Dunn</b>")
    (timeline,) = await chat.send("/timeline Dunn")
    assert "4 Mar 2024" in timeline and "warn" in timeline


async def test_weekly_top_actors(bot: BotHarness) -> None:
    await _archive(bot, OWN_ARTICLE, SECOND_DAY)
    (top,) = await bot.chat().send("/actors")
    lines = top.splitlines()
    assert lines[0] == "<b>Actors of the last 7 days</b> (against the 7 days before)"
    assert lines[1].startswith("Mirela Dunn (person) — in 2 articles, ")  # by salience
    assert lines[1].endswith("mentions (new)")
    assert not any(line.startswith("Valdoria") for line in lines)  # a place only when rising


async def test_ambiguous_name_offers_buttons_and_buttons_are_chat_scoped(bot: BotHarness) -> None:
    await _archive(bot, OWN_ARTICLE, OTHER_DUNN)
    chat = bot.chat()
    before = len(bot.request.calls)
    await chat.send("/actor Dunn")
    (question,) = [p for name, p in bot.request.calls[before:] if name == "sendMessage"]
    assert "Which one do you mean" in question["text"]
    buttons = [b for row in question["reply_markup"]["inline_keyboard"] for b in row]
    names = {b["text"] for b in buttons}
    assert names == {"Mirela Dunn (person)", "Arno Dunn (person)"}
    arno = next(b["callback_data"] for b in buttons if b["text"].startswith("Arno"))
    replies = await _press(bot, chat.chat_id, arno)
    assert replies and replies[-1].startswith("<b>Arno Dunn</b>")
    stranger = await _press(bot, 999, arno)
    assert all("Arno" not in r for r in stranger)
    forged = await _press(bot, chat.chat_id, "a:1 OR 1=1")
    assert forged == []


async def _press(bot: BotHarness, chat_id: int, data: str) -> list[str]:
    from telegram import Update

    from handlers import wait_for_background

    before = len(bot.request.calls)
    update = {
        "update_id": 9000 + len(bot.request.calls),
        "callback_query": {
            "id": "cb1",
            "from": {"id": chat_id, "is_bot": False, "first_name": "T"},
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": chat_id, "type": "private"},
                "text": "Which one?",
            },
        },
    }
    await bot.app.process_update(Update.de_json(update, bot.app.bot))
    await wait_for_background(bot.app)
    return [
        str(p["text"])
        for name, p in bot.request.calls[before:]
        if name in {"sendMessage", "editMessageText"}
    ]


async def test_alias_merge_and_split(make_bot: Any) -> None:
    bot: BotHarness = await make_bot()
    await _archive(bot, OWN_ARTICLE, OTHER_DUNN)
    chat = bot.chat()
    (merged,) = await chat.send("/alias Mirela Dunn = Arno Dunn")
    assert merged == "Merged <b>Arno Dunn</b> into <b>Mirela Dunn</b>."
    (profile,) = await chat.send("/actor Arno Dunn")
    assert profile.startswith("<b>Mirela Dunn</b>") and "2 articles" in profile
    (split,) = await chat.send("/alias -Arno Dunn")
    assert split == "<b>Arno Dunn</b> is now an actor of its own."
    (profile,) = await chat.send("/actor Arno Dunn")
    assert profile.startswith("<b>Arno Dunn</b>")
    (usage,) = await chat.send("/alias nonsense")
    assert usage.startswith("Usage:")
    (missing,) = await chat.send("/alias Nobody Here = Mirela Dunn")
    assert "Could not merge" in missing
    await bot.app.shutdown()


async def test_forgetting_an_article_forgets_its_quotes(bot: BotHarness) -> None:
    chat = bot.chat()
    card = await chat.shown(OWN_ARTICLE)
    article_id = card.split("#", 1)[1].split("<", 1)[0]
    await chat.send(f"/forget {article_id}")
    (quotes,) = await chat.send("/quotes Mirela Dunn")
    assert "single ship" not in quotes
