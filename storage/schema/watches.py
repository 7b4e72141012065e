"""Watches of a chat and the alerts they raised (migration 0012)."""

import sqlite_utils


def create_watch_tables(db: sqlite_utils.Database) -> None:
    """Watches (an actor or words) and alerts, recorded before they are sent.

    A watch is an actor (`actor_id`, or `name_key`, the folded name of an actor not yet in the
    archive, until one appears) or words (`spec`, the parsed query as JSON). `signature` keeps
    a chat from watching the same thing twice. `watch_keys` indexes the watches by what an
    article must contain for them to match (`a:ACTOR_ID`, `n:NAME`, `w:WORD`), so a new
    article is checked against the few watches it can match, not all of them. An alert is one
    watch's match of one article, written with the article's analysis and sent once; a daily
    watch's alerts are never sent but shown by the digest. A watched actor merged into
    another (`/alias`) is watched as the actor it became.
    """
    db.execute(
        """CREATE TABLE IF NOT EXISTS watches (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('actor', 'words')),
            query TEXT NOT NULL,
            target TEXT NOT NULL,
            actor_id INTEGER,
            name_key TEXT,
            spec TEXT,
            signature TEXT NOT NULL,
            daily INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            UNIQUE (chat_id, signature)
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS watches_chat_kind ON watches (chat_id, kind)")
    _create_alerts(db)


def _create_alerts(db: sqlite_utils.Database) -> None:
    """The watches' index keys, the alerts, and watches following merged actors."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS watch_keys (
            chat_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            watch_id INTEGER NOT NULL,
            PRIMARY KEY (chat_id, key, watch_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS watch_keys_watch ON watch_keys (watch_id)")
    db.execute(
        """CREATE TABLE IF NOT EXISTS alerts (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            watch_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            sentence TEXT NOT NULL DEFAULT '',
            daily INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            outcome TEXT,
            UNIQUE (watch_id, article_id)
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS alerts_chat_created ON alerts (chat_id, created_at)")
    db.execute(
        "CREATE INDEX IF NOT EXISTS alerts_unsent ON alerts (chat_id, id)"
        " WHERE sent_at IS NULL AND daily = 0"
    )
    db.execute("CREATE INDEX IF NOT EXISTS alerts_article ON alerts (article_id)")
    # `/alias A = B` moves B's aliases to A, then deletes B: a watch of B follows to A.
    db.execute(
        """CREATE TRIGGER IF NOT EXISTS watches_follow_merged_actor
        AFTER UPDATE OF actor_id ON actor_aliases WHEN OLD.actor_id <> NEW.actor_id
        BEGIN
            UPDATE OR IGNORE watches SET actor_id = NEW.actor_id,
                signature = 'actor:' || NEW.actor_id
                WHERE chat_id = NEW.chat_id AND actor_id = OLD.actor_id;
            UPDATE OR IGNORE watch_keys SET key = 'a:' || NEW.actor_id
                WHERE chat_id = NEW.chat_id AND key = 'a:' || OLD.actor_id;
        END"""
    )
