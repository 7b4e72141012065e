"""Questions versus articles, and small talk."""

import pytest

from briefing.questions.messages import is_question, is_small_talk
from tests.conftest import OWN_ARTICLE


def test_short_text_is_a_question() -> None:
    assert is_question("Lavrov")
    assert is_question("what did the union say about the port authority?")


def test_articles_and_links_are_not_questions() -> None:
    assert not is_question(OWN_ARTICLE)
    assert not is_question("look https://news.example.com/a")
    assert not is_question("")
    assert not is_question("first line\nsecond line")


def test_a_few_names_on_lines_of_their_own_are_a_question() -> None:
    assert is_question("Lavrov\nPutin")
    assert is_question("Mirela Dunn\nPort of Valdoria\nIlse Marten")
    assert is_question("Osama bin Laden\nal-Qaeda\n")
    assert not is_question("Lavrov.\nPutin")  # sentence punctuation: text
    assert not is_question("Lavrov\nPutin\nDunn\nBerg\nMarten")  # five lines: a list to keep
    assert not is_question("Harbour Strike\nMarch 3, 2024")  # a title and a date line
    assert not is_question("Dock workers walked out\non Sunday")


@pytest.mark.parametrize(
    "text",
    ["hi", "Hello!", "hey there", "thanks", "Thanks a lot!", "OK thanks", "good morning",
     "Hi! can you help me?", "what can you do", "who are you?", "how do I use this"],
)  # fmt: skip
def test_greetings_and_small_talk(text: str) -> None:
    assert is_small_talk(text)


@pytest.mark.parametrize(
    "text",
    ["Lavrov", "hi Lavrov", "help for farmers", "thanks for the Dunn article", "what is it about?",
     "US", "what did Dunn say", "latest news", "Is IS in Iraq?"],
)  # fmt: skip
def test_questions_are_not_small_talk(text: str) -> None:
    assert not is_small_talk(text)
