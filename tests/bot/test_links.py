"""Links, forwarded posts and documents through the bot: saved first, read, shown as a card."""

from typing import Any

from tests.conftest import BotHarness, StaticSite, article_page

TRAIN_PARAGRAPHS = [
    "The overnight service between Varno and the coast restarted on Monday, eleven years"
    " after the last sleeper carriage was withdrawn from the valley line.",
    "Rail operator spokeswoman Adela Ruiz said the first train left almost full and that"
    " bookings for the autumn had already passed the forecast for the whole year.",
    "Local hoteliers welcomed the return, saying visitors from the coast had dwindled since"
    " the bus became the only way to reach the valley after dark.",
]
TRAIN_TITLE = "Night Trains Return to the Varno Valley"


async def local_bot(make_bot: Any) -> BotHarness:
    harness: BotHarness = await make_bot(fetch_allow_hosts=frozenset({"127.0.0.1"}))
    return harness


def _id(text: str) -> int:
    return int(text.split("#", 1)[1].split("<", 1)[0].split(",", 1)[0])


async def test_link_is_acknowledged_then_shown_as_its_article(make_bot: Any, site: StaticSite):
    bot = await local_bot(make_bot)
    site.routes["/trains"] = (
        200,
        "text/html; charset=utf-8",
        article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS),
    )
    chat = bot.chat()
    ack, card = await chat.send(f"worth reading {site.url('/trains')}")
    assert ack.startswith("Saved <b>#") and "reading it" in ack
    assert TRAIN_TITLE in card and "Valley Gazette" in card and "2 Sep 2024" in card
    stored = bot.app.bot_data.archive.get(chat.chat_id, _id(ack))
    assert stored is not None and stored.status == "ready" and stored.kind == "link"
    assert "Adela Ruiz" in stored.body and "Front page" not in stored.body

    (again,) = await chat.send(site.url("/trains/?utm_source=feed#top"))
    assert again.endswith(TRAIN_TITLE) and again.startswith("Already archived as <b>#")
    assert site.hits["/trains"] == 1  # a known URL is not fetched again


async def test_several_links_and_hidden_text_links(make_bot: Any, site: StaticSite) -> None:
    bot = await local_bot(make_bot)
    for n in (1, 2, 3):
        paragraphs = [f"Story number {n} " + p for p in TRAIN_PARAGRAPHS]
        site.routes[f"/s{n}"] = (
            200,
            "text/html",
            article_page(f"Story {n} of the valley", paragraphs),
        )
    text = f"three: {site.url('/s1')} and {site.url('/s2')} and this"
    hidden = {"type": "text_link", "offset": len(text) - 4, "length": 4, "url": site.url("/s3")}
    replies = await bot.chat().send(text, entities=[hidden])
    cards = [r for r in replies if "reading it" not in r]
    assert sorted(c.split("\n")[1] for c in cards) == [
        "<b>Story 1 of the valley</b>",
        "<b>Story 2 of the valley</b>",
        "<b>Story 3 of the valley</b>",
    ]


async def test_unreadable_link_is_kept_and_can_be_retried(make_bot: Any, site: StaticSite):
    bot = await local_bot(make_bot)
    site.routes["/paywall"] = (403, "text/html", b"<html>subscribe</html>")
    chat = bot.chat()
    ack, card = await chat.send(site.url("/paywall"))
    article_id = _id(ack)
    assert f"Saved <b>#{article_id}</b> as a link only" in card and "403" in card
    assert f"/retry {article_id}" in card
    stored = bot.app.bot_data.archive.get(chat.chat_id, article_id)
    assert stored is not None and stored.status == "failed" and stored.url == site.url("/paywall")

    site.routes["/paywall"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    again, card = await chat.send(f"/retry {article_id}")
    assert again == f"Reading #{article_id} again…"
    assert TRAIN_TITLE in card
    (refused,) = await bot.chat(999, 999).send(f"/retry {article_id}")
    assert "no unread link" in refused


async def test_pasting_the_text_of_an_unreadable_link_attaches_it(make_bot: Any, site: StaticSite):
    bot = await local_bot(make_bot)
    site.routes["/closed"] = (403, "text/html", b"no")
    chat = bot.chat()
    ack, _ = await chat.send(site.url("/closed"))
    pasted = f"# {TRAIN_TITLE}\n\n" + "\n\n".join(TRAIN_PARAGRAPHS) + f"\n\n{site.url('/closed')}"
    attached = await chat.shown(pasted)
    assert attached.startswith(f"Added the text to <b>#{_id(ack)}</b>")
    stored = bot.app.bot_data.archive.get(chat.chat_id, _id(ack))
    assert stored is not None and stored.status == "ready" and "Adela Ruiz" in stored.body
    assert bot.app.bot_data.archive.stats(chat.chat_id).total == 1


async def test_refused_addresses_are_kept_with_a_reason(bot: BotHarness) -> None:
    # 127.0.0.1 is not allowed by this bot's settings, so nothing may be fetched from it.
    chat = bot.chat()
    _, card = await chat.send("http://127.0.0.1:9/admin")
    assert "as a link only" in card and "private" in card


def _channel_forward(text: str, message_id: int = 77, **extra: Any) -> dict[str, Any]:
    return {
        "text": text,
        "forward_origin": {
            "type": "channel",
            "date": 1714550400,  # 2024-05-01 08:00 UTC
            "chat": {
                "id": -1001234567,
                "type": "channel",
                "title": "Valley Watch",
                "username": "valleywatch",
            },
            "message_id": message_id,
        },
        **extra,
    }


async def test_forwarded_channel_post_keeps_channel_link_and_date(bot: BotHarness) -> None:
    chat = bot.chat()
    text = (
        "Ferry crews on the northern route walked out this morning over new rosters.\n\n"
        "The union said talks with the operator had broken down late on Tuesday night."
    )
    (card,) = await chat.send_message(_channel_forward(text))
    stored = bot.app.bot_data.archive.get(chat.chat_id, _id(card))
    assert stored is not None
    assert stored.source == "Valley Watch"
    assert stored.post_url == "https://t.me/valleywatch/77"
    assert stored.posted_at == "2024-05-01T08:00+00:00"
    assert stored.published_at == "2024-05-01"
    assert stored.kind == "forward"
    assert "Valley Watch" in card


async def test_forwarded_post_with_a_link_fetches_the_article(make_bot: Any, site: StaticSite):
    bot = await local_bot(make_bot)
    site.routes["/trains"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    chat = bot.chat()
    replies = await chat.send_message(
        _channel_forward(f"Night trains are back: {site.url('/trains')}")
    )
    stored = bot.app.bot_data.archive.get(chat.chat_id, _id(replies[0]))
    assert stored is not None and stored.title == TRAIN_TITLE
    assert stored.url == site.url("/trains")
    assert stored.post_url == "https://t.me/valleywatch/77"
    assert "t.me/valleywatch/77" in replies[-1]


async def test_burst_of_forwards_is_archived_exactly_once(bot: BotHarness) -> None:
    chat = bot.chat()
    for n in range(100):
        text = (
            f"Bulletin {n}: the harbour office reported {n * 7 + 3} arrivals and {n} delays today."
        )
        await chat.send_message(_channel_forward(text, message_id=1000 + n))
    stats = bot.app.bot_data.archive.stats(chat.chat_id)
    assert (stats.ready, stats.pending, stats.total) == (100, 0, 100)


async def test_documents(bot: BotHarness) -> None:
    chat = bot.chat()
    text = f"# {TRAIN_TITLE}\n\nMay 2, 2024\n\n" + "\n\n".join(TRAIN_PARAGRAPHS)
    bot.request.files["doc1"] = text.encode("cp1252")
    ack, card = await chat.send_message(_document("trains.md", "doc1", len(text)))
    assert ack.startswith("Saved <b>#") and "reading it" in ack  # read in the background
    assert TRAIN_TITLE in card and "2 May 2024" in card

    bridge = [p.replace("train", "bridge").replace("Varno", "Lintz") for p in TRAIN_PARAGRAPHS]
    page = article_page("Bridge Reopens After Repairs", bridge)
    bot.request.files["doc2"] = page
    _, card = await chat.send_message(_document("bridge.html", "doc2", len(page)))
    assert "Bridge Reopens After Repairs" in card

    (refused,) = await chat.send_message(_document("report.pdf", "doc3", 1000))
    assert "not report.pdf" in refused
    (refused,) = await chat.send_message(_document("big.txt", "doc4", 6 * 1024 * 1024))
    assert "larger than 5 MB" in refused
    bot.request.files["doc5"] = b"\x00\x01\x02\x03binary" * 100
    (refused,) = await chat.send_message(_document("fake.txt", "doc5", 1100))
    assert "not a text file" in refused
    assert bot.app.bot_data.archive.stats(chat.chat_id).total == 2


def _document(name: str, file_id: str, size: int) -> dict[str, Any]:
    return {
        "document": {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": name,
            "file_size": size,
        }
    }


async def test_photo_caption_is_archived(bot: BotHarness) -> None:
    caption = (
        "Flooded streets in the lower town after the river burst its banks overnight; "
        "the mayor said the clean-up would take weeks and asked residents to stay away "
        "from the embankment until engineers have inspected it."
    )
    photo = [{"file_id": "p1", "file_unique_id": "p1", "width": 10, "height": 10}]
    (card,) = await bot.chat().send_message({"photo": photo, "caption": caption})
    assert card.startswith("Saved <b>#") and "Flooded streets" in card
