"""The gender a name tells for "he"/"she": titles and unambiguous first names only."""

from briefing.analysis.genders import FEMALE, MALE, compatible, name_gender, title_gender


def test_titles_tell_gender() -> None:
    assert title_gender("Mr") == MALE and title_gender("Ms.") == FEMALE
    assert title_gender("Sir") == MALE and title_gender("Lady") == FEMALE
    assert title_gender("Dr") is None


def test_first_names_tell_gender_only_when_unambiguous() -> None:
    assert name_gender("Daniel Pratt") == MALE
    assert name_gender("Maria Holloway") == FEMALE
    assert name_gender("Jamie Vell") is None  # "mostly female": a candidate for either
    assert name_gender("Zorvan Telk") is None  # unknown
    assert name_gender("Holloway") is None  # a surname alone


def test_unknown_gender_is_compatible_with_either_pronoun() -> None:
    assert compatible(None, MALE) and compatible(FEMALE, FEMALE)
    assert not compatible(FEMALE, MALE)


def test_a_first_name_of_the_other_gender_in_britain_or_america_tells_nothing() -> None:
    assert name_gender("Jan Morrow") is None  # a man's name in much of Europe, not in Britain
    assert name_gender("Toni Rand") is None
    assert name_gender("Peter Rand") == MALE
