"""Digest time maths (zones, daylight saving, missed slots, windows) and digest composition."""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.digests.build import (
    Digest,
    DigestExtras,
    DigestQuote,
    Limits,
    build_digest,
    compose_digest,
    digest_json,
    digest_text,
    headline,
)
from briefing.digests.salience import actor_facts
from briefing.digests.schedule import (
    continues_from,
    digest_window,
    due_slot,
    find_zone,
    latest_slot,
    next_slot,
    parse_hhmm,
    parse_moment,
    parse_subscription,
)
from briefing.ingest.article import parse_pasted
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from storage import Archive, DigestArticle, NewArticle, Subscription
from storage.digests import DigestStore
from tests.briefing.story_texts import BORDER, SALE, SALE_RETOLD

LONDON = "Europe/London"
T0 = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)

BODY = (
    "Dock workers in the port of Valdoria walked out on Sunday over pay. "
    "The union said the strike would last until the port authority agreed to talks. "
    "Ships queued outside the harbour as cranes stood still for a second day. "
    "The port authority said it regretted the strike and hoped for an agreement soon."
)


def _sub(**fields: object) -> Subscription:
    values: dict[str, object] = {
        "chat_id": 1, "at": "08:00", "zone": LONDON, "active": True, "paused": False,
        "paused_reason": None, "subscribed_at": datetime(2024, 1, 1, tzinfo=UTC),
        "delivered_until": None, "last_sent_at": None,
    }  # fmt: skip
    values.update(fields)
    return Subscription(**values)  # type: ignore[arg-type]


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# --- parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8:00", "08:00"), ("07:30", "07:30"), ("0730", "07:30"), ("23.59", "23:59"),
     ("24:00", None), ("7:60", None), ("noon", None), ("", None)],
)  # fmt: skip
def test_parse_hhmm(text: str, expected: str | None) -> None:
    assert parse_hhmm(text) == expected


def test_find_zone_is_case_insensitive_and_refuses_paths() -> None:
    assert find_zone("Europe/Berlin") == "Europe/Berlin"
    assert find_zone("europe/berlin") == "Europe/Berlin"
    assert find_zone("utc") == "UTC"
    for bad in ("Mars/Olympus", "../etc/passwd", "/etc/localtime", "", "Europe/"):
        assert find_zone(bad) is None


def test_subscription_arguments_in_any_order_over_defaults() -> None:
    assert parse_subscription([], "08:00", "UTC") == ("08:00", "UTC")
    assert parse_subscription(["7:15"], "08:00", "UTC") == ("07:15", "UTC")
    assert parse_subscription(["asia/tokyo", "06:00"], "08:00", "UTC") == ("06:00", "Asia/Tokyo")
    with pytest.raises(ValueError, match="neither a time"):
        parse_subscription(["tomorrow"], "08:00", "UTC")
    with pytest.raises(ValueError):
        parse_subscription(["07:00", "UTC", "extra"], "08:00", "UTC")


def test_parse_moment_uses_the_zone_without_an_offset() -> None:
    assert parse_moment("2024-07-01", "Europe/Berlin") == _utc("2024-06-30T22:00")
    assert parse_moment("2024-07-01T08:00+00:00", "Europe/Berlin") == _utc("2024-07-01T08:00")
    with pytest.raises(ValueError):
        parse_moment("yesterday", "UTC")


# --- slots across zones and daylight saving --------------------------------------------------


def test_slots_in_different_zones() -> None:
    now = _utc("2024-07-01T12:00")
    assert latest_slot("08:00", "Asia/Tokyo", now) == _utc("2024-06-30T23:00")
    assert latest_slot("08:00", "America/New_York", now) == _utc("2024-07-01T12:00")
    assert next_slot("08:00", "America/New_York", now) == _utc("2024-07-02T12:00")
    assert next_slot("08:00", "Asia/Kolkata", now) == _utc("2024-07-02T02:30")


def test_daylight_saving_keeps_the_local_time() -> None:
    # London moves to BST on 31 March 2024 and back to GMT on 27 October 2024.
    before = next_slot("08:00", LONDON, _utc("2024-03-29T12:00"))
    across = next_slot("08:00", LONDON, before)
    after = next_slot("08:00", LONDON, across)
    assert (before, across, after) == (
        _utc("2024-03-30T08:00"), _utc("2024-03-31T07:00"), _utc("2024-04-01T07:00"),
    )  # fmt: skip
    assert across - before == timedelta(hours=23)
    autumn = next_slot("08:00", LONDON, _utc("2024-10-25T12:00"))  # 26 Oct, still BST
    assert next_slot("08:00", LONDON, autumn) - autumn == timedelta(hours=25)
    for slot in (before, across, after, autumn):
        assert slot.astimezone(ZoneInfo(LONDON)).strftime("%H:%M") == "08:00"


def test_a_time_skipped_by_the_clock_change_still_happens() -> None:
    slot = next_slot("01:30", LONDON, _utc("2024-03-30T12:00"))  # 01:30 does not exist that day
    assert slot == _utc("2024-03-31T01:30")  # 02:30 BST
    assert next_slot("01:30", LONDON, slot) == _utc("2024-04-01T00:30")


# --- which slot is due ----------------------------------------------------------------------


def test_due_at_the_slot_and_once() -> None:
    slot = _utc("2024-03-04T08:00")
    assert due_slot(_sub(), slot) == slot
    assert due_slot(_sub(), slot - timedelta(seconds=1)) is None  # yesterday's is a day old
    assert (
        due_slot(_sub(last_sent_at=slot + timedelta(seconds=2)), slot + timedelta(hours=1)) is None
    )
    assert due_slot(_sub(last_sent_at=slot - timedelta(hours=3)), slot + timedelta(hours=1)) == slot


def test_missed_digest_is_due_for_twelve_hours_then_waits() -> None:
    slot = _utc("2024-03-04T08:00")
    sent_yesterday = _sub(last_sent_at=slot - timedelta(days=1))
    assert due_slot(sent_yesterday, slot + timedelta(hours=11, minutes=59)) == slot
    assert due_slot(sent_yesterday, slot + timedelta(hours=12, minutes=1)) is None


def test_not_due_for_a_slot_before_subscribing_or_when_paused() -> None:
    slot = _utc("2024-03-04T08:00")
    assert (
        due_slot(_sub(subscribed_at=slot + timedelta(minutes=5)), slot + timedelta(hours=1)) is None
    )
    assert due_slot(_sub(paused=True), slot) is None
    assert due_slot(_sub(active=False), slot) is None


def test_missed_slot_across_the_spring_change() -> None:
    sub = _sub(last_sent_at=_utc("2024-03-30T08:00:05"))
    assert due_slot(sub, _utc("2024-03-31T06:30")) is None  # 07:30 BST: not yet
    assert due_slot(sub, _utc("2024-03-31T07:30")) == _utc("2024-03-31T07:00")


# --- windows --------------------------------------------------------------------------------


def test_window_continues_from_the_mark_for_at_most_a_week() -> None:
    now = _utc("2024-03-10T08:00:00.700")
    assert digest_window(None, now) == (now.replace(microsecond=0) - timedelta(days=1),
                                         now.replace(microsecond=0))  # fmt: skip
    mark = _utc("2024-03-09T08:00:03")
    assert digest_window(mark, now) == (mark, _utc("2024-03-10T08:00"))
    old = _utc("2024-02-01T08:00")
    assert digest_window(old, now)[0] == _utc("2024-03-03T08:00")


def test_a_first_digest_starts_a_day_before_subscribing() -> None:
    subscribed = _utc("2024-03-04T10:00")
    assert continues_from(None) is None
    assert continues_from(_sub(subscribed_at=subscribed)) == subscribed - timedelta(days=1)
    mark = _utc("2024-03-05T08:00")
    assert continues_from(_sub(subscribed_at=subscribed, delivered_until=mark)) == mark
    assert continues_from(_sub(active=False, subscribed_at=subscribed)) is None
    late = _utc("2024-03-07T08:00")  # the bot was down for the first two mornings
    since, _ = digest_window(continues_from(_sub(subscribed_at=subscribed)), late)
    assert since == subscribed - timedelta(days=1)


def test_window_stops_at_an_article_still_being_read() -> None:
    now, mark = _utc("2024-03-10T08:00"), _utc("2024-03-09T08:00")
    reading = now - timedelta(minutes=3)
    assert digest_window(mark, now, reading) == (mark, reading)
    stuck = now - timedelta(hours=2)
    assert digest_window(mark, now, stuck) == (mark, now)


# --- composition ----------------------------------------------------------------------------


def _article(id: int, title: str, source: str = "Wire", story: int | None = None,
             body: str = BODY, url: str | None = None) -> DigestArticle:  # fmt: skip
    return DigestArticle(
        id=id, title=title, source=source, url=url or f"https://news.example/{id}",
        published_at=None, added_at=f"2024-03-04T0{id % 10}:00:00+00:00", body=body, story_id=story,
    )  # fmt: skip


def test_same_story_from_several_outlets_is_one_story_ranked_first() -> None:
    articles = [
        _article(1, "Glacier survey", "Alpine Daily"),
        _article(2, "Harbour strike", "Courier"),
        _article(3, "Harbour strike goes on", "Gazette", story=2),
        _article(4, "Strike at the harbour", "Courier", story=2),
    ]
    digest = build_digest(7, articles, T0, T0 + timedelta(days=1))
    assert digest.articles == 4 and digest.story_count == 2
    first = digest.stories[0]
    assert first.article_ids == (2, 3, 4)
    assert [s.name for s in first.sources] == ["Courier", "Gazette"]
    assert 1 <= len(first.summary) <= 3
    assert "Dock workers" in first.summary[0]
    assert digest.stories[1].title == "Glacier survey"
    assert digest.actors == () and digest.quotes == ()


def test_summaries_shrink_down_the_list_and_the_tail_is_counted() -> None:
    limits = Limits(summarised=4, long_summaries=1, medium_summaries=1, listed=3)
    articles = [_article(i, f"Story {i}") for i in range(1, 11)]
    digest = build_digest(7, articles, T0, T0 + timedelta(days=1), limits=limits)
    assert [len(s.summary) for s in digest.stories] == [3, 2, 1, 1, 0, 0, 0]
    assert digest.story_count == 10
    assert "…and 3 more stories." in digest_text(digest, "UTC")


def test_empty_window_is_one_short_line() -> None:
    digest = build_digest(7, [], T0, T0 + timedelta(days=1))
    assert digest.empty
    text = digest_text(digest, "Europe/Berlin")
    assert text == "No new articles since Mon 4 Mar 2024 09:00."
    assert "\n" not in text


class FakeExtras:
    """An actors-and-quotes provider with fixed answers, as the analysis will give them."""

    def __init__(self, window_since: datetime) -> None:
        self.window_since = window_since

    def actor_mentions(self, chat_id: int, since: datetime, until: datetime) -> Mapping[str, int]:
        assert until <= self.window_since and until - since == timedelta(days=7)
        return {"Mirela Dunn": 7, "Port Authority": 14, "Valdoria": 21}

    def window_mentions(
        self, chat_id: int, since: datetime, until: datetime
    ) -> Sequence[tuple[int, str, str, int, int]]:
        return [
            (1, "Mirela Dunn", "person", 2, 0), (1, "Tomas Berg", "person", 1, 1),
            (2, "Mirela Dunn", "person", 1, 1), (2, "Port Authority", "organisation", 3, 0),
            (3, "Mirela Dunn", "person", 1, 2), (1, "Valdoria", "place", 5, 2),
            (2, "Valdoria", "place", 5, 2), (3, "Valdoria", "place", 5, 0),
        ]  # fmt: skip

    def article_actors(
        self, chat_id: int, article_ids: Sequence[int]
    ) -> Mapping[int, Sequence[str]]:
        return {1: ["Mirela Dunn", "Tomas Berg"], 2: ["Port Authority"], 3: ["Valdoria"]}

    def quotes(self, chat_id: int, since: datetime, until: datetime) -> Sequence[DigestQuote]:
        return [
            DigestQuote("Tomas Berg", "The ice is going.", 1),
            DigestQuote("Mirela Dunn", "We will not load a single ship.", 1),
            DigestQuote("Mirela Dunn", "A second quote of hers.", 2),
            DigestQuote("Port Authority", "We regret the strike.", 2),
            DigestQuote("Valdoria", "A place does not speak.", 3),
            DigestQuote("Nobody", "Unranked.", 3),
        ]


def test_actors_by_salience_and_quotes_of_the_top_stories_from_a_provider() -> None:
    since = datetime.now(UTC) - timedelta(hours=23)
    extras: DigestExtras = FakeExtras(since)
    archive = Archive.open(":memory:")
    store = DigestStore(archive.database)
    for title in ("Glacier survey", "Harbour strike", "Budget vote"):
        archive.add(3, NewArticle(title=title, body=BODY, source="Wire"))
    digest = compose_digest(store, 3, since, since + timedelta(days=1), extras)
    archive.close()
    # The story of the most salient actor comes first; a place does not lift a story.
    assert [s.title for s in digest.stories] == ["Glacier survey", "Harbour strike", "Budget vote"]
    assert digest.stories[0].actors[0] == "Mirela Dunn"
    trends = {a.name: (a.articles, a.mentions, a.trend) for a in digest.actors}
    # Valdoria, a place in every article but not rising against its week, is left out.
    assert trends == {"Mirela Dunn": (3, 4, "rising"), "Tomas Berg": (1, 1, "new"),
                      "Port Authority": (1, 3, "falling")}  # fmt: skip
    assert [a.name for a in digest.actors] == ["Mirela Dunn", "Port Authority", "Tomas Berg"]
    # One quote per top story, by its most salient person or organisation, never a place.
    assert [q.speaker for q in digest.quotes] == ["Mirela Dunn", "Port Authority"]
    assert digest.quotes[0].text == "We will not load a single ship."
    text = digest_text(digest, "UTC")
    assert "Tomas Berg: in 1 article (new)" in text
    assert "Port Authority: in 1 article, 3 mentions (-1, falling)" in text
    assert "Said today" in text and "Valdoria:" not in text


def test_a_rising_place_is_shown_after_people_and_organisations() -> None:
    digest = build_digest(
        1, [_article(1, "A"), _article(2, "B")], T0, T0 + timedelta(days=1),
        facts=actor_facts([(1, "Valdoria", "place", 9, 0), (2, "Valdoria", "place", 9, 0),
                           (1, "Ana Ruiz", "person", 1, 3)], {1: "Valdoria votes"}),
        previous={"Valdoria": 0, "Ana Ruiz": 0},
    )  # fmt: skip
    assert [a.name for a in digest.actors] == ["Ana Ruiz"]  # a new place is not rising
    rising = build_digest(
        1, [_article(1, "A"), _article(2, "B"), _article(3, "C")], T0, T0 + timedelta(days=1),
        facts=actor_facts([(i, "Valdoria", "place", 9, 0) for i in (1, 2, 3)]
                          + [(1, "Ana Ruiz", "person", 1, 3)], {}),
        previous={"Valdoria": 1},
    )  # fmt: skip
    assert [(a.name, a.trend) for a in rising.actors] == [("Ana Ruiz", "new"),
                                                          ("Valdoria", "rising")]  # fmt: skip


def test_ties_go_to_salience_not_the_alphabet() -> None:
    rows = [(1, "Aaron Abbot", "person", 1, 5), (2, "Zoe Lavrova", "person", 1, 0)]
    digest = build_digest(1, [_article(1, "A"), _article(2, "Lavrova speaks")], T0,
                          T0 + timedelta(days=1),
                          facts=actor_facts(rows, {2: "Lavrova speaks"}))  # fmt: skip
    assert [a.name for a in digest.actors] == ["Zoe Lavrova", "Aaron Abbot"]


def test_no_unknown_source_and_the_header_date_is_the_windows() -> None:
    article = replace(_article(1, "A"), source="")
    day = datetime(2015, 4, 22, tzinfo=UTC)
    digest = build_digest(1, [article], day, day + timedelta(days=1))
    text = digest_text(digest, "UTC")
    assert "unknown source" not in text and digest.stories[0].sources == ()
    assert text.startswith("Digest for Wed 22 Apr 2015:")


def test_change_is_against_the_average_for_a_window_this_long() -> None:
    articles = [_article(1, "A")]
    digest = build_digest(1, articles, T0, T0 + timedelta(days=1),
                          mentions={"X": 5}, previous={"X": 14})  # fmt: skip
    assert digest.actors[0].change == 3.0  # 5 against 2 a day
    week = build_digest(1, articles, T0, T0 + timedelta(days=7),
                        mentions={"X": 5}, previous={"X": 14})  # fmt: skip
    assert week.actors[0].change == -9.0 and week.actors[0].trend == "falling"


def test_json_has_the_documented_fields() -> None:
    digest = build_digest(1, [_article(1, "A"), _article(2, "B", story=1)], T0, T0 + timedelta(1),
                          mentions={"X": 2}, previous={}, article_actors={1: ["X"]},
                          quotes=[DigestQuote("X", "Hello.", 1)])  # fmt: skip
    data = digest_json(digest)
    story = data["stories"][0]  # type: ignore[index]
    assert {"title", "url", "sources", "summary", "actors"} <= set(story)
    assert story["sources"] == ["Wire"] and story["actors"] == ["X"]
    assert data["actors"] == [{"name": "X", "articles": 2, "mentions": 2, "kind": "",
                               "salience": 2.0, "change": 2.0, "trend": "new"}]  # fmt: skip
    assert data["quotes"] == [{"speaker": "X", "text": "Hello.", "article_id": 1}]


def test_headline_counts_in_the_chat_zone() -> None:
    digest = build_digest(1, [_article(1, "A"), _article(2, "B")], T0, T0 + timedelta(days=1))
    assert headline(digest, "Asia/Tokyo") == (
        "Digest for Tue 5 Mar 2024: 2 articles in 2 stories since Mon 4 Mar 2024 17:00"
    )
    one = replace(digest, articles=1, story_count=1)
    assert "1 article in 1 story" in headline(one, "UTC")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), st.one_of(st.none(), st.integers(1, 40))),
                min_size=0, max_size=40, unique_by=lambda pair: pair[0]))  # fmt: skip
def test_every_article_is_in_exactly_one_story(pairs: list[tuple[int, int | None]]) -> None:
    articles = [_article(id, f"T{id}", source=f"S{id % 3}", story=story) for id, story in pairs]
    digest: Digest = build_digest(1, articles, T0, T0 + timedelta(days=1),
                                  limits=Limits(summarised=2, listed=100))  # fmt: skip
    seen = [i for story in digest.stories for i in story.article_ids]
    assert sorted(seen) == sorted(id for id, _ in pairs)
    sizes = [len(s.article_ids) for s in digest.stories]
    assert sizes == sorted(sizes, reverse=True)


# --- old imports and bounded reads ----------------------------------------------------------


def test_older_imports_are_one_line_with_separators_and_plural() -> None:
    articles = [_article(1, "Harbour strike")]
    many = build_digest(1, articles, T0, T0 + timedelta(days=1), older_imported=21000)
    text = digest_text(many, "UTC")
    assert text.endswith("\n\n…and 21,000 older articles imported.")
    assert text.count("imported") == 1 and headline(many, "UTC").startswith(
        "Digest for Tue 5 Mar 2024: 1 article in 1 story"
    )
    assert digest_json(many)["older_imported"] == 21000
    one = build_digest(1, [], T0, T0 + timedelta(days=1), older_imported=1)
    assert one.empty
    assert digest_text(one, "UTC") == (
        "No new articles since Mon 4 Mar 2024 08:00.\n…and 1 older article imported."
    )
    none = build_digest(1, articles, T0, T0 + timedelta(days=1))
    assert "imported" not in digest_text(none, "UTC")
    assert digest_json(none)["older_imported"] == 0


def test_only_the_summarised_stories_texts_are_read() -> None:
    limits = Limits(summarised=2, long_summaries=1, medium_summaries=1, listed=3)
    unread = [replace(_article(i, f"Story {i}"), body="", length=len(BODY)) for i in range(1, 8)]
    asked: list[list[int]] = []

    def bodies(ids: Sequence[int]) -> Mapping[int, str]:
        asked.append(list(ids))
        return dict.fromkeys(ids, BODY)

    digest = build_digest(7, unread, T0, T0 + timedelta(days=1), limits=limits, bodies=bodies)
    read = build_digest(7, [_article(i, f"Story {i}") for i in range(1, 8)], T0,
                        T0 + timedelta(days=1), limits=limits)  # fmt: skip
    assert digest == read  # the same digest as from the texts read up front
    assert len(asked) == 1 and sorted(asked[0]) == sorted(s.article_ids[0] for s in
                                                           digest.stories[:2])  # fmt: skip


def test_a_window_with_an_old_import_lists_the_new_and_counts_the_old(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive = Archive.open(":memory:")
    store = DigestStore(archive.database)
    since = datetime.now(UTC) - timedelta(hours=1)
    import_article(archive, 3, parse_pasted(f"# Harbour strike\n\n{BODY}"))
    for n in range(3):
        record = {"title": f"Old {n}", "body": f"Grain report {n}. {BODY}", "date": "1987-04-07"}
        import_article(archive, 3, parse_record(record), imported=True)
    recent = {"title": "Recent", "body": "A bridge opened today over the river Valda.",
              "date": datetime.now(UTC).date().isoformat()}  # fmt: skip
    import_article(archive, 3, parse_record(recent), imported=True)
    read: list[int] = []
    bodies = store.bodies

    def recorded(chat_id: int, ids: Sequence[int]) -> dict[int, str]:
        read.extend(ids)
        return bodies(chat_id, ids)

    monkeypatch.setattr(store, "bodies", recorded)
    digest = compose_digest(store, 3, since, datetime.now(UTC) + timedelta(seconds=1))
    archive.close()
    assert {s.title for s in digest.stories} == {"Harbour strike", "Recent"}
    assert (digest.articles, digest.older_imported) == (2, 3)
    assert sorted(read) == sorted(s.article_ids[0] for s in digest.stories)  # no old text read
    assert digest_text(digest, "UTC").endswith("…and 3 older articles imported.")


def test_two_outlets_telling_one_event_are_one_story_and_the_next_days_event_is_another() -> None:
    archive = Archive.open(":memory:")
    since = datetime.now(UTC) - timedelta(hours=1)
    for text in (SALE, SALE_RETOLD, BORDER):
        import_article(archive, 5, parse_pasted(text))
    digest = compose_digest(DigestStore(archive.database), 5, since,
                            datetime.now(UTC) + timedelta(seconds=1))  # fmt: skip
    archive.close()
    assert (digest.articles, digest.story_count) == (3, 2)
    sale, border = digest.stories
    assert len(sale.article_ids) == 2 and "Kestrel" in sale.title
    assert sorted(s.name for s in sale.sources) == ["Harbour Ledger", "Northern Courier"]
    assert border.title.startswith("Velmora and Ostland Reopen") and len(border.article_ids) == 1
