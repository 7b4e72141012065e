"""Faults around the running bot: SIGKILL in the middle of a burst, Telegram asking it to wait
(429), the Bot API going away and coming back, and a backup taken while it runs."""

import json
import random
import re
import subprocess
import sys
import time

import pytest

from bot.inbox import bot_id_of
from storage import Archive
from storage.database import Database
from storage.inbox import Inbox
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE, StaticSite, article_page
from tests.e2e.harness import Reply, Session, User, bot_env
from tests.e2e.telegram_html import plain
from tests.e2e.test_conversation import (
    OWN_TITLE,
    article_id,
    digests_until,
    valid,
)

SENTENCES = [
    "The harbour office counted {a} arrivals and {b} departures before noon.",
    "Inspectors from the river authority visited {a} sites along the {w} embankment.",
    "The council of {w} voted {a} to {b} to reopen the old market hall.",
    "Farmers near {w} reported the driest spring in {a} years.",
    "The {w} ferry ran {a} extra crossings after the bridge closed for repairs.",
    "Teachers in {w} said {a} schools would stay open through the holiday.",
    "A survey of {a} households in {w} found that {b} had no broadband.",
    "The {w} observatory recorded {a} meteors during the night.",
    "Police in {w} closed {a} streets for the marathon on Sunday.",
    "The {w} library lent {a} books in its first week after the renovation.",
]
PLACES = ["Arlen", "Borova", "Cask", "Dunmore", "Elsby", "Fenwick", "Gorse", "Halden",
          "Iverly", "Jessup", "Kettle", "Lorn", "Marrow", "Norwick", "Oakum", "Pellow"]  # fmt: skip


def bulletin(n: int) -> tuple[str, list[str]]:
    """The title and paragraphs of article `n` of a burst: each one different."""
    rng = random.Random(n)
    place = f"{rng.choice(PLACES)} {rng.choice(PLACES)}"
    title = f"Bulletin {n:03d}: {place} {rng.choice(['votes', 'counts', 'reopens', 'reports'])}"
    paragraphs = [
        s.format(a=rng.randint(2, 999), b=rng.randint(2, 999), w=place)
        for s in rng.sample(SENTENCES, 5)
    ]
    return title, paragraphs


def pasted(n: int) -> str:
    """Article `n` as text a user pastes."""
    title, paragraphs = bulletin(n)
    return f"# {title}\n\nMarch 3, 2024\n\n**The Burst Courier**\n\n" + "\n\n".join(paragraphs)


def titles_in(replies: list[Reply]) -> set[str]:
    """Every bulletin title the replies name."""
    return {m.group(0) for r in replies for m in re.finditer(r"Bulletin \d{3}: [^\n<]+", r.plain)}


def unread(replies: list[Reply]) -> set[int]:
    """Articles whose acknowledgement still says "reading it…" and that have no card yet."""
    shown = {article_id(r) for r in replies if not r.reading and re.search(r"#\d+", r.plain)}
    return {article_id(r) for r in replies if r.reading} - shown


def settle(user: User) -> Reply:
    """Wait until the bot has handled everything it was sent and has read every link it
    acknowledged; returns its /stats reply then. Updates are handled in order, so the answer to
    a /stats sent now comes after every earlier message; each link read then shows its card
    (by editing its acknowledgement, or in a message of its own)."""
    user.say("/stats", timeout=120, until=lambda r: stats_in(r) is not None)
    user.wait(lambda r: not unread(r), timeout=120, what="a card for every link")
    stats = stats_in(user.say("/stats", until=lambda r: stats_in(r) is not None))
    assert stats is not None
    return stats


def stats_in(replies: list[Reply]) -> Reply | None:
    """The answer to /stats among the replies, if it has come."""
    pattern = r"\d+ articles? from|The archive of this chat is empty"
    return next((r for r in replies if re.match(pattern, r.plain)), None)


@pytest.mark.slow
def test_sigkill_in_the_middle_of_a_burst_loses_nothing(
    telegram: Session, site: StaticSite
) -> None:
    burst = 200
    messages = []
    for n in range(burst):
        if n % 2:  # every other article is a link to the local site, read in the background
            title, paragraphs = bulletin(n)
            site.routes[f"/b/{n}"] = (200, "text/html", article_page(title, paragraphs))
            messages.append(site.url(f"/b/{n}"))
        else:
            messages.append(pasted(n))
    expected = {bulletin(n)[0] for n in range(burst)}
    bot = telegram.bot(fetch_allow_hosts="127.0.0.1")
    user = telegram.user(501)
    for text in messages:
        user.send(text)
    seen_before = user.wait(lambda r: len(r) >= burst // 4, timeout=120, what="a quarter")
    bot.kill()
    answered_before_kill = len(titles_in(user.replies()))

    telegram.bot(fetch_allow_hosts="127.0.0.1")
    try:
        stats = settle(user)
    except AssertionError:  # say what is missing, for a failure in CI
        waiting = unread(user.replies())
        print(f"\nstill 'reading it…': {sorted(waiting)}\n{telegram.bots[-1].log()[-3000:]}")
        raise
    replies = user.replies()
    duplicates = [r for r in replies if r.plain.startswith("Already archived")]
    telegram.bots[-1].stop()
    archive = Archive.open(telegram.db)
    try:
        stored = archive.recent(user.chat_id, 10 * burst)
        pending = archive.pending()
    finally:
        archive.close()
    print(
        f"\nSIGKILL burst: {burst} articles sent, killed after {len(seen_before)} replies"
        f" ({answered_before_kill} answered); after the restart {len(stored)} archived,"
        f" {len(titles_in(replies))} answered, {len(duplicates)} answered 'Already archived',"
        f" {sum(r.reading for r in replies)} acknowledgement(s) left 'reading it…'"
    )
    missing = expected - {a.title for a in stored}
    assert not missing, f"{len(missing)} of {burst} articles were lost, e.g. {sorted(missing)[:3]}"
    assert sorted(a.title for a in stored) == sorted(expected)  # each exactly once
    assert {a.status for a in stored} == {"ready"} and pending == []
    assert stats.plain.startswith(f"{burst} articles"), stats.plain
    assert titles_in(replies) >= expected
    # An acknowledgement whose sending was under way when the process died cannot be edited:
    # its message id, Telegram's answer, died with the process. Updates are handled one at a
    # time, so at most one is in flight; its article's card comes as a message of its own.
    orphans = [r for r in replies if r.reading]
    assert len(orphans) <= 1, f"acknowledgements never finished: {[r.plain for r in orphans]}"
    cards = {article_id(r) for r in replies if not r.reading and "#" in r.plain}
    assert {article_id(r) for r in orphans} <= cards


def test_a_stop_in_the_middle_of_a_burst_loses_nothing(telegram: Session, site: StaticSite) -> None:
    """SIGTERM, as a deploy restarts the bot: what was received is handled before it exits
    (links read, cards shown), and the next start handles nothing a second time."""
    burst = 80
    messages = []
    for n in range(burst):
        if n % 4 == 1:
            title, paragraphs = bulletin(n)
            site.routes[f"/b/{n}"] = (200, "text/html", article_page(title, paragraphs))
            messages.append(site.url(f"/b/{n}"))
        else:
            messages.append(pasted(n))
    bot = telegram.bot(fetch_allow_hosts="127.0.0.1")
    user = telegram.user(501)
    for text in messages:
        user.send(text)
    user.wait(lambda r: len(r) >= burst // 4, timeout=120, what="a quarter")
    assert bot.stop() == 0
    stopped_with = len(titles_in(user.replies()))

    telegram.bot(fetch_allow_hosts="127.0.0.1")
    stats = settle(user)
    replies = user.replies()
    telegram.bots[-1].stop()
    archive = Archive.open(telegram.db)
    try:
        stored = archive.recent(user.chat_id, 10 * burst)
    finally:
        archive.close()
    print(
        f"\nstop (SIGTERM) during a burst of {burst}: {stopped_with} answered before it,"
        f" {len(stored)} archived after the restart"
    )
    assert sorted(a.title for a in stored) == sorted(bulletin(n)[0] for n in range(burst))
    assert stats.plain.startswith(f"{burst} articles"), stats.plain
    assert not [r.plain for r in replies if r.reading]  # a clean stop finishes what it began
    assert not [r.plain for r in replies if r.plain.startswith("Already archived")]
    assert "left unfinished" not in telegram.bots[-1].log()  # every update was marked done


@pytest.mark.tracebacks_expected  # PTB's rate limiter logs each 429 with a traceback
def test_telegram_asks_to_wait_and_the_bot_delivers_the_digest(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    user.say(OWN_ARTICLE)
    telegram.adapter.fail_next("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    texts = digests_until(user, {OWN_TITLE})
    assert time.monotonic() - started >= 1  # it waited as told
    assert texts[-1].startswith("Digest for ") and "Sorry" not in "".join(texts)
    statuses = [c.status for c in telegram.adapter.calls_of(telegram.token, "sendMessage")]
    assert statuses.count(429) == 1 and statuses[statuses.index(429) + 1] == 200


@pytest.mark.tracebacks_expected
def test_telegram_asks_to_wait_and_the_bot_delivers_the_reply(telegram: Session) -> None:
    telegram.bot()
    user = telegram.user(501)
    telegram.adapter.fail_next("sendMessage", 429, retry_after=1)
    (hello,) = user.say("/start")
    assert "I keep this chat's news archive" in hello.plain, hello.plain


@pytest.mark.tracebacks_expected
def test_polling_survives_429_and_the_api_going_away(telegram: Session) -> None:
    adapter = telegram.adapter
    bot = telegram.bot()
    user = telegram.user(501)
    adapter.fail_next("getUpdates", 429, retry_after=1)
    (hello,) = user.say("/start")
    assert "I keep this chat's news archive" in hello.plain

    mark = user.mark()
    dropped = adapter.dropped
    adapter.go_away()
    user.send("/help")  # these reach Telegram while the bot cannot
    user.send(OWN_ARTICLE)
    user.send("/stats")
    adapter.wait_until(lambda: adapter.dropped >= dropped + 3, 60, "three failed polls")
    adapter.come_back()
    replies = valid(user.wait(lambda r: len(r) >= 3, mark, timeout=60, what="the backlog"))
    assert replies[0].plain.startswith("News briefing bot\n")
    assert OWN_TITLE in replies[1].plain and replies[2].plain.startswith("1 article")
    assert bot.running


def run_cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` with BRIEFING_DB set."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=bot_env(briefing_db=db),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_backup_while_the_bot_runs_and_start_from_the_copy(telegram: Session) -> None:
    bot = telegram.bot()
    user = telegram.user(501)
    (own,) = user.say(OWN_ARTICLE)
    (other,) = user.say(OTHER_ARTICLE)
    more = 30
    mark = user.mark()
    for n in range(more):  # the bot is writing while the backup runs
        user.send(pasted(n))
    copy = telegram.workdir / "backup" / "copy.db"
    done = run_cli("backup", str(copy), db=str(telegram.db))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Backed up")
    user.wait(lambda r: len(r) >= more, mark, timeout=120, what="the burst")
    bot.stop()

    database = Database.open(copy)
    try:
        assert database.query("PRAGMA integrity_check") == [("ok",)]
        # Updates received but not yet handled when the copy was taken are in its inbox:
        # the bot started from the copy handles them.
        inbox = Inbox(database, bot_id_of(telegram.token)).unfinished()
        waiting = {json.loads(u.data)["message"]["text"].split("\n")[0][2:] for u in inbox}
    finally:
        database.close()
    archive = Archive.open(copy)
    try:
        in_copy = archive.recent(user.chat_id, 1000)
    finally:
        archive.close()
    ids = {a.id: a.title for a in in_copy if a.title}
    assert article_id(own) in ids and article_id(other) in ids
    assert 2 <= len(in_copy) <= 2 + more

    telegram.bot(db=copy)
    stats = stats_in(user.say("/stats", until=lambda r: stats_in(r) is not None))
    expected = len({a.title for a in in_copy if a.title} | {t for t in waiting if t})
    assert stats is not None and re.match(rf"{expected} articles? from", stats.plain), stats
    (answer,) = user.say("Valdoria strike")
    assert OWN_TITLE in answer.plain
    for number, title in ids.items():
        (full,) = user.say(f"/article {number}")
        assert plain(full.text).startswith(f"#{number} {title}")
    print(
        f"\nbackup taken during a burst of {more}: {len(in_copy)} articles in the copy,"
        f" {len(inbox)} update(s) received and not yet handled, handled from the copy"
    )


def test_backup_refuses_a_missing_database_or_overwriting_itself(telegram: Session) -> None:
    missing = run_cli("backup", str(telegram.workdir / "b.db"), db=str(telegram.workdir / "no.db"))
    assert missing.returncode == 2 and "No database" in missing.stderr
    Database.open(telegram.db).close()
    itself = run_cli("backup", str(telegram.db), db=str(telegram.db))
    assert itself.returncode == 2 and "must not overwrite" in itself.stderr
