"""Near-duplicates: the same story found (re-sent, edited, retold), different stories kept apart."""

import json
from datetime import UTC, datetime

from briefing.ingest.article import parse_pasted
from briefing.ingest.dedup import Signature, same_event, same_story, signature
from briefing.ingest.urls import canonical_url
from briefing.ingest.workflow import import_article
from briefing.questions.answer import ask
from briefing.questions.ranking import Searcher
from storage import Archive
from tests.briefing.story_texts import BORDER, SALE, SALE_RETOLD

FIRST = """# Night Trains Return to the Varno Valley

September 2, 2024

The overnight service between Varno and Port Elsen restarted on Monday, eleven years after
the last sleeper carriage was withdrawn. Rail operator Nordline said 212 passengers travelled
on the first train. Spokeswoman Adela Ruiz said bookings for October had passed 4,000.
Mayor Tomas Brandt of Varno welcomed the service, and hoteliers in Port Elsen expect more
visitors from Kessel and Aubach. The Varno line was closed in 2013 by the regional council.
"""

RETOLD = """# Sleeper Service Back on Varno Line After Eleven Years

September 3, 2024

Nordline has brought back its Varno to Port Elsen sleeper, with 212 passengers aboard the
first run on Monday. Adela Ruiz, for Nordline, said October bookings were already above 4,000.
In Varno, Mayor Tomas Brandt praised the return; hotel owners in Port Elsen hope for guests
from Kessel and Aubach. The regional council shut the Varno line in 2013.
"""

SAME_TOPIC = """# Freight Strike Halts Goods Trains in the Varno Valley

September 2, 2024

Freight drivers on the Varno valley line stopped work on Monday in a dispute over rosters.
The Ostrail union said 48 goods trains were cancelled and that talks with operator Cargoline
had failed. Union leader Pia Lenz said members would return only if rest breaks were
restored. Cargoline said it regretted the action and offered new talks on Thursday.
"""


def _sig(text: str) -> tuple[str, Signature]:
    parsed = parse_pasted(text)
    return parsed.title, signature(parsed.title, parsed.body)


def test_retold_story_is_the_same_and_another_story_is_not() -> None:
    first, retold, other = _sig(FIRST), _sig(RETOLD), _sig(SAME_TOPIC)
    assert same_story(*first, *retold)
    assert not same_story(*first, *other)
    assert not same_story(*retold, *other)


def test_edited_resend_is_the_same_story() -> None:
    edited = FIRST.replace("212 passengers", "about 210 passengers").replace("Monday", "Sunday")
    assert same_story(*_sig(FIRST), *_sig(edited))


def test_signature_round_trip_and_garbage() -> None:
    _, sig = _sig(FIRST)
    assert sig.words and sig.lead
    assert Signature.loads(sig.dumps()) == sig
    assert Signature.loads("not json") == Signature((), {})


def test_one_event_in_other_words_is_one_story_the_same_actors_next_day_are_not() -> None:
    sale, retold, border = _sig(SALE), _sig(SALE_RETOLD), _sig(BORDER)
    assert sale[0] != retold[0]  # other titles, other wording: little text in common
    assert same_story(*sale, *retold) and same_event(sale[1], retold[1])
    assert not same_story(*sale, *border)
    assert not same_story(*retold, *border)


def test_a_signature_stored_before_content_words_compares_by_text_only() -> None:
    title, sig = _sig(SALE)
    old = Signature.loads(json.dumps({"s": sig.sketch, "t": sig.terms}))
    assert old.words == {} and old.lead == ()
    assert same_story(title, sig, title, old)  # the same text still is
    assert not same_event(_sig(SALE_RETOLD)[1], old)


def test_archive_links_a_retold_story_to_the_first(archive: Archive) -> None:
    first = import_article(archive, 1, parse_pasted(FIRST))
    retold = import_article(archive, 1, parse_pasted(RETOLD))
    other = import_article(archive, 1, parse_pasted(SAME_TOPIC))
    assert first.status == "new" and other.status == "new"
    assert retold.status == "same_story" and retold.article.story_id == first.article.id
    elsewhere = import_article(archive, 2, parse_pasted(RETOLD))
    assert elsewhere.status == "new"  # stories never join across chats


def test_canonical_urls_fold_variants_together() -> None:
    forms = [
        "https://www.gazette.example/2024/09/night-trains",
        "HTTP://Gazette.Example/2024/09/night-trains/",
        "https://m.gazette.example/2024/09/night-trains?utm_source=tg&utm_medium=social",
        "https://gazette.example/2024/09/night-trains/amp?fbclid=abc#comments",
        "https://amp.gazette.example/2024/09/night-trains?gclid=1",
    ]
    assert len({canonical_url(url) for url in forms}) == 1
    assert canonical_url("https://gazette.example/a?id=1") != canonical_url(
        "https://gazette.example/a?id=2"
    )


def test_a_retold_story_is_answered_once_with_its_other_source(archive: Archive) -> None:
    outlets = {"Valley Gazette": FIRST, "Coast Herald": RETOLD}
    for name, text in outlets.items():
        dated = text.split("\n\n", 2)
        import_article(
            archive, 1, parse_pasted(f"{dated[0]}\n\n{dated[1]}\n\n**{name}**\n\n{dated[2]}")
        )
    import_article(archive, 1, parse_pasted(SAME_TOPIC))
    now = datetime(2024, 6, 1, 12, tzinfo=UTC)
    answer = ask(Searcher(archive), 1, "Nordline Varno", now, intent="articles")
    (hit,) = [h for h in answer.articles if "Freight" not in h.article.title]
    other = "Coast Herald" if hit.article.source == "Valley Gazette" else "Valley Gazette"
    assert hit.other_sources == (other,)
