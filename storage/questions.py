"""The questions behind answer buttons: kept so that a button can ask its question again."""

from datetime import UTC, datetime

from storage.database import Database

QUESTIONS_KEPT = 200  # per chat, for the paging buttons of recent answers


class QuestionStore:
    """Saved questions on the shared database; a chat reads only its own."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def save_question(self, chat_id: int, text: str, asked_at: datetime) -> int:
        """Keep a question so its answer's buttons can ask it again; returns its id."""
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO questions (chat_id, text, asked_at) VALUES (?, ?, ?)",
                (chat_id, text, asked_at.astimezone(UTC).isoformat(timespec="seconds")),
            )
            question_id = int(cursor.lastrowid or 0)
            conn.execute(
                "DELETE FROM questions WHERE chat_id = ? AND id < (SELECT id FROM questions"
                " WHERE chat_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)",
                (chat_id, chat_id, QUESTIONS_KEPT - 1),
            )
            return question_id

    def question(self, chat_id: int, question_id: int) -> tuple[str, datetime] | None:
        """A question this chat asked (text and time asked), or None for any other id."""
        rows = self.database.query(
            "SELECT text, asked_at FROM questions WHERE id = ? AND chat_id = ?",
            (question_id, chat_id),
        )
        if not rows:
            return None
        return rows[0][0], datetime.fromisoformat(rows[0][1])
