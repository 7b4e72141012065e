"""A pasted article is answered with its card before its analysis; a question asked right
after it still finds the article's actors."""

import time
from typing import Any

from telegram import Update

from tests.conftest import OWN_ARTICLE, BotHarness


def _message(chat_id: int, number: int, text: str) -> dict[str, Any]:
    return {
        "update_id": number,
        "message": {
            "message_id": number,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Tester"},
            "text": text,
        },
    }


async def test_the_card_comes_before_the_analysis_and_a_question_waits_for_it(
    bot: BotHarness,
) -> None:
    app = bot.app
    await app.process_update(Update.de_json(_message(601, 9001, OWN_ARTICLE), app.bot))
    cards = [p["text"] for name, p in bot.request.calls if name == "sendMessage"]
    assert any("Harbour Workers in Valdoria Strike" in card for card in cards)
    # the paste was answered; its analysis may still be running in the background
    chat = bot.chat(601, 601)
    answer = (await chat.send("/quotes Mirela Dunn"))[-1]
    assert "We will not load a single ship" in answer
    edits = [p["text"] for name, p in bot.request.calls if name == "editMessageText"]
    assert any("Actors: Mirela Dunn" in edit for edit in edits)  # the card gained its actors
