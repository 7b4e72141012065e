"""Where a forwarded message came from: the channel or person, the post link, the post date."""

from typing import Any

from telegram import (
    Chat,
    Message,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
)


def post_link(chat: Chat, message_id: int) -> str:
    """The t.me link of a channel post (public by username, private by internal id)."""
    if chat.username:
        return f"https://t.me/{chat.username}/{message_id}"
    internal = str(chat.id).removeprefix("-100")
    return f"https://t.me/c/{internal}/{message_id}"


def forward_details(message: Message) -> dict[str, Any] | None:
    """Origin name, post link and original date of a forwarded message, or None."""
    origin = message.forward_origin
    if origin is None:
        return None
    details: dict[str, Any] = {"posted_at": origin.date.isoformat(timespec="minutes")}
    if isinstance(origin, MessageOriginChannel):
        details["origin"] = origin.chat.title or origin.chat.username or "a channel"
        details["post_url"] = post_link(origin.chat, origin.message_id)
    elif isinstance(origin, MessageOriginChat):
        details["origin"] = origin.sender_chat.title or "a group"
    elif isinstance(origin, MessageOriginUser):
        details["origin"] = origin.sender_user.full_name
    elif isinstance(origin, MessageOriginHiddenUser):
        details["origin"] = origin.sender_user_name
    return details
