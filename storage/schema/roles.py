"""Actors' roles (migration 0011): the titles an article gives a person ("foreign minister"),
with the actor the role is held in ("Russia") when the article names it.

One row per role per article, replaced with the article's analysis and dropped with the
article, so that a question like "Russia's foreign minister" can find the person through
`idx_roles_norm` (the title's lookup key) and the country's actor id.
"""

import sqlite_utils


def create_roles(db: sqlite_utils.Database) -> None:
    """Migration 0011: the `actor_roles` table, its indexes and its delete trigger."""
    db.executescript(  # one transaction: all of it or nothing
        """
        BEGIN;
        CREATE TABLE actor_roles (chat_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            actor_id INTEGER NOT NULL REFERENCES actors(id), title TEXT NOT NULL,
            norm TEXT NOT NULL, held_in TEXT, held_in_id INTEGER,
            PRIMARY KEY (article_id, actor_id, norm, held_in));
        CREATE INDEX idx_roles_norm ON actor_roles (chat_id, norm, held_in_id);
        CREATE INDEX idx_roles_actor ON actor_roles (chat_id, actor_id);
        CREATE TRIGGER articles_roles_ad AFTER DELETE ON articles BEGIN
            DELETE FROM actor_roles WHERE article_id = old.id;
        END;
        COMMIT;
        """
    )
