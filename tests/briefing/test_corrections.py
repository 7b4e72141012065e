"""Honest corrections, measured: over a small analysed archive the project wrote, real words and
places the archive lacks (many one or two letters from a word it has: "Iran" and "Iraq") are
never replaced by another, and true typos of its words still are.

The figures are printed (`pytest -s`): wrong corrections must be 0, typos corrected at least
25 of 30."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from briefing.analysis.archive import analyse_article
from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.questions.lexicon import REAL_WORD_ZIPF, is_real_word, zipf
from briefing.questions.plans import Plan
from briefing.questions.ranking import Searcher
from storage import Archive
from storage.actors import ActorStore

ARTICLES = [
    """# Kelmar Minister Tomas Varga Visits Iraq to Sign Grain Deal

May 6, 2024

**Northern Ledger**

Kelmar's trade minister Tomas Varga arrived in Iraq on Monday to sign a deal on barley and \
wheat exports. "Our farmers can feed the whole east of the region," Varga told reporters in \
Baghdad. The deal will end a long dispute over tariffs, officials in Gambia and Austria said.
""",
    """# Floods Close the Railway Bridge in Iceland

April 12, 2024

**Valley Gazette**

Heavy rain flooded the valley on Thursday and closed the railway bridge near the harbour for \
three days. Engineers from Spain and Slovenia inspected the damaged tracks. The election in \
Georgia was delayed, said Ilse Marten, who leads the opposition in Kelmar.
""",
    """# Pipeline Talks Between Syria and Nigeria Stall

March 2, 2024

**Farm Weekly**

Negotiators from Syria and Nigeria failed to agree on the pipeline route, the energy ministry \
said. Inflation and sanctions weigh on the harvest, said Ilse Marten. Exports of copper from \
Chile and cotton from Mali rose, while Poland and Colombia bought more fertiliser.
""",
    """# Parliament in Oman Debates the Budget

June 1, 2024

**Island Courier**

The parliament of Oman debated the budget on Saturday. Delegates from Sudan, Jordan, Wales and \
Peru attended as observers, and the minister promised cheaper electricity for farmers.
""",
]

# Real words and places absent from the archive above, most of them near a word it has.
ABSENT_REAL = """Iran Zambia Ireland Serbia Slovakia Algeria Roman Omen Sedan Gordon Whales Chili
    Bali Holland Columbia Austrian Iranian Australia Kyiv Gaza last send spring bride ridge
    fridge barely parley sinister selection deflation sheriff vast fast feast bend lend
    harbor fertilizer rail cheaply voters brain grail trail hardest feet weight cheater lady
    oath bread""".split()

# One typo each of words the archive has; two of them ("parliment", "Irq") are common enough
# on the web for wordfreq to list them, so they are offered rather than corrected.
TYPOS = {
    "barly": "barley",
    "wheet": "wheat",
    "tarifs": "tariffs",
    "raliway": "railway",
    "bidge": "bridge",
    "harbuor": "harbour",
    "engnieers": "engineers",
    "inspcted": "inspected",
    "electon": "election",
    "pipleine": "pipeline",
    "negotiatrs": "negotiators",
    "inflaton": "inflation",
    "santions": "sanctions",
    "harvset": "harvest",
    "fertilser": "fertiliser",
    "parliment": "parliament",
    "budgte": "budget",
    "delegtes": "delegates",
    "obsevers": "observers",
    "electricty": "electricity",
    "ministy": "ministry",
    "Irq": "Iraq",
    "Kelmr": "Kelmar",
    "Vargaa": "Varga",
    "Slovnia": "Slovenia",
    "Nigera": "Nigeria",
    "Colmbia": "Colombia",
    "Baghdda": "Baghdad",
    "Martne": "Marten",
    "Icelnad": "Iceland",
}

NOW = datetime(2024, 6, 20, 12, tzinfo=UTC)
CHAT = 1
FORMS = ("{}", "what did Varga say about {}", "news about {} since March")


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    archive = Archive.open(tmp_path_factory.mktemp("corrections") / "archive.db")
    store = ActorStore(archive.database)
    for text in ARTICLES:
        outcome = import_article(archive, CHAT, parse_pasted(text))
        analyse_article(archive, store, CHAT, outcome.article.id)
    yield Searcher(archive)
    archive.close()


def plans(searcher: Searcher, word: str) -> list[Plan]:
    return [searcher.understand(CHAT, form.format(word), NOW) for form in FORMS]


def corrected(plan: Plan, typed: str) -> list[str]:
    return [c.searched for c in plan.corrections if typed in c.typed.split()]


def has(searcher: Searcher, word: str) -> bool:
    return searcher.store.count_matching(CHAT, f'"{word}"', 1) > 0


def test_the_check_is_fair(searcher: Searcher) -> None:
    """The real words are absent from the archive, the typos too (not even a stem of them
    is there) and their intended words are present."""
    assert len(ABSENT_REAL) >= 50 and len(TYPOS) == 30
    assert not [w for w in ABSENT_REAL if has(searcher, w)]
    assert not [w for w in ABSENT_REAL if not is_real_word(w)]
    assert not [t for t in TYPOS if has(searcher, t)]
    assert [t for t in TYPOS if zipf(t) >= REAL_WORD_ZIPF] == ["parliment", "Irq"]
    assert not [w for w in TYPOS.values() if not has(searcher, w)]


def test_real_words_the_archive_lacks_are_never_replaced(searcher: Searcher) -> None:
    wrong = {
        word: found
        for word in ABSENT_REAL
        for plan in plans(searcher, word)
        if (found := corrected(plan, word))
    }
    print(f"\nwrong corrections: {len(wrong)} of {len(ABSENT_REAL)} real words {wrong}")
    assert wrong == {}
    for plan in plans(searcher, "Iran"):
        assert "Iran" in plan.unmatched and plan.corrections == ()


def test_typos_of_the_archives_words_are_still_corrected(searcher: Searcher) -> None:
    fixed = missed = 0
    misses = []
    for typo, meant in TYPOS.items():
        for plan in plans(searcher, typo):
            if any(meant.casefold() in s.casefold() for s in corrected(plan, typo)):
                fixed += 1
            else:
                missed += 1
                misses.append((typo, corrected(plan, typo)))
    print(f"\ntypos corrected: {fixed} of {fixed + missed}; missed {misses}")
    assert fixed >= 25 * len(FORMS)
