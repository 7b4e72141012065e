"""The one name fold: ingest joins names and questions find them by the same rule, and
answering a question never loads spaCy."""

import ast
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from briefing import names as names_module
from briefing.analysis.known_actors import KnownActor, match_known_actor
from briefing.names import distance, fold, normalise_name, word_similarity
from briefing.questions.actor_names import ActorNames
from briefing.questions.understanding import parse_question
from storage import AliasRow

TODAY = date(2024, 6, 1)

# Spellings of one name that transliteration chooses between.
VARIANTS = [
    ("Sergei", "Sergey"),
    ("Dmitrij", "Dmitriy"),
    ("Khodorkovsky", "Hodorkovski"),
    ("Schroeder", "Shroeder"),
    ("Lavrov", "Lavrof"),
    ("Qaddafi", "Kadafi"),
    ("Dickson", "Dixon"),
    ("Mohammed", "Mohamed"),
    ("Zelenskyy", "Zelenskiy"),
    ("Erdoğan", "Erdogan"),
]


@pytest.mark.parametrize(("one", "other"), VARIANTS)
def test_transliterations_fold_alike(one: str, other: str) -> None:
    assert fold(normalise_name(one)) == fold(normalise_name(other))
    assert distance(normalise_name(one), normalise_name(other)) == 0
    assert word_similarity(normalise_name(one), normalise_name(other)) == 100.0


def test_a_feminine_surname_is_another_person() -> None:
    assert word_similarity("ivanov", "ivanova") == 0.0


# A question also bounds the plain typos a fold may bridge ("Dickson" / "Dixon" is three).
@pytest.mark.parametrize(("stored", "typed"), [v for v in VARIANTS if v[0] != "Dickson"])
def test_a_name_joined_at_ingest_is_found_in_questions_by_the_same_rule(
    stored: str, typed: str
) -> None:
    known = [KnownActor(f"Anton {stored}", "person", (), 1)]
    assert match_known_actor(f"Anton {typed}", "person", known) == known[0]
    name = f"Anton {stored}"
    row = AliasRow(1, name, normalise_name(name), name, "person", articles=3, mentions=3)
    names = ActorNames([row])
    question = parse_question(f"Anton {typed}", TODAY)
    hits = names.find(list(question.words), lambda _: 0, lambda _: False)
    assert [hit.actor_ids for hit in hits] == [(1,)]


@pytest.mark.parametrize("module", ["briefing.questions.answer", "briefing.questions.ranking"])
def test_answering_a_question_does_not_import_spacy(module: str) -> None:
    code = f"import {module}, sys; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_names_imports_neither_spacy_nor_storage() -> None:
    tree = ast.parse(Path(names_module.__file__ or "").read_text())
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m.split(".")[0] for m in imported} & {"spacy", "storage", "briefing"}
