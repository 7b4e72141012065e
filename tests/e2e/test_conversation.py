"""A real conversation: the bot as a `python -m bot` process long-polling the Bot API emulator,
users sending through the emulator's client API, each step asserting what the user sees."""

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from storage.database import Database
from storage.digests import DigestStore
from tests.bot.test_actors_chat import OTHER_DUNN, SECOND_DAY
from tests.bot.test_links import TRAIN_PARAGRAPHS, TRAIN_TITLE
from tests.bot.test_questions import HARBOUR_NOTES
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE, StaticSite, article_page
from tests.e2e.harness import Reply, Session, User, press
from tests.e2e.telegram_html import html_problems

OWN_TITLE = "Harbour Workers in Valdoria Strike Over Pay, Union Leader Mirela Dunn Says"
OTHER_TITLE = "Glacier Survey Finds Faster Melting in Northern Range"


def article_id(reply: Reply) -> int:
    """The `#id` a card or acknowledgement names."""
    match = re.search(r"#(\d+)", reply.plain)
    assert match, reply.text
    return int(match.group(1))


def valid(replies: list[Reply]) -> list[Reply]:
    """The replies, after checking each is valid Telegram HTML."""
    for reply in replies:
        assert html_problems(reply.text) == [], reply.text
    return replies


def channel_forward(text: str, message_id: int = 77) -> dict[str, object]:
    """A post forwarded from the channel @valleywatch."""
    return {
        "text": text,
        "forward_origin": {
            "type": "channel",
            "date": 1714550400,  # 2024-05-01 08:00 UTC
            "chat": {"id": -1001234567, "type": "channel", "title": "Valley Watch",
                     "username": "valleywatch"},
            "message_id": message_id,
        },
    }  # fmt: skip


def test_start_and_help_list_the_command_menu(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    (hello,) = valid(user.say("/start"))
    assert "I keep this chat's news archive" in hello.plain
    (help_reply,) = valid(user.say("/help"))
    (menu,) = list(telegram.sent("setMyCommands"))  # the menu Telegram shows
    names = [c["command"] for c in __import__("json").loads(menu["commands"])]
    assert {"start", "help", "ask", "article", "digest", "subscribe"} <= set(names)
    for name in names:
        assert re.search(rf"^/{name}\b", help_reply.plain, re.MULTILINE), name


def test_pasted_article_is_archived_with_its_card_and_found(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    (card,) = valid(user.say(OWN_ARTICLE))
    assert card.plain.startswith("Saved #")
    assert OWN_TITLE in card.plain and "3 Mar 2024" in card.plain
    assert "The Coastal Courier" in card.plain and "courier.example.org" in card.plain
    number = article_id(card)

    (answer,) = valid(user.say("Mirela Dunn strike"))  # a short text is a question
    assert OWN_TITLE in answer.plain and f"#{number}" in answer.plain
    (answer,) = valid(user.say("/ask Valdoria port"))
    assert OWN_TITLE in answer.plain
    (nothing,) = valid(user.say("/ask Lavrov"))
    assert "Nothing" in nothing.plain and OWN_TITLE not in nothing.plain

    (full,) = valid(user.say(f"/article {number}"))
    assert OWN_TITLE in full.plain and "We will not load a single ship" in full.plain
    (again,) = valid(user.say(OWN_ARTICLE))
    assert again.plain.startswith(f"Already archived as #{number}")
    (recent,) = valid(user.say("/recent"))
    assert OWN_TITLE in recent.plain
    (stats,) = valid(user.say("/stats"))
    assert stats.plain.startswith("1 article from 1 source")


def test_link_is_fetched_from_the_local_site_and_shown_as_its_card(
    telegram: Session, site: StaticSite
) -> None:
    site.routes["/trains"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    telegram.bot(fetch_allow_hosts="127.0.0.1")
    user = telegram.user(501)
    (card,) = valid(user.say(f"worth reading {site.url('/trains')}"))
    # The user first saw the acknowledgement, then it was edited into the card.
    acks = [p["text"] for p in telegram.sent() if "reading it" in p["text"]]
    assert acks == [f"Saved <b>#{article_id(card)}</b>, reading it…"]
    (edit,) = list(telegram.sent("editMessageText"))
    assert int(edit["message_id"]) == card.message_id
    assert TRAIN_TITLE in card.plain and "Valley Gazette" in card.plain
    assert "2 Sep 2024" in card.plain and site.hits["/trains"] == 1

    (answer,) = valid(user.say("night trains Varno"))
    assert TRAIN_TITLE in answer.plain
    (again,) = valid(user.say(site.url("/trains?utm_source=feed#top")))
    assert again.plain.startswith("Already archived as #") and site.hits["/trains"] == 1


def test_forwarded_channel_post_keeps_the_channel_and_its_date(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    text = (
        "Ferry crews on the northern route walked out this morning over new rosters.\n\n"
        "The union said talks with the operator had broken down late on Tuesday night."
    )
    (card,) = valid(user.say_message(channel_forward(text)))
    assert card.plain.startswith("Saved #")
    assert "Valley Watch" in card.plain and "1 May 2024" in card.plain
    (full,) = valid(user.say(f"/article {article_id(card)}"))
    assert "Ferry crews on the northern route" in full.plain
    (answer,) = valid(user.say("ferry crews rosters"))
    assert "Valley Watch" in answer.plain


def test_documents_are_archived_and_wrong_files_refused(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    text = f"# {TRAIN_TITLE}\n\nMay 2, 2024\n\n" + "\n\n".join(TRAIN_PARAGRAPHS)
    telegram.add_file("doc-md", text.encode())
    (card,) = valid(user.say_message(document("trains.md", "doc-md", len(text))))
    assert TRAIN_TITLE in card.plain and "2 May 2024" in card.plain

    (refused,) = valid(user.say_message(document("report.pdf", "doc-pdf", 1000)))
    assert "not report.pdf" in refused.plain
    (refused,) = valid(user.say_message(document("big.txt", "doc-big", 6 * 1024 * 1024)))
    assert "larger than 5 MB" in refused.plain
    telegram.add_file("doc-bin", b"\x00\x01\x02\x03binary" * 100)
    (refused,) = valid(user.say_message(document("fake.txt", "doc-bin", 1100)))
    assert "not a text file" in refused.plain
    (stats,) = user.say("/stats")
    assert stats.plain.startswith("1 article")


def document(name: str, file_id: str, size: int) -> dict[str, object]:
    """A document message (its content is served by the adapter's getFile)."""
    return {
        "document": {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": name,
            "file_size": size,
        }
    }


def test_two_chats_see_only_their_own_archives(telegram: Session) -> None:
    telegram.bot()
    alice = telegram.user(501)  # a private chat
    team = telegram.user(502, chat_id=-2002, name="Team member")  # a group chat
    (own,) = alice.say(OWN_ARTICLE)
    (other,) = team.say(OTHER_ARTICLE)
    mine, theirs = article_id(own), article_id(other)

    (answer,) = valid(alice.say("glacier survey"))
    assert OTHER_TITLE not in answer.plain
    (answer,) = valid(team.say("glacier survey"))
    assert OTHER_TITLE in answer.plain
    (answer,) = valid(team.say("Valdoria strike"))
    assert OWN_TITLE not in answer.plain

    for command in ("article", "forget", "retry"):
        (refused,) = valid(team.say(f"/{command} {mine}"))
        assert OWN_TITLE not in refused.plain and f"#{mine}" in refused.plain
        (refused,) = valid(alice.say(f"/{command} {theirs}"))
        assert OTHER_TITLE not in refused.plain
    for user, title in ((alice, OTHER_TITLE), (team, OWN_TITLE)):
        for command in ("/recent", "/stats", "/digest week"):
            for reply in valid(user.say(command)):
                assert title not in reply.plain, command
    (still,) = alice.say(f"/article {mine}")  # the other chat's /forget deleted nothing
    assert OWN_TITLE in still.plain


def digests_until(user: User, titles: set[str], timeout: float = 30) -> list[str]:
    """Ask /digest until every title has been in one; returns each digest's text.

    A digest covers `[last one, now)` to the second, so an article added in the very second of
    a /digest is in the next one: asking again (never waiting) is how a user would see it."""
    texts: list[str] = []
    seen: set[str] = set()
    deadline = datetime.now(UTC) + timedelta(seconds=timeout)
    while not titles <= seen:
        assert datetime.now(UTC) < deadline, f"digests never showed {titles - seen}: {texts}"
        replies = valid(user.say("/digest", until=lambda r: bool(r)))
        text = "\n".join(r.plain for r in replies)
        texts.append(text)
        seen |= {t for t in titles if t in text}
    return texts


def test_subscribe_and_receive_the_digest(telegram: Session) -> None:
    """The digest asked for with /digest: the same delivery the daily job runs, at once."""
    telegram.bot()
    user = telegram.user(501)
    (subscribed,) = valid(user.say("/subscribe 07:30 Europe/Berlin"))
    assert "Daily digest at 07:30 (Europe/Berlin)" in subscribed.plain
    user.say(OWN_ARTICLE)
    user.say(OTHER_ARTICLE)
    texts = digests_until(user, {OWN_TITLE, OTHER_TITLE})
    joined = "\n".join(texts)
    assert joined.count(OWN_TITLE) == 1 and joined.count(OTHER_TITLE) == 1  # none repeated
    for text in texts:  # an article added in the second of a /digest waits for the next
        has_news = OWN_TITLE in text or OTHER_TITLE in text
        assert text.startswith("Digest for " if has_news else "No new articles since"), text
    (empty,) = user.say("/digest")
    assert empty.plain.startswith("No new articles since")
    (settings,) = valid(user.say("/settings"))
    assert "07:30" in settings.plain and "The last digest covered up to" in settings.plain


def test_missed_digest_is_sent_when_the_bot_starts_again(telegram: Session) -> None:
    """The daily job's own path, triggered without waiting for the clock: the bot is stopped
    over the chat's digest time and sends the missed digest when it starts."""
    bot = telegram.bot()
    user = telegram.user(501)
    (subscribed,) = user.say("/subscribe 08:00 UTC")
    assert "Daily digest at 08:00 (UTC)" in subscribed.plain
    user.say(OWN_ARTICLE)
    mark = user.mark()
    bot.stop()

    # While it was down: the chat had subscribed an hour ago to a time two minutes ago.
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    at = (now - timedelta(minutes=2)).strftime("%H:%M")
    database = Database.open(telegram.db)
    DigestStore(database).subscribe(user.chat_id, at, "UTC", now - timedelta(hours=1))
    database.close()

    telegram.bot()
    (digest,) = valid(user.wait(lambda r: bool(r), mark, what="the missed digest"))
    assert digest.plain.startswith("Digest for ") and OWN_TITLE in digest.plain
    (empty,) = user.say("/digest")  # the catch-up moved the mark: nothing is repeated
    assert empty.plain.startswith("No new articles since")


def test_a_question_with_typos_is_answered_and_says_what_it_searched(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    user.say(OWN_ARTICLE)
    (answer,) = valid(user.say("what did Mirela Dun say"))
    assert "Searched for “Mirela Dunn” instead of “Mirela Dun”." in answer.plain, answer.plain
    assert "We will not load a single ship" in answer.plain
    (answer,) = valid(user.say("Valdorai harbor strike"))
    assert "instead of" in answer.plain and "valdorai" in answer.plain.lower(), answer.plain
    assert OWN_TITLE in answer.plain


def current(user: User, message_id: int) -> Reply:
    """The bot's message `message_id` as the user sees it now."""
    (reply,) = [r for r in user.replies() if r.message_id == message_id]
    return reply


def test_more_and_back_buttons_page_through_an_answer(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    for note in HARBOUR_NOTES:
        user.say(note)
    (first,) = valid(user.say("/ask harbour office"))
    assert first.plain.count("Harbour Note") == 5 and "Page 1" in first.plain
    assert [label for label, _ in first.buttons] == ["More ›"]

    def shows(page: str) -> Callable[[list[Reply]], bool]:
        return lambda _: page in current(user, first.message_id).plain

    press(telegram, user, first.button("More"), first.message_id)
    user.wait(shows("Page 2"), what="the second page")
    second = current(user, first.message_id)
    assert second.plain.count("Harbour Note") == 2 and "6. " in second.plain
    assert [label for label, _ in second.buttons] == ["‹ Back"]
    press(telegram, user, second.button("Back"), first.message_id)
    user.wait(shows("Page 1"), what="the first page again")
    again = current(user, first.message_id)
    assert again.plain == first.plain and again.buttons == first.buttons
    assert user.mark() == first.message_id  # paging edited the answer, it sent nothing new


def analysed(replies: list[Reply]) -> bool:
    """The card of a pasted article once its analysis has added the actors."""
    return bool(replies) and "Actors:" in replies[0].plain


def test_actor_profile_ambiguous_name_and_timeline(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    # A pasted article's card comes at once; its actors are added by an edit once analysed.
    (card,) = valid(user.say(OWN_ARTICLE, until=analysed))
    assert "Actors: Mirela Dunn" in card.plain
    user.say(SECOND_DAY, until=analysed)
    user.say(OTHER_DUNN, until=analysed)
    (profile,) = valid(user.say("/actor mirela dun"))
    assert profile.plain.startswith("Mirela Dunn (person)"), profile.plain
    assert "2 articles" in profile.plain and "We will not load a single ship" in profile.plain
    assert "first seen 3 Mar 2024, last seen 4 Mar 2024" in profile.plain

    (which,) = valid(user.say("/actor Dunn"))
    assert "Which one do you mean" in which.plain
    assert {label for label, _ in which.buttons} == {"Mirela Dunn (person)", "Arno Dunn (person)"}
    mark = user.mark()
    press(telegram, user, which.button("Arno"), which.message_id)
    (arno,) = valid(user.wait(lambda r: bool(r), mark, what="Arno Dunn's profile"))
    assert arno.plain.startswith("Arno Dunn (person)") and "Coastal Tour" in arno.plain
    assert "Mirela" not in arno.plain

    (timeline,) = valid(user.say("/timeline Mirela Dunn"))
    assert timeline.plain.startswith("Mirela Dunn: timeline") and "4 Mar 2024" in timeline.plain
    (quotes,) = valid(user.say("/quotes Mirela Dunn about ship"))
    assert "We will not load a single ship" in quotes.plain
