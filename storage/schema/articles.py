"""The articles table: provenance, the ingest queue's columns, the full-text index and the
story keys of near-duplicate search (migrations 0001-0003 and 0009)."""

import sqlite_utils

# The full-text tokenizer: porter stems, case and accents folded. Scratch indexes that must
# tokenize as the archive does (the vocabulary cache) use the same.
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def create_articles(db: sqlite_utils.Database) -> None:
    """Migration 0001: articles with their provenance and a full-text index over title and body."""
    db.table("articles").create(
        {
            "id": int,
            "chat_id": int,
            "title": str,
            "source": str,
            "url": str,
            "canonical_url": str,
            "published_at": str,
            "added_at": str,
            "body": str,
            "raw": str,
            "status": str,
            "reason": str,
            "content_hash": str,
            "message_id": int,
        },
        pk="id",
        not_null={"chat_id", "added_at", "status"},
        defaults={"title": "", "body": "", "source": "", "status": "pending"},
    )
    db.table("articles").create_index(["chat_id", "added_at"])
    db.table("articles").create_index(["chat_id", "status"])
    db.table("articles").create_index(["chat_id", "content_hash"])
    db.table("articles").create_index(["chat_id", "canonical_url"])
    db.table("articles").enable_fts(["title", "body"], create_triggers=True, tokenize=FTS_TOKENIZER)


def add_provenance(db: sqlite_utils.Database) -> None:
    """Migration 0002: how an article arrived (link, forward, document), its story and its
    acknowledgement."""
    articles = db.table("articles")
    for name, kind in (
        ("kind", str),  # text, link, forward, document
        ("author", str),
        ("origin", str),  # who a forwarded post came from (channel title, user name)
        ("post_url", str),  # the t.me link of a forwarded channel post
        ("posted_at", str),  # when a forwarded post was first published
        ("filename", str),  # the name of an uploaded document
        ("story_id", int),  # the first article that told the same story, if any
        ("signature", str),  # near-duplicate signature of the body
        ("ack_message_id", int),  # the bot's "Saved #N" message, edited into the card
        ("attempts", int),
    ):
        articles.add_column(name, kind)
    articles.create_index(["chat_id", "story_id"])
    articles.create_index(["chat_id", "published_at"])


def create_story_keys(db: sqlite_utils.Database) -> None:
    """Migration 0003: blocking keys for near-duplicate search (articles sharing keys are
    compared in full)."""
    db.table("story_keys").create(
        {"chat_id": int, "article_id": int, "key": str, "day": str},
        pk=("article_id", "key"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("story_keys").create_index(["chat_id", "key", "day"])
    db.execute(
        "CREATE TRIGGER story_keys_ad AFTER DELETE ON articles BEGIN"
        " DELETE FROM story_keys WHERE article_id = old.id; END"
    )


def add_analysis_errors(db: sqlite_utils.Database) -> None:
    """Migration 0009: why an article could not be analysed (it then counts as analysed, so it
    is not tried at every start again), and an index of the ready articles still waiting for
    their analysis."""
    db.execute("ALTER TABLE articles ADD COLUMN analysis_error TEXT")
    db.execute(
        "CREATE INDEX idx_articles_unanalysed ON articles (chat_id, id)"
        " WHERE status = 'ready' AND analysed_at IS NULL"
    )
