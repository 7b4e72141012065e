"""Each sentence once in an events answer (`briefing.questions.sayings.one_per_sentence`)."""

from briefing.questions.sayings import EventItem, one_per_sentence
from storage import StoredEvent

SENTENCE = "Valdoria closed the port on Monday and recalled its envoy from Ostmark."


def stored(event_id: int, subject: tuple[int, str], action: str, **more: object) -> EventItem:
    fields = {
        "objects": (),
        "object_ids": (),
        "date": "2024-03-04",
        "sentence": SENTENCE,
        "article_id": 7,
        "title": "Port closed",
        "source": "Coastal Courier",
        "url": None,
        "published_at": "2024-03-06",
    } | more
    subject_id, name = subject
    event = StoredEvent(event_id, subject_id, name, action, **fields)  # type: ignore[arg-type]
    return EventItem(event, event.sentence, 1.0)


def test_two_clauses_of_one_subject_are_one_item_in_text_order() -> None:
    items = [
        stored(2, (1, "Valdoria"), "recall envoy", objects=("Ostmark",), object_ids=(2,)),
        stored(1, (1, "Valdoria"), "close port"),
    ]
    (item,) = one_per_sentence(items)
    assert (item.event.action, item.event.objects) == ("close port; recall envoy", ("Ostmark",))


def test_another_subject_or_date_in_the_same_sentence_is_left_out() -> None:
    items = [
        stored(1, (1, "Valdoria"), "close port"),
        stored(3, (3, "Ostmark"), "protest"),
        stored(4, (1, "Valdoria"), "close port", date="2024-03"),
    ]
    assert [i.event.id for i in one_per_sentence(items)] == [1]
    assert one_per_sentence(items)[0].event.action == "close port"


def test_sentences_of_other_articles_stay() -> None:
    items = [
        stored(1, (1, "Valdoria"), "close port"),
        stored(5, (1, "Valdoria"), "close port", article_id=8),
    ]
    assert [i.event.id for i in one_per_sentence(items)] == [1, 5]
