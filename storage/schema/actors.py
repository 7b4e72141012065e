"""The actor tables (migration 0005): actors, their aliases, user-made splits, mentions,
quotes and events, and the trigger that drops an article's analysis with the article."""

import sqlite_utils


def create_actor_tables(db: sqlite_utils.Database) -> None:
    """Migration 0005: actors, aliases, mentions, quotes, events and user-made splits."""
    db.executescript(
        """
        CREATE TABLE actors (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL, name TEXT NOT NULL,
            type TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX idx_actors_chat ON actors (chat_id, name);
        CREATE TABLE actor_aliases (actor_id INTEGER NOT NULL REFERENCES actors(id),
            chat_id INTEGER NOT NULL, alias TEXT NOT NULL, norm TEXT NOT NULL,
            last_word TEXT NOT NULL, PRIMARY KEY (actor_id, norm));
        CREATE INDEX idx_aliases_norm ON actor_aliases (chat_id, norm);
        CREATE INDEX idx_aliases_last ON actor_aliases (chat_id, last_word);
        CREATE TABLE actor_splits (chat_id INTEGER NOT NULL, norm TEXT NOT NULL,
            PRIMARY KEY (chat_id, norm));
        CREATE TABLE mentions (article_id INTEGER NOT NULL REFERENCES articles(id),
            actor_id INTEGER NOT NULL REFERENCES actors(id), chat_id INTEGER NOT NULL,
            count INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (article_id, actor_id));
        CREATE INDEX idx_mentions_actor ON mentions (chat_id, actor_id);
        CREATE TABLE quotes (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id), actor_id INTEGER,
            speaker TEXT, text TEXT NOT NULL, sentence TEXT NOT NULL, direct INTEGER NOT NULL);
        CREATE INDEX idx_quotes_actor ON quotes (chat_id, actor_id);
        CREATE INDEX idx_quotes_article ON quotes (article_id);
        CREATE TABLE events (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id), subject_id INTEGER,
            subject TEXT NOT NULL, action TEXT NOT NULL, objects TEXT NOT NULL,
            object_ids TEXT NOT NULL, date TEXT, sentence TEXT NOT NULL);
        CREATE INDEX idx_events_subject ON events (chat_id, subject_id);
        CREATE INDEX idx_events_article ON events (article_id);
        ALTER TABLE articles ADD COLUMN analysed_at TEXT;
        CREATE TRIGGER articles_analysis_ad AFTER DELETE ON articles BEGIN
            DELETE FROM mentions WHERE article_id = old.id;
            DELETE FROM quotes WHERE article_id = old.id;
            DELETE FROM events WHERE article_id = old.id;
        END;
        """
    )
