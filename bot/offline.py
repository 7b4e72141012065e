"""A Bot API stand-in that answers locally: the console transport and offline tests use it."""

import itertools
import json
import time
from collections.abc import Callable
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_USER: dict[str, Any] = {
    "id": 1000000001,
    "is_bot": True,
    "first_name": "Briefing",
    "username": "briefing_console_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}

Uploads = dict[str, tuple[str, bytes]]  # field -> (file name, content) of files a call sends
OutgoingHook = Callable[[str, dict[str, Any], Uploads], None]


class OfflineRequest(BaseRequest):
    """Records every Bot API call and answers it as Telegram would, without any network."""

    def __init__(self, on_call: OutgoingHook | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.files: dict[str, bytes] = {}  # file_id -> content, served by getFile + download
        self._on_call = on_call
        self._message_ids = itertools.count(1)

    @property
    def read_timeout(self) -> float | None:
        """No network, so no time-out."""
        return None

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = None,
        write_timeout: object = None,
        connect_timeout: object = None,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        """Record the call, tell the hook, and return a well-formed Bot API answer."""
        if "/file/bot" in url:
            return 200, self.files.get(url.rsplit("/", 1)[-1], b"")
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((api_method, params))
        if self._on_call is not None:
            self._on_call(api_method, params, _uploads(request_data))
        payload = {"ok": True, "result": self._result(api_method, params)}
        return 200, json.dumps(payload).encode("utf-8")

    def sent(self, api_method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call of one method, in order."""
        return [params for name, params in self.calls if name == api_method]

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params.get("chat_id", 0)
        return {
            "message_id": params.get("message_id") or next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": int(chat_id) if str(chat_id).lstrip("-").isdigit() else 0,
                     "type": "private"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }  # fmt: skip

    def _result(self, api_method: str, params: dict[str, Any]) -> object:
        if api_method == "getMe":
            return BOT_USER
        if api_method == "getUpdates":
            return []
        if api_method in {"sendMessage", "sendDocument", "sendPhoto"}:
            return self._message(params)
        if api_method in {"editMessageText", "editMessageReplyMarkup"}:
            return True if "inline_message_id" in params else self._message(params)
        if api_method == "getMyCommands":
            return []
        if api_method == "getFile":
            file_id = str(params.get("file_id"))
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": f"documents/{file_id}",
            }
        return True


def _uploads(request_data: RequestData | None) -> Uploads:
    """The files a call uploads (a chart, an export), by field."""
    if request_data is None or not request_data.contains_files:
        return {}
    found: Uploads = {}
    for field, part in (request_data.multipart_data or {}).items():
        name, content = str(part[0]), part[1]
        if isinstance(content, bytes):
            found[field] = (name, content)
    return found
