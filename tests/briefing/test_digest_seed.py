"""The digest of the seed's day among six other stories names Lavrov and quotes him (issue 12).

The six stories are written for this test; the seed is read from ../shared/data at run time.
"""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.analysis.archive import analyse_article
from briefing.digests.actor_extras import ActorDigestExtras
from briefing.digests.build import compose_digest, digest_text
from briefing.ingest.article import parse_pasted
from storage import Archive, NewArticle
from storage.actors import ActorStore
from storage.digests import DigestStore

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed"
SEED_FILE = SEED / "moscow-times-2015-04-22.txt"
CHAT = 5

STORIES = [
    ("London house prices rise again",
     "House prices in London rose for a sixth month, the Office for National Statistics said. "
     "Prices across the United Kingdom rose 4 percent, and in London 7 percent. "
     "\"Demand in London still outruns supply,\" said Martha Quill, an economist at Halden Bank. "
     "Buyers in the United Kingdom face higher mortgage rates than a year ago."),
    ("United States and United Kingdom sign trade pact",
     "The United States and the United Kingdom signed a pact on steel tariffs in Washington. "
     "Trade Secretary Owen Marsh said the United States would lower duties on British steel. "
     "\"This is good news for Sheffield and for Pittsburgh,\" Marsh said. "
     "Steelmakers in the United Kingdom welcomed the deal."),
    ("Intel Atom chips ship in new tablets",
     "Intel said its Intel Atom processors would ship in twelve new tablets this spring. "
     "The Intel Atom line competes with chips designed by ARM. "
     "\"We expect tablets to double our mobile sales,\" said Renee Calder of Intel."),
    ("Floods close roads in Wales",
     "Heavy rain closed roads across Wales on Tuesday as rivers burst their banks. "
     "The Environment Agency issued six flood warnings in the United Kingdom. "
     "\"Please do not drive through flood water,\" said inspector Gwen Rhys of Dyfed Police."),
    ("London marathon route changes",
     "Organisers of the London Marathon changed the route in London because of building work. "
     "Race director Hugh Brampton said runners would pass Tower Bridge twice. "
     "\"The crowds will love it,\" Brampton said."),
    ("Football club fined over ticket prices",
     "Ashbury United was fined by the Football Association over ticket prices in London. "
     "The club's chairman, Derek Fallow, said the club would appeal. "
     "\"We kept prices below the league average,\" Fallow said."),
]  # fmt: skip

pytestmark = pytest.mark.skipif(not SEED_FILE.exists(), reason="../shared/data/seed is missing")


def test_the_seed_day_names_lavrov_and_quotes_him() -> None:
    archive = Archive.open(":memory:")
    store = ActorStore(archive.database)
    since = datetime.now(UTC) - timedelta(hours=1)
    seed = parse_pasted(SEED_FILE.read_text(encoding="utf-8"))
    items = [NewArticle(title=t, body=b, source="Wire") for t, b in STORIES]
    items.insert(3, NewArticle(title=seed.title, body=seed.body, source="The Moscow Times"))
    for item in items:
        article_id = archive.add(CHAT, item)
        analyse_article(archive, store, CHAT, article_id)
    digest = compose_digest(DigestStore(archive.database), CHAT, since,
                            since + timedelta(hours=2), ActorDigestExtras(store))  # fmt: skip
    archive.close()
    names = [a.name for a in digest.actors]
    assert "Sergei Lavrov" in names
    assert not any(a.kind == "place" for a in digest.actors)  # nothing to rise against
    assert "Sergei Lavrov" in [q.speaker for q in digest.quotes]
    kinds = {a.name: a.kind for a in digest.actors}
    assert all(kinds.get(q.speaker, "person") != "place" for q in digest.quotes)
    text = digest_text(digest, "UTC")
    assert "unknown source" not in text and "Sergei Lavrov: in 1 article" in text
