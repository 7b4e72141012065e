"""Which of a chat's articles a window of time shows: the one definition that the digest's
stories, its actors of the day and its quotes (and the weekly top actors) all read through.

A window `[since, until)` is over the articles' `added_at`, as the digest marks are. It shows
the ready articles added in it, except those a bulk import brought (`imported`) whose
publication date is before the window's first day, or unknown: an import of an old corpus is
counted (`older_imported`), never listed or read. The chat's own articles are a range of
`idx_articles_window`, the recent imports one of `idx_articles_imports` (by publication date),
so a read costs what the window shows; the count walks the window's old imports in
`idx_articles_window` alone (index entries, never rows or texts).
"""

from typing import Any

# Each part by its own index whatever the order asked (by `added_at` alone it walks imports).
_OWN = (
    "SELECT {columns} FROM articles w INDEXED BY idx_articles_window WHERE w.chat_id = ?"
    " AND w.status = 'ready' AND w.imported = 0 AND w.added_at >= ? AND w.added_at < ?"
)
_RECENT_IMPORTS = (
    "SELECT {columns} FROM articles w INDEXED BY idx_articles_imports WHERE w.chat_id = ?"
    " AND w.status = 'ready' AND w.imported = 1 AND w.published_at >= ?"
    " AND w.added_at >= ? AND w.added_at < ?"
)


def window_day(since: str) -> str:
    """The first day of a window (its start's UTC date): imports published before it are old."""
    return since[:10]


def shown_articles(
    columns: str, chat_id: int, since: str, until: str
) -> tuple[str, tuple[Any, ...]]:
    """A SELECT of `columns` (over the articles as `w`) of the articles the window shows, in no
    particular order, and its parameters: the chat's own, then the imports published in it."""
    own, recent = _OWN.format(columns=columns), _RECENT_IMPORTS.format(columns=columns)
    params = (chat_id, since, until, chat_id, window_day(since), since, until)
    return f"{own} UNION ALL {recent}", params


def count_older_imports(chat_id: int, since: str, until: str) -> tuple[str, tuple[Any, ...]]:
    """A count of the window's imported articles published before it (or undated), and its
    parameters: what `shown_articles` leaves out."""
    sql = (
        "SELECT COUNT(*) FROM articles w INDEXED BY idx_articles_window"
        " WHERE w.chat_id = ? AND w.status = 'ready'"
        " AND w.imported = 1 AND w.added_at >= ? AND w.added_at < ?"
        " AND (w.published_at IS NULL OR w.published_at < ?)"
    )
    return sql, (chat_id, since, until, window_day(since))
