"""Hostile input.

In process, for speed: a hypothesis run drives thousands of generated messages through the real
Application (`process_update` on `tests/conftest.py`'s offline bot): every reply must be valid
Telegram HTML under 4,096 characters, no handler may fail (the error handler's apology never
appears, nothing is logged as an error), and no other chat's article ever shows.

Through the running bot: links to loopback addresses (and redirects to them) are refused while
those hosts are not allowed; a user who is not allowed is refused for every command and nothing
of theirs is stored; a chat asking for another chat's ids and buttons gets nothing of it.
"""

import asyncio
import ipaddress
import json
import logging
import socket
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from telegram import Update
from telegram._utils.types import JSONDict
from telegram.ext import BaseRateLimiter

from bot import app as bot_app
from handlers.access import REFUSAL
from handlers.errors import APOLOGY
from handlers.ingest import wait_for_background
from storage import Archive
from storage.database import Database
from tests.bot.test_actors_chat import SECOND_DAY
from tests.conftest import OWN_ARTICLE, BotHarness, StaticSite, article_page
from tests.e2e.harness import Session, greeting, press
from tests.e2e.telegram_html import html_problems, utf16_len
from tests.e2e.test_conversation import (
    OWN_TITLE,
    TRAIN_PARAGRAPHS,
    TRAIN_TITLE,
    article_id,
    channel_forward,
    document,
    valid,
)

HOSTILE_MESSAGES = 2000  # at least this many generated messages per run
EXAMPLES = 400
PER_EXAMPLE = (5, 8)

# A chat no generated message is sent to; its words must never reach any other chat.
SECRET_CHAT = 424242
SECRET_WORD = "Quillbrook"
SECRET_ARTICLE = f"""
# {SECRET_WORD} Council Approves the Eastern Reservoir Plan

4 June 2024

**The {SECRET_WORD} Ledger**

The {SECRET_WORD} council approved the eastern reservoir plan on Tuesday, mayor Ottilie
{SECRET_WORD} said after a vote of nine to two.

"Water for the next fifty years is worth the wait," {SECRET_WORD} told the council.
"""

# --- strategies ----------------------------------------------------------------------------------

RTL = [
    "\u202e",
    "\u202b",
    "\u200f",
    "\u0627\u0644\u0633\u0644\u0627\u0645",
    "\u05e9\u05dc\u05d5\u05dd",
]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x85", "\r", "\t", "\u2028"]
FTS = ['"', '""', "'", "*", "^", "NEAR(", "NEAR(a b, 3)", "AND", "OR", "NOT", "-", "+", ":",
       "title:", "body:x", "{title body}:", "(", ")", '"unclosed', "a* OR b*", "\\", "%", "_",
       "MATCH", "'; DROP TABLE articles; --", "column:Lavrov", "NEAR/2"]  # fmt: skip
MARKUP = ["<b>", "</b>", "<i>bold</i>", "<a href='javascript:alert(1)'>x</a>", "<script>",
          "&amp;", "&lt;", "&", "&#0;", "&#x110000;", "<", ">", "<<>>", "<tg-spoiler>",
          "*bold*", "_it_", "__u__", "~s~", "`code`", "```pre```", "[link](x)", "||sp||",
          "\\*", "#", "# Title", "**Source**", "> quote", "<!--", "]]>"]  # fmt: skip
WORDS = ["Lavrov", "Dunn", "Valdoria", "strike", "Syria", "Russia", "port", "union", "said",
         "Varno", "train", "glacier", "2024", "March 3, 2024", "yesterday",
         "last week"]  # fmt: skip
EMOJI = ["😀", "👩‍👩‍👧‍👦", "🇺🇦", "🏳️‍🌈", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𠜎", "\U0010fffd", "\U000e0001"]

any_char = st.characters(codec="utf-8")  # every plane, no lone surrogates (not valid UTF-8)
special = st.sampled_from(RTL + INVISIBLE + CONTROL + FTS + MARKUP + WORDS + EMOJI)
word = st.one_of(special, st.text(any_char, min_size=1, max_size=12))
phrase = st.lists(word, min_size=1, max_size=14).map(" ".join)
paragraph = st.lists(word, min_size=20, max_size=120).map(" ".join)


@st.composite
def long_text(draw: st.DrawFn) -> str:
    """Up to 4,096 characters: an article-like paste or one character class repeated."""
    if draw(st.booleans()):
        title = draw(phrase)
        paragraphs = draw(st.lists(paragraph, min_size=2, max_size=8))
        return f"# {title}\n\n" + "\n\n".join(paragraphs)[:4000]
    unit = draw(st.one_of(special, st.text(any_char, min_size=1, max_size=3)))
    size = draw(st.sampled_from([4096, 4095, 2048, 300, 301]))
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def _ids() -> st.SearchStrategy[str]:
    numbers = st.one_of(
        st.integers(-(2**70), 2**70),
        st.sampled_from([0, 1, 2, -1, 2**31, 2**53, 2**63 - 1, 2**63, 2**64, 10**100]),
    )
    forms = st.sampled_from(["{}", "#{}", "{}.5", "{}e9", "0x{}", " {} ", "{}abc", "٣{}", "{},{}"])
    return st.one_of(st.tuples(forms, numbers).map(lambda p: p[0].format(p[1], p[1])), word)


COMMANDS = ["start", "help", "ask", "recent", "article", "forget", "retry", "stats", "actor",
            "quotes", "timeline", "actors", "alias", "digest", "subscribe", "unsubscribe",
            "settings", "Start", "ASK", "unknown", "x" * 40, "article@OtherBot",
            "article@TestNameBot", "", "/", "ask\u200b"]  # fmt: skip


@st.composite
def command(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(COMMANDS))
    args = draw(st.lists(st.one_of(_ids(), phrase, st.sampled_from(["week", "07:30",
        "25:99", "Mars/Olympus", "Europe/Berlin", "../../etc/passwd", "=", "-"])),
        max_size=4))  # fmt: skip
    return " ".join([f"/{name}", *args])


LOOPBACK_LINKS = [
    "http://127.0.0.1:9/x",
    "http://[::1]:9/x",
    "http://127.255.0.1/",
    "https://localhost:9/a?utm_source=x",
    "http://127.0.0.1:9/" + "a" * 4000,
]


def _entity(kind: str, text: str, start: int, end: int) -> dict[str, Any]:
    """An entity over the characters `text[start:end]`, in UTF-16 units as Telegram counts."""
    return {"type": kind, "offset": utf16_len(text[:start]), "length": utf16_len(text[start:end])}


@st.composite
def text_message(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(
        st.one_of(
            phrase,
            long_text(),
            command(),
            st.tuples(phrase, st.sampled_from(LOOPBACK_LINKS)).map(" ".join),
        )
    )
    fields: dict[str, Any] = {"text": text}
    entities = []
    if text.startswith("/"):
        entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
    # Entities on whole characters, as Telegram sends them (never inside a surrogate pair).
    if draw(st.booleans()) and text:
        kind = draw(st.sampled_from(["bold", "italic", "code", "mention", "hashtag", "spoiler"]))
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 50)))
        entities.append(_entity(kind, text, start, end))
    if draw(st.integers(0, 9)) == 0 and text:
        url = draw(st.sampled_from(LOOPBACK_LINKS))
        entities.append({**_entity("text_link", text, 0, 1), "url": url})
    if entities:
        fields["entities"] = entities
    return fields


@st.composite
def other_message(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["forward", "caption", "document", "sticker", "edited"]))
    text = draw(st.one_of(phrase, long_text()))
    if kind == "forward":
        message = channel_forward(text, draw(st.integers(1, 2**31)))
        origin = message["forward_origin"]
        assert isinstance(origin, dict)
        origin["chat"] = {"id": draw(st.integers(-(2**52), -1)), "type": "channel",
                          "title": draw(phrase)[:128]}  # fmt: skip
        return message
    if kind == "caption":
        photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
        return {"photo": photo, "caption": text[:1024]}
    if kind == "document":
        name = draw(st.one_of(st.sampled_from(["a.txt", "b.md", "c.html", "d.pdf", "e.TXT",
            ".txt", "x.exe", "f.html.exe", "g.md\u202etxt.exe"]), phrase))  # fmt: skip
        size = draw(st.sampled_from([0, 10, 5 * 1024 * 1024, 5 * 1024 * 1024 + 1, 2**40]))
        return document(name[:255], draw(st.sampled_from(["text", "binary", "html", "none"])), size)
    if kind == "sticker":
        sticker = {"file_id": "s", "file_unique_id": "s", "width": 1, "height": 1,
                   "is_animated": False, "is_video": False, "type": "regular"}  # fmt: skip
        return {"sticker": sticker}
    return {"text": text, "edited": True}


@st.composite
def update(draw: st.DrawFn) -> dict[str, Any]:
    """One update from a generated chat and user (never the secret chat)."""
    chat_id = draw(st.sampled_from([501, 502, -2002, -(10**12) - 7, 2**52 - 1, -(2**52) + 1]))
    user_id = draw(st.sampled_from([501, 502, 2**52 - 1, 1]))
    chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup", "title": "T"}
    sender = {"id": user_id, "is_bot": False, "first_name": draw(phrase)[:64] or "x"}
    if draw(st.integers(0, 7)) == 0:
        data = draw(
            st.one_of(
                st.sampled_from(["a:1", "a:2", "tl:1:0", "tl:2:1", "tl:1:9999", "a:0", "a:-1",
                                 "a:999999999999999999", "tl::", "", "x" * 64]),
                st.text(any_char, max_size=64),
            )
        )  # fmt: skip
        message = {"message_id": draw(st.integers(1, 2**31)), "date": int(time.time()),
                   "chat": chat, "text": "old"}  # fmt: skip
        query = {"id": str(draw(st.integers(1, 2**63))), "from": sender, "data": data,
                 "chat_instance": "1", "message": message}  # fmt: skip
        return {"callback_query": query}
    body = draw(st.one_of(text_message(), text_message(), other_message()))
    edited = body.pop("edited", False)
    message = {"message_id": draw(st.integers(1, 2**31 - 1)), "date": int(time.time()),
               "chat": chat, "from": sender, **body}  # fmt: skip
    if edited:
        message["edit_date"] = int(time.time())
    return {"edited_message" if edited else "message": message}


# --- the run -------------------------------------------------------------------------------------


class NoRateLimit(BaseRateLimiter[None]):
    """Sends at once: the in-process run tests what the bot says, not Telegram's flood limits
    (which would hold a few thousand replies for minutes)."""

    def __init__(self, **_: Any) -> None:
        super().__init__()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | JSONDict | list[JSONDict]:
        return await callback(*args, **kwargs)


class ErrorLog(logging.Handler):
    """Every record at ERROR or above from the bot's packages and python-telegram-bot (the
    libraries' own complaints, such as trafilatura's about an empty page, are theirs)."""

    OURS = frozenset({"bot", "handlers", "briefing", "storage", "telegram"})

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in self.OURS:
            self.records.append(record)


def _loopback(host: object) -> bool:
    text = str(host).strip("[]")
    if text == "localhost":
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """No name lookup or connection leaves this machine during the test; tries are listed."""
    tried: list[str] = []
    lookup, connect = socket.getaddrinfo, socket.socket.connect

    def guarded_lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _loopback(host.decode() if isinstance(host, bytes) else host):
            tried.append(f"lookup {host!r}")
            raise socket.gaierror(socket.EAI_NONAME, "blocked by the test")
        return lookup(host, *args, **kwargs)

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and not _loopback(address[0]):
            tried.append(f"connect {address!r}")
            raise ConnectionRefusedError("blocked by the test")
        return connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", guarded_lookup)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    yield tried


def _check_reply(name: str, params: dict[str, Any]) -> list[str]:
    text = str(params.get("text", ""))
    problems = []
    if text == APOLOGY:
        problems.append("the error handler's apology")
    if SECRET_WORD in text and int(params.get("chat_id", 0)) != SECRET_CHAT:
        problems.append("another chat's article")
    if name == "answerCallbackQuery":
        if len(text) > 200:
            problems.append("callback answer over 200 characters")
    elif params.get("parse_mode") == "HTML":
        problems += html_problems(text)
    elif utf16_len(text) > 4096 or not text.strip():
        problems.append(f"plain text of {utf16_len(text)} units")
    return problems


def _files(harness: BotHarness) -> None:
    harness.request.files.update(
        {
            "text": b"# A plain file\n\nIt says very little, and in plain words.",
            "binary": b"\x00\xff\x01" * 200,
            "html": article_page("<script>alert(1)</script> & Co", ["<b>x</b> & y"] * 3),
        }
    )


def test_hostile_messages_never_break_the_bot(
    make_bot: Any, loopback_only: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot_app, "AIORateLimiter", NoRateLimit)
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    sent: list[int] = [0]
    bad: list[str] = []
    unknown: list[logging.LogRecord] = []
    with asyncio.Runner() as runner:
        harness: BotHarness = runner.run(make_bot())
        _files(harness)
        secret = runner.run(harness.chat(SECRET_CHAT, SECRET_CHAT).send(SECRET_ARTICLE))
        assert SECRET_WORD in secret[0]

        async def deliver(data: dict[str, Any]) -> None:
            app, calls = harness.app, harness.request.calls
            before = len(calls)
            await app.process_update(Update.de_json({"update_id": 1, **data}, app.bot))
            await wait_for_background(app)
            for name, params in calls[before:]:
                if name not in {"sendMessage", "editMessageText", "answerCallbackQuery"}:
                    continue
                text = str(params.get("text"))
                for problem in _check_reply(name, params):
                    bad.append(
                        f"{problem} in {name} {text[:300]!r} answering {json.dumps(data)[:300]}"
                    )

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],  # the bot's state grows: no shrinking
        )
        @given(st.lists(update(), min_size=PER_EXAMPLE[0], max_size=PER_EXAMPLE[1]))
        def drive(updates: list[dict[str, Any]]) -> None:
            for data in updates:
                runner.run(deliver(data))
                sent[0] += 1
            unknown.extend(errors.records)
            errors.records.clear()
            assert not bad, bad[:5]
            assert not unknown, [errors.format(r) for r in unknown[:3]]

        try:
            drive()
        finally:
            logging.getLogger().removeHandler(errors)
            runner.run(harness.app.shutdown())
    assert sent[0] >= HOSTILE_MESSAGES
    assert loopback_only == [], loopback_only[:5]
    print(
        f"\nhostile messages: {sent[0]} through the application; no unhandled error, every"
        " reply valid"
    )


# --- through the running bot ---------------------------------------------------------------------


def test_links_to_loopback_addresses_are_refused_even_after_a_redirect(
    telegram: Session, site: StaticSite
) -> None:
    port = site.server_address[1]
    secret = f"http://127.0.0.1:{port}/secret"
    site.routes["/secret"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    site.routes["/jump"] = secret
    site.routes["/jump6"] = f"http://[::1]:{port}/secret"
    site.routes["/jump8"] = f"http://127.8.9.10:{port}/secret"
    # Only "localhost" is allowed, so the first hop of a redirect can be served locally.
    telegram.bot(fetch_allow_hosts="localhost")
    user = telegram.user(501)
    links = [
        secret,
        f"http://[::1]:{port}/secret",
        f"http://127.1.2.3:{port}/secret",
        f"http://localhost:{port}/jump",
        f"http://localhost:{port}/jump6",
        f"http://localhost:{port}/jump8",
    ]
    for link in links:
        (card,) = valid(user.say(link))
        assert "as a link only" in card.plain and "private network" in card.plain, link
        assert TRAIN_TITLE not in card.plain
    assert site.hits.get("/secret", 0) == 0
    assert site.hits["/jump"] == site.hits["/jump6"] == site.hits["/jump8"] == 1
    (stats,) = user.say("/stats")
    assert f"{len(links)} failed" in stats.plain


def test_a_user_not_allowed_is_refused_everything_and_nothing_is_stored(
    telegram: Session, site: StaticSite
) -> None:
    site.routes["/trains"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    bot = telegram.bot(allowed_user_ids="501", fetch_allow_hosts="127.0.0.1")
    owner, stranger = telegram.user(501), telegram.user(777, name="Stranger")
    (card,) = owner.say(OWN_ARTICLE)
    number = article_id(card)
    (menu,) = list(telegram.sent("setMyCommands"))
    names = [c["command"] for c in json.loads(menu["commands"])]
    telegram.add_file("doc", b"# A file\n\nSome text of a file.")
    attempts = [f"/{name} {number}" for name in names] + [f"/{name}" for name in names] + [
        "/nonsense",
        OWN_ARTICLE.replace("Valdoria", "Corvia"),
        "Valdoria strike",
        site.url("/trains"),
    ]  # fmt: skip
    for text in attempts:
        (refused,) = stranger.say(text)
        assert refused.text == REFUSAL, text
    for message in (channel_forward("A forwarded post " * 20), document("a.txt", "doc", 30)):
        (refused,) = stranger.say_message(message)
        assert refused.text == REFUSAL
    # In a group with the owner, the stranger is refused too.
    team_stranger = telegram.user(777, chat_id=-3003, name="Stranger")
    (refused,) = team_stranger.say("/recent")
    assert refused.text == REFUSAL
    before = len(list(telegram.sent("sendMessage")))
    stranger.press("a:1", message_id=card.message_id)
    answered = telegram.adapter.wait_until(
        lambda: telegram.adapter.calls_of(telegram.token, "answerCallbackQuery"),
        10,
        "the refusal of a button",
    )
    assert answered[-1].params["text"] == REFUSAL
    assert len(list(telegram.sent("sendMessage"))) == before  # nothing else was said

    assert site.hits.get("/trains", 0) == 0
    (stats,) = owner.say("/stats")  # the owner is served as before
    assert stats.plain.startswith("1 article")
    bot.stop()
    archive = Archive.open(telegram.db)
    try:
        assert archive.stats(777).total == 0 and archive.stats(-3003).total == 0
        assert archive.stats(501).total == 1
    finally:
        archive.close()


def test_a_chat_cannot_reach_another_chats_articles_or_buttons(telegram: Session) -> None:
    telegram.bot()
    owner = telegram.user(501)
    intruder = telegram.user(502, name="Intruder")  # private: groups get 20 replies a minute
    (card,) = owner.say(OWN_ARTICLE)
    number = article_id(card)
    for command in ("article", "forget", "retry"):
        for form in (f"{number}", f"#{number}", f" {number} ", f"{number} {number}"):
            (reply,) = valid(intruder.say(f"/{command} {form}"))
            assert OWN_TITLE not in reply.plain and "Mirela" not in reply.plain
    for query in ("/ask Valdoria", "Mirela Dunn", "/actor Mirela Dunn", "/quotes Dunn"):
        for reply in valid(intruder.say(query)):
            assert OWN_TITLE not in reply.plain and "We will not load" not in reply.plain
    # Forged button data (actor and timeline ids of the owner's chat) on a message of the
    # intruder's own chat: Telegram only sends callbacks for the chat's own messages.
    mark = intruder.mark()
    for data in ("a:1", "a:2", "a:3", "tl:1:0", "tl:2:0", "tl:1:1"):
        message = greeting(intruder)  # a message of the bot's to press the button on
        press(telegram, intruder, data, message.message_id)
    for reply in valid([r for r in intruder.replies() if r.message_id > mark]):
        assert "Mirela" not in reply.plain and "Valdoria" not in reply.plain
    for params in telegram.sent("editMessageText"):
        assert int(params["chat_id"]) != owner.chat_id or "Mirela" in params["text"]
    (still,) = owner.say(f"/article {number}")
    assert OWN_TITLE in still.plain


# --- problems earlier runs found, one deterministic case each -----------------------------------


def test_a_very_long_link_still_gets_its_card(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    link = "http://127.0.0.1:9/" + "a" * 4000  # a message of 4,019 characters
    mark = user.mark()
    user.send(link)

    def card_or_refusal() -> bool:
        card = any(r.message_id > mark and not r.reading for r in user.replies())
        return card or bool(telegram.adapter.refused)

    telegram.adapter.wait_until(
        card_or_refusal,
        30,
        "the card or Telegram refusing it",
    )
    assert telegram.adapter.refused == []
    (card,) = user.wait(lambda r: bool(r), mark)
    assert "as a link only" in card.plain and "private network" in card.plain


def test_a_file_without_an_article_is_refused_plainly(telegram: Session) -> None:
    bot = telegram.bot()
    user = telegram.user(501)
    telegram.add_file("empty", b"<html><body><nav>Home</nav></body></html>")
    (reply,) = valid(user.say_message(document("empty.html", "empty", 41)))
    assert reply.plain == "Nothing saved from empty.html: no article text found.", reply.plain
    (stats,) = user.say("/stats")
    assert stats.plain.startswith("The archive of this chat is empty"), stats.plain
    assert bot.tracebacks() == []


def test_pressing_the_same_timeline_button_twice(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    user.say(OWN_ARTICLE)
    user.say(SECOND_DAY)  # Dunn "warned that the walkout would continue": a dated event
    (timeline,) = valid(user.say("/timeline Mirela Dunn"))
    assert timeline.plain.startswith("Mirela Dunn: timeline"), timeline.plain
    database = Database.open(telegram.db)  # the id the timeline's buttons carry
    try:
        ((actor_id,),) = database.query("SELECT id FROM actors WHERE name = 'Mirela Dunn'")
    finally:
        database.close()
    for _ in range(2):  # the page shown already: Telegram answers "message is not modified"
        press(telegram, user, f"tl:{actor_id}:0", timeline.message_id)
    greeting(user)  # handled after the presses: any apology has come by its answer
    replies = [r.plain for r in user.replies() if timeline.message_id < r.message_id]
    assert APOLOGY not in replies and telegram.adapter.refused == []
    assert len(telegram.adapter.unchanged) == 2  # both were answered "not modified", quietly
