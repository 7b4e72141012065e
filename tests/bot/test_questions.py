"""Questions in the chat: answers, corrections, paging and suggestion buttons that never show
another chat's archive, inline mode from the user's own archive, and the `ask` command line."""

import itertools
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.cli import main
from bot.offline import BOT_USER
from briefing.analysis.archive import analyse_article
from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from handlers.ask import EXPIRED
from storage import Archive
from storage.actors import ActorStore
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE, BotHarness, Chat

_ids = itertools.count(10_000)

HARBOUR_NOTES = [
    f"# Harbour Note {n}: {topic}\n\nMarch {n}, 2024\n\n**Port Bulletin**\n\n"
    f"The harbour office reported {topic.lower()} on day {n} of the month."
    for n, topic in enumerate(
        ["Crane Repairs", "Pilot Rota", "Dredging Plan", "Fuel Prices", "Ferry Timetable",
         "Berth Fees", "Night Lights"],
        start=1,
    )
]  # fmt: skip


def keyboard(call: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, data) of the buttons of a sent or edited message."""
    markup = call.get("reply_markup") or {}
    return [
        (b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row
    ]


def last_sent(bot: BotHarness, chat: Chat) -> dict[str, Any]:
    return [c for c in bot.request.sent() if int(c["chat_id"]) == chat.chat_id][-1]


async def press(
    bot: BotHarness, chat: Chat, data: str, message_id: int = 1
) -> list[tuple[str, dict[str, Any]]]:
    """Press a button with `data` under a message of `chat`; the Bot API calls it caused."""
    before = len(bot.request.calls)
    number = next(_ids)
    message = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": chat.chat_id, "type": "private" if chat.chat_id > 0 else "group"},
        "from": BOT_USER,
        "text": "an answer",
    }
    update = {
        "update_id": number,
        "callback_query": {
            "id": str(number),
            "from": {"id": chat.user_id, "is_bot": False, "first_name": "Tester"},
            "chat_instance": str(chat.chat_id),
            "data": data,
            "message": message,
        },
    }
    await bot.app.process_update(Update.de_json(update, bot.app.bot))
    return bot.request.calls[before:]


async def inline(bot: BotHarness, user_id: int, query: str) -> list[dict[str, Any]]:
    """The results offered to an inline query."""
    before = len(bot.request.calls)
    number = next(_ids)
    update = {
        "update_id": number,
        "inline_query": {
            "id": str(number),
            "from": {"id": user_id, "is_bot": False, "first_name": "Tester"},
            "query": query,
            "offset": "",
        },
    }
    await bot.app.process_update(Update.de_json(update, bot.app.bot))
    (call,) = [p for name, p in bot.request.calls[before:] if name == "answerInlineQuery"]
    assert call["is_personal"] is True
    return list(call["results"])


async def test_a_misspelt_name_is_corrected_and_said(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    (answer,) = await chat.send("Mirela Dun")
    assert answer.startswith("Results for <i>mirela dunn</i>:")
    assert "Searched for “Mirela Dunn” instead of “Mirela Dun”." in answer
    assert "<b>Mirela Dunn</b> · person · 3 mentions in 1 article" in answer
    assert "Harbour Workers in Valdoria" in answer


async def test_quote_and_event_questions(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    (quotes,) = await chat.send("what did Dunn say about ships")
    assert quotes.startswith("Quotes by <b>Mirela Dunn</b> about <i>ships</i>:")
    assert "We will not load a single <b>ship</b>" in quotes
    assert "— <b>Mirela Dunn</b> · 3 Mar 2024 · The Coastal Courier" in quotes
    (none,) = await chat.send("what did Dunn say about bananas")
    assert none.startswith(
        "Quotes by <b>Mirela Dunn</b>:\nNothing about <i>bananas</i> in this chat's archive.\n"
    )
    assert none.count("Nothing about") == 1  # said once


async def test_more_and_back_page_through_the_answer(bot: BotHarness) -> None:
    chat = bot.chat()
    for note in HARBOUR_NOTES:
        await chat.send(note)
    (first,) = await chat.send("/ask harbour office")
    assert first.count("Harbour Note") == 5 and "<i>Page 1</i>" in first
    ((label, more),) = keyboard(last_sent(bot, chat))
    assert label == "More ›" and len(more.encode()) <= 64
    calls = await press(bot, chat, more)
    (edit,) = [p for name, p in calls if name == "editMessageText"]
    assert "6. " in edit["text"] and edit["text"].count("Harbour Note") == 2
    assert [t for t, _ in keyboard(edit)] == ["‹ Back"]
    calls = await press(bot, chat, keyboard(edit)[0][1])
    (edit,) = [p for name, p in calls if name == "editMessageText"]
    assert "1. " in edit["text"] and [t for t, _ in keyboard(edit)] == ["More ›"]


async def test_buttons_pressed_in_another_chat_or_forged_show_nothing(bot: BotHarness) -> None:
    alice, bob = bot.chat(601, 601), bot.chat(602, 602)
    for note in [OWN_ARTICLE, *HARBOUR_NOTES]:
        await alice.send(note)
    await alice.send("/ask harbour office")
    ((_, more),) = keyboard(last_sent(bot, alice))
    before = len(bot.request.calls)
    actor_id = bot.app.bot_data.actors.database.query(
        "SELECT id FROM actors WHERE chat_id = 601 LIMIT 1"
    )[0][0]
    for data in (
        more,
        f"q:a:{actor_id}",
        "q:abc",
        "q:1:999",
        "q:w:harbour office",
        "q:" + "9" * 70,
    ):
        calls = await press(bot, bob, data)
        assert [name for name, _ in calls] == ["answerCallbackQuery"], data
        assert calls[0][1]["text"] == EXPIRED
    assert not any(name == "editMessageText" for name, _ in bot.request.calls[before:])


async def test_nothing_found_offers_names_and_spellings_as_buttons(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    (answer,) = await chat.send("Mireyo")
    assert answer == "Nothing about <i>Mireyo</i> in this chat's archive.\nDid you mean:"
    buttons = dict(keyboard(last_sent(bot, chat)))
    assert buttons["Mirela Dunn"].startswith("q:a:") and buttons["mirela"] == "q:w:mirela"
    calls = await press(bot, chat, buttons["Mirela Dunn"])
    (edit,) = [p for name, p in calls if name == "editMessageText"]
    assert "Harbour Workers in Valdoria" in edit["text"]
    calls = await press(bot, chat, "q:w:mirela")
    (edit,) = [p for name, p in calls if name == "editMessageText"]
    assert "Harbour Workers in Valdoria" in edit["text"]


async def test_inline_results_come_from_the_users_own_private_archive(bot: BotHarness) -> None:
    await bot.chat(601, 601).send(OWN_ARTICLE)
    await bot.chat(-100500, 601).send(OTHER_ARTICLE)  # a group the user is in
    (result,) = await inline(bot, 601, "Dunn strike")
    assert result["title"].startswith("Harbour Workers in Valdoria")
    card = result["input_message_content"]["message_text"]
    assert "3 Mar 2024 · The Coastal Courier" in card and "<b>Dunn</b>" in card
    assert await inline(bot, 601, "glacier") == []  # the group's article is not the user's
    assert await inline(bot, 602, "Dunn") == []
    assert await inline(bot, 601, "   ") == []


async def test_dates_alone_list_the_latest_or_say_there_is_nothing(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    (answer,) = await chat.send("/ask since 2024-03-01")
    assert answer.startswith("Latest articles, since 2024-03-01:") and "Harbour Workers" in answer
    (answer,) = await chat.send("/ask before 2020")
    assert answer == "Nothing in this chat's archive for before 2020."


GRAIN_DEAL = """# Kelmar Minister Tomas Varga Signs Grain Deal in Iraq

May 6, 2024

**Northern Ledger**

Kelmar's trade minister Tomas Varga signed a deal in Iraq on Monday to sell barley.

"Iraq will buy our barley for five years," Varga told reporters in Baghdad.
"""


async def test_a_real_word_the_archive_lacks_is_said_not_replaced(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(GRAIN_DEAL)
    (answer,) = await chat.send("what did Varga say about Iran")
    assert answer.startswith(
        "Quotes by <b>Tomas Varga</b>:\nNothing about <i>Iran</i> in this chat's archive.\n"
    )
    assert "Searched for" not in answer and "about <i>Iraq</i>" not in answer
    assert answer.endswith("Did you mean:")
    buttons = dict(keyboard(last_sent(bot, chat)))
    assert re.fullmatch(r"q:\d+:0", buttons["Iraq"])  # the whole question, kept, with Iraq
    calls = await press(bot, chat, buttons["Iraq"])
    (edit,) = [p for name, p in calls if name == "editMessageText"]
    assert edit["text"].startswith("Quotes by <b>Tomas Varga</b> about <i>Iraq</i>:")
    assert "Iraq will buy our <b>barley</b>" not in edit["text"]
    assert "<b>Iraq</b> will buy our barley" in edit["text"]


async def test_a_typo_no_language_knows_is_corrected_and_said(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(GRAIN_DEAL)
    (answer,) = await chat.send("barly deal")
    assert "Searched for “barley” instead of “barly”." in answer
    assert "Kelmar Minister Tomas Varga Signs Grain Deal" in answer


async def test_small_talk_gets_a_hint_and_names_on_lines_a_search(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    for text in ("Hi! can you help me?", "thanks", "what can you do"):
        (hint,) = await chat.send(text)
        assert "send a few words to search it" in hint and "/help" in hint, text
    (answer,) = await chat.send("Mirela Dunn\nValdoria")
    assert answer.startswith("Results for <i>mirela dunn valdoria</i>:")
    assert "Saved #" not in answer


def _archive(path: Path) -> None:
    archive = Archive.open(path)
    store = ActorStore(archive.database)
    for text in (OWN_ARTICLE, OTHER_ARTICLE):
        article = import_article(archive, 0, parse_pasted(text)).article
        analyse_article(archive, store, 0, article.id)
    archive.close()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_ask_json_batch_and_now(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    db = tmp_path / "cli.db"
    _archive(db)
    status, out, _ = _run(capsys, "ask", "--db", str(db), "--json", "what did Mirela Dun say")
    data = json.loads(out)
    assert status == 0 and data["intent"] == "quotes"
    assert data["corrected_query"] == "what did Mirela Dunn say"
    assert data["matched_actors"] == ["Mirela Dunn"]
    assert data["quotes"][0]["speaker"] == "Mirela Dunn"
    assert set(data["results"][0]) == {
        "id", "title", "source", "url", "published_at", "snippet", "score", "matched_actors"
    }  # fmt: skip

    batch = tmp_path / "questions.txt"
    batch.write_text("glacier\n\nDunn strike\nglacier last month\n", encoding="utf-8")
    status, out, _ = _run(
        capsys, "ask", "--db", str(db), "--batch", str(batch), "--now", "2023-06-10T09:00"
    )
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [line["query"] for line in lines] == [
        "glacier", "Dunn strike", "glacier last month"
    ]  # fmt: skip
    assert [len(line["results"]) for line in lines] == [1, 1, 1]
    assert lines[2]["filters"]["since"] == "2023-05-01"

    status, out, _ = _run(capsys, "ask", "--db", str(db), "Mirela Dun")
    assert status == 0 and out.startswith("Results for mirela dunn:")
    assert "Searched for “Mirela Dunn” instead of “Mirela Dun”." in out
    status, _, err = _run(capsys, "ask", "--db", str(db), "--now", "soon", "Dunn")
    assert status == 2 and "Invalid --now" in err
    status, _, err = _run(capsys, "ask", "--db", str(db))
    assert status == 2 and "QUERY" in err


async def test_a_who_question_names_the_actor_with_its_sentence(bot: BotHarness) -> None:
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    (answer,) = await chat.send("who told reporters")
    who = answer.split("<b>Who:</b>\n", 1)[1].split("\n", 1)[0]
    assert who.startswith("<b>Mirela Dunn</b> — ")
    assert "Dunn told <b>reporters</b>" in who and "#1)" in who
