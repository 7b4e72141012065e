"""Who may use the bot: an allow-list of user ids, open to everyone when empty."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AccessPolicy:
    """Allowed and admin user ids; admins are always allowed."""

    allowed_user_ids: frozenset[int] = field(default_factory=frozenset)
    admin_user_ids: frozenset[int] = field(default_factory=frozenset)

    def is_allowed(self, user_id: int | None) -> bool:
        """True when the list is empty (open bot) or names this user."""
        if not self.allowed_user_ids:
            return True
        return user_id is not None and (
            user_id in self.allowed_user_ids or user_id in self.admin_user_ids
        )
