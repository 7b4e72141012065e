"""The bot through `process_update` on an offline request: what a user sees in the chat."""

from typing import Any

from handlers import COMMANDS
from handlers.access import REFUSAL
from handlers.errors import APOLOGY
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE, BotHarness


async def test_start_help_and_menu_agree(bot: BotHarness) -> None:
    chat = bot.chat()
    (greeting,) = await chat.send("/start")
    assert "archive" in greeting
    (help_reply,) = await chat.send("/help")
    menu = bot.request.sent("setMyCommands")[0]["commands"]
    assert [c["command"] for c in menu] == [c.name for c in COMMANDS]
    for command in COMMANDS:
        assert f"/{command.name}" in help_reply
        assert command.description in help_reply


async def test_paste_then_card_then_find_it_again(bot: BotHarness) -> None:
    chat = bot.chat()
    card = await chat.shown(OWN_ARTICLE)
    assert "Saved <b>#" in card
    assert "Harbour Workers in Valdoria Strike Over Pay" in card
    assert "3 Mar 2024 · The Coastal Courier" in card
    article_id = card.split("#", 1)[1].split("<", 1)[0]

    (answer,) = await chat.send("/ask Dunn")
    assert "Harbour Workers in Valdoria" in answer
    assert f"#{article_id}" in answer
    assert "<b>Dunn</b>" in answer

    (answer,) = await chat.send("mirela dunn")  # a short text is a question, not an article
    assert "Harbour Workers in Valdoria" in answer
    assert bot.app.bot_data.archive.stats(chat.chat_id).ready == 1

    (full,) = await chat.send(f"/article {article_id}")
    assert "walked out on Sunday" in full
    assert "demanding a pay rise" in full


async def test_duplicate_paste_is_not_stored_twice(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    (again,) = await chat.send(OWN_ARTICLE.replace("\n\n", "\n\n\n"))
    assert again.startswith("Already archived as <b>#")
    assert bot.app.bot_data.archive.stats(chat.chat_id).total == 1


async def test_recent_forget_and_stats(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    second = await chat.shown(OTHER_ARTICLE)
    second_id = second.split("#", 1)[1].split("<", 1)[0]
    (recent,) = await chat.send("/recent")
    assert recent.index("Glacier Survey") < recent.index("Harbour Workers")
    (stats,) = await chat.send("/stats")
    assert "2 articles" in stats and "2 sources" in stats
    (gone,) = await chat.send(f"/forget {second_id}")
    assert "Deleted" in gone and "Glacier Survey" in gone
    (answer,) = await chat.send("/ask glacier")
    assert "Nothing" in answer
    (missing,) = await chat.send(f"/article {second_id}")
    assert "no article" in missing


async def test_bad_arguments_get_usage(bot: BotHarness) -> None:
    chat = bot.chat()
    for text in ("/article", "/article abc", "/forget -3"):  # a huge id: test_database_errors
        (reply,) = await chat.send(text)
        assert reply.startswith("Usage:"), text
    (reply,) = await chat.send("/ask")
    assert reply.startswith("Usage:")


async def test_unknown_command(bot: BotHarness) -> None:
    (reply,) = await bot.chat().send("/launch <b>now</b>")
    assert "I don't know /launch" in reply
    assert "<b>now" not in reply


async def test_html_in_articles_and_queries_is_escaped(bot: BotHarness) -> None:
    chat = bot.chat()
    (card,) = await chat.send("# Tags <script> & <b>bold</b>\n\nBody with <i>markup</i> & more.")
    assert "&lt;script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in card
    (answer,) = await chat.send('/ask <b>"markup" OR')
    assert answer.startswith("Results for <i>b markup</i>:")
    assert "<b>markup</b>" in answer
    assert "<script>" not in answer


async def test_chats_see_only_their_own_archive(bot: BotHarness) -> None:
    alice, bob = bot.chat(601, 601), bot.chat(602, 602)
    card = await alice.shown(OWN_ARTICLE)
    article_id = card.split("#", 1)[1].split("<", 1)[0]
    (answer,) = await bob.send("/ask Dunn")
    assert "Nothing" in answer
    (reply,) = await bob.send(f"/article {article_id}")
    assert "no article" in reply
    (reply,) = await bob.send(f"/forget {article_id}")
    assert "no article" in reply
    (recent,) = await bob.send("/recent")
    assert "empty" in recent
    assert bot.app.bot_data.archive.get(601, int(article_id)) is not None


async def test_users_not_allowed_are_refused_and_nothing_is_stored(make_bot: Any) -> None:
    bot: BotHarness = await make_bot(allowed_user_ids=frozenset({700}), admin_user_ids={701})
    stranger = bot.chat(702, 702)
    for text in (OWN_ARTICLE, "/start", "/ask Dunn", "/stats", "Dunn"):
        assert await stranger.send(text) == [REFUSAL]
    assert bot.app.bot_data.archive.stats(702).total == 0
    card = await bot.chat(700, 700).shown(OWN_ARTICLE)
    assert "Saved" in card
    card = await bot.chat(701, 701).shown(OWN_ARTICLE)
    assert "Saved" in card
    await bot.app.shutdown()


async def test_errors_are_apologised_for_without_a_traceback(bot: BotHarness) -> None:
    bot.app.bot_data.archive.close()  # every query now fails
    replies = await bot.chat().send("/stats")
    assert replies == [APOLOGY]


async def test_long_article_is_shown_in_parts(bot: BotHarness) -> None:
    chat = bot.chat()
    paragraph = "The committee discussed the harbour budget at length and then adjourned. "
    text = "# Long Minutes of the Harbour Committee\n\n" + "\n\n".join([paragraph * 8] * 12)
    card = await chat.shown(text)
    article_id = card.split("#", 1)[1].split("<", 1)[0]
    parts = await chat.send(f"/article {article_id}")
    assert len(parts) >= 2
    assert all(len(part) <= 4096 for part in parts)
