"""The limits a question puts on the articles it reads (dates, sources), as SQL."""

from dataclasses import dataclass
from typing import Any

# An article's day: its publication date, else the day it was added.
ARTICLE_DAY = "substr(COALESCE(a.published_at, a.added_at), 1, 10)"


@dataclass(frozen=True)
class Filters:
    """Limits on the articles searched: ISO days [since, until) and exact source names."""

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()

    def sql(self, day: str = ARTICLE_DAY) -> tuple[str, tuple[Any, ...]]:
        """A WHERE fragment over articles `a` (starting with AND) and its parameters; `day`
        is the column or expression the dates apply to."""
        parts: list[str] = []
        params: list[Any] = []
        if self.since:
            parts.append(f"{day} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{day} < ?")
            params.append(self.until)
        if self.sources:
            parts.append(f"a.source IN ({', '.join('?' for _ in self.sources)})")
            params.extend(self.sources)
        return "".join(f" AND {p}" for p in parts), tuple(params)

    @property
    def dated(self) -> bool:
        """Whether a date limits the articles."""
        return bool(self.since or self.until)
