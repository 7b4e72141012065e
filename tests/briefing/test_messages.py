"""Questions versus articles."""

from briefing.questions.messages import is_question
from tests.conftest import OWN_ARTICLE


def test_short_text_is_a_question() -> None:
    assert is_question("Lavrov")
    assert is_question("what did the union say about the port authority?")


def test_articles_and_links_are_not_questions() -> None:
    assert not is_question(OWN_ARTICLE)
    assert not is_question("look https://news.example.com/a")
    assert not is_question("")
    assert not is_question("first line\nsecond line")
