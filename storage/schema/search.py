"""Schema for questions: the FTS5 vocabulary tables and the questions behind answer buttons
(migration 0006), and what keeps the question caches valid across writes and the hot reads
indexed (migration 0008).

Caches of a chat's actor names and of the vocabulary are updated from what changed instead of
being rebuilt after every write. Rows are only ever appended to `actor_aliases`, `mentions`
and `article_log` in the usual course (an article archived and analysed), so a cache reads the
rows past the highest rowid it has seen. Everything else that touches them (a merge, a split,
a deleted article, an article's text replaced) bumps a generation in `search_marks` from a
trigger, in the same transaction as the change and whichever process makes it, and a cache
that sees a new generation is rebuilt. Writes elsewhere (inbox, saved questions, digests)
change neither.
"""

import sqlite_utils

LOG_KEPT = 20000  # article_log rows kept; a cache further behind is rebuilt


def create_search_tables(db: sqlite_utils.Database) -> None:
    """The FTS5 vocabulary (per term and per occurrence) and the questions behind buttons."""
    db.executescript(
        """
        CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
        CREATE VIRTUAL TABLE articles_fts_instance USING fts5vocab(articles_fts, 'instance');
        CREATE TABLE questions (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL,
            text TEXT NOT NULL, asked_at TEXT NOT NULL);
        CREATE INDEX idx_questions_chat ON questions (chat_id, id);
        """
    )


def _bump(scope: str, chat: str, when: str = "") -> str:
    """A trigger statement adding one to the generation of (scope, chat)."""
    return (
        f"INSERT INTO search_marks (scope, chat_id, generation) SELECT '{scope}', {chat}, 1"
        f" WHERE 1{when} ON CONFLICT (scope, chat_id) DO UPDATE SET generation = generation + 1;"
    )


def _names_triggers() -> str:
    """Changes to a chat's aliases, actors and mentions other than appended rows.

    A deleted row that held the table's highest rowid also bumps the generation of chat -1,
    which every chat's cache watches: the next row appended (in any chat) may reuse its rowid.
    """
    statements = []
    for table, event in (
        ("actor_aliases", "UPDATE"),
        ("actor_aliases", "DELETE"),
        ("actors", "UPDATE OF name, type"),
        ("actors", "DELETE"),
        ("mentions", "UPDATE OF actor_id, chat_id, count"),
        ("mentions", "DELETE"),
    ):
        name = f"search_names_{table}_{event.split()[0].lower()}"
        reuse = ""
        if event == "DELETE" and table != "actors":
            highest = f" AND old.rowid > (SELECT COALESCE(MAX(rowid), 0) FROM {table})"
            reuse = _bump("names", "-1", highest)
        statements.append(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN"
            f" {_bump('names', 'old.chat_id')} {reuse} END;"
        )
    return "\n".join(statements)


_EMPTY = "COALESCE({0}.title, '') = '' AND COALESCE({0}.body, '') = ''"
_TEXT_CHANGED = "(old.title IS NOT new.title OR old.body IS NOT new.body)"


def _vocabulary_triggers() -> str:
    """Text added to the index is logged by article; text replaced or deleted bumps the
    vocabulary's (global) generation."""
    log = "INSERT INTO article_log (article_id) VALUES (new.id);"
    return f"""
        CREATE TRIGGER search_log_insert AFTER INSERT ON articles
            WHEN NOT ({_EMPTY.format("new")}) BEGIN {log} END;
        CREATE TRIGGER search_log_fill AFTER UPDATE OF title, body ON articles
            WHEN {_TEXT_CHANGED} AND {_EMPTY.format("old")} BEGIN {log} END;
        CREATE TRIGGER search_vocabulary_update AFTER UPDATE OF title, body ON articles
            WHEN {_TEXT_CHANGED} AND NOT ({_EMPTY.format("old")}) BEGIN {_bump("vocabulary", "0")}
        END;
        CREATE TRIGGER search_vocabulary_delete AFTER DELETE ON articles
            WHEN NOT ({_EMPTY.format("old")}) BEGIN {_bump("vocabulary", "0")} END;
        CREATE TRIGGER search_log_prune AFTER INSERT ON article_log BEGIN
            DELETE FROM article_log WHERE seq <= new.seq - {LOG_KEPT};
        END;
    """


_EVENT_ACTORS = """
    INSERT OR IGNORE INTO event_actors (chat_id, actor_id, day, event_id)
    SELECT new.chat_id, new.subject_id, new.day, new.id WHERE new.subject_id IS NOT NULL
    UNION SELECT new.chat_id, value, new.day, new.id FROM json_each(new.object_ids)
    WHERE value IS NOT NULL;
"""


def _event_tables() -> str:
    """Each event's day (its own date, else its article's) and an index of its actors, as
    subject or object, by day: event questions read only the asked actors' events."""
    return f"""
        ALTER TABLE events ADD COLUMN day TEXT NOT NULL DEFAULT '';
        UPDATE events SET day = COALESCE(date, (SELECT substr(COALESCE(a.published_at,
            a.added_at), 1, 10) FROM articles a WHERE a.id = events.article_id), '');
        CREATE TABLE event_actors (chat_id INTEGER NOT NULL, actor_id INTEGER NOT NULL,
            day TEXT NOT NULL, event_id INTEGER NOT NULL,
            PRIMARY KEY (chat_id, actor_id, day, event_id)) WITHOUT ROWID;
        CREATE INDEX idx_event_actors_event ON event_actors (event_id);
        INSERT OR IGNORE INTO event_actors (chat_id, actor_id, day, event_id)
            SELECT chat_id, subject_id, day, id FROM events WHERE subject_id IS NOT NULL
            UNION SELECT e.chat_id, j.value, e.day, e.id FROM events e, json_each(e.object_ids) j
            WHERE j.value IS NOT NULL;
        CREATE TRIGGER event_actors_insert AFTER INSERT ON events BEGIN {_EVENT_ACTORS} END;
        CREATE TRIGGER event_actors_update AFTER UPDATE OF subject_id, object_ids, day
            ON events BEGIN DELETE FROM event_actors WHERE event_id = old.id; {_EVENT_ACTORS}
        END;
        CREATE TRIGGER event_actors_delete AFTER DELETE ON events BEGIN
            DELETE FROM event_actors WHERE event_id = old.id;
        END;
        DROP INDEX idx_events_subject;
        CREATE INDEX idx_events_day ON events (chat_id, day);
    """


_ARTICLE_DAY = "substr(COALESCE(a.published_at, a.added_at), 1, 10)"


def _day_columns() -> str:
    """The article's day on mentions and quotes, and indexes that read an actor's mentions
    most prominent first, an actor's quotes and a chat's articles newest first."""
    return f"""
        ALTER TABLE mentions ADD COLUMN day TEXT NOT NULL DEFAULT '';
        UPDATE mentions SET day = COALESCE((SELECT {_ARTICLE_DAY} FROM articles a
            WHERE a.id = mentions.article_id), '');
        DROP INDEX idx_mentions_actor;
        CREATE INDEX idx_mentions_rank
            ON mentions (chat_id, actor_id, rank > 0, count DESC, article_id DESC, day);
        CREATE INDEX idx_mentions_day ON mentions (chat_id, actor_id, day, article_id);
        ALTER TABLE quotes ADD COLUMN day TEXT NOT NULL DEFAULT '';
        UPDATE quotes SET day = COALESCE((SELECT {_ARTICLE_DAY} FROM articles a
            WHERE a.id = quotes.article_id), '');
        DROP INDEX idx_quotes_actor;
        CREATE INDEX idx_quotes_actor_day ON quotes (chat_id, actor_id, day DESC);
        CREATE INDEX idx_quotes_day ON quotes (chat_id, day DESC);
        CREATE INDEX idx_articles_day
            ON articles (chat_id, status, substr(COALESCE(published_at, added_at), 1, 10));
    """


def _article_days() -> str:
    """The lowest and highest article id of each day of a chat: a full-text search within
    dates reads only the ids in that span. Kept by triggers; bounds only ever widen, so a
    deleted article or a changed date leaves them safe (a little wide)."""
    day = "substr(COALESCE(new.published_at, new.added_at), 1, 10)"
    upsert = (
        f"INSERT INTO article_days (chat_id, day, first_id, last_id)"
        f" VALUES (new.chat_id, {day}, new.id, new.id) ON CONFLICT (chat_id, day) DO UPDATE"
        " SET first_id = min(first_id, new.id), last_id = max(last_id, new.id);"
    )
    return f"""
        CREATE TABLE article_days (chat_id INTEGER NOT NULL, day TEXT NOT NULL,
            first_id INTEGER NOT NULL, last_id INTEGER NOT NULL,
            PRIMARY KEY (chat_id, day)) WITHOUT ROWID;
        INSERT INTO article_days (chat_id, day, first_id, last_id)
            SELECT chat_id, substr(COALESCE(published_at, added_at), 1, 10), MIN(id), MAX(id)
            FROM articles GROUP BY 1, 2;
        CREATE TRIGGER article_days_insert AFTER INSERT ON articles BEGIN {upsert} END;
        CREATE TRIGGER article_days_update AFTER UPDATE OF published_at, added_at ON articles
            BEGIN {upsert} END;
    """


def _fts_update_trigger() -> str:
    """The full-text index is updated when the title or body changes, not on every update of
    an article (marking it analysed or its card shown re-indexed its whole text)."""
    return """
        DROP TRIGGER articles_au;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
                VALUES ('delete', old.rowid, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
    """


def create_search_marks(db: sqlite_utils.Database) -> None:
    """Migration 0008: change marks for the question caches and indexes for the hot reads."""
    db.executescript(  # one transaction: all of it or nothing
        f"""
        BEGIN;
        {_day_columns()}
        {_article_days()}
        {_event_tables()}
        {_fts_update_trigger()}
        CREATE TABLE search_marks (scope TEXT NOT NULL, chat_id INTEGER NOT NULL,
            generation INTEGER NOT NULL, PRIMARY KEY (scope, chat_id)) WITHOUT ROWID;
        CREATE TABLE article_log (seq INTEGER PRIMARY KEY, article_id INTEGER NOT NULL);
        {_names_triggers()}
        {_vocabulary_triggers()}
        COMMIT;
        """
    )
