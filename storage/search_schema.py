"""Schema for questions: the FTS5 vocabulary tables and the questions behind answer buttons."""

import sqlite_utils


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
