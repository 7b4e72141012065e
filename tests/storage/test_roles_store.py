"""Roles follow their actor: stored with the analysis, moved when two actors are merged."""

from pathlib import Path

from storage import AliasForm, Archive, FoundActor, NewArticle
from storage.actors import ActorStore
from storage.rows import FoundRole

CHAT = 3


def _roles(archive: Archive) -> list[tuple[str, str, str | None]]:
    rows = archive.database.query(
        "SELECT a.name, r.title, h.name FROM actor_roles r JOIN actors a ON a.id = r.actor_id"
        " LEFT JOIN actors h ON h.id = r.held_in_id WHERE r.chat_id = ? ORDER BY r.article_id",
        (CHAT,),
    )
    return [(r[0], r[1], r[2]) for r in rows]


def test_roles_move_with_a_merge(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "roles.db")
    store = ActorStore(archive.database)
    try:
        for name, body in (("Ivo Dunn", "one"), ("I. Dunn", "two")):
            article_id = archive.add(CHAT, NewArticle(f"Dunn {body}", body, "Ledger"))
            role = FoundRole("chief executive", "chief executive", "Tarsen Motors")
            alias = AliasForm(name, name.lower(), "dunn")
            person = FoundActor(None, name, "person", (alias,), 1, (role,))
            firm_alias = AliasForm("Tarsen Motors", "tarsen motors", "motors")
            firm = FoundActor(None, "Tarsen Motors", "organisation", (firm_alias,), 1)
            store.save_analysis(CHAT, article_id, [person, firm], [], [])
        assert _roles(archive) == [
            ("Ivo Dunn", "chief executive", "Tarsen Motors"),
            ("I. Dunn", "chief executive", "Tarsen Motors"),
        ]
        ids = dict(archive.database.query("SELECT name, id FROM actors WHERE chat_id = ?", (CHAT,)))
        assert store.merge(CHAT, ids["Ivo Dunn"], ids["I. Dunn"])
        assert _roles(archive) == [
            ("Ivo Dunn", "chief executive", "Tarsen Motors"),
            ("Ivo Dunn", "chief executive", "Tarsen Motors"),
        ]
    finally:
        archive.close()
