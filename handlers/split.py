"""Split long HTML replies under Telegram's limit without ever breaking inside a tag.

Cuts are made at the best boundary that fits: between items (blank line), then lines, then
sentences, then words. Tags still open at a cut are closed and reopened in the next part.
"""

import re

TELEGRAM_LIMIT = 4096
_TOKEN_RE = re.compile(r"<[^>]*>|&[#\w]+;|[^<&]+|[<&]")
_TAG_NAME_RE = re.compile(r"</?\s*([a-zA-Z][\w-]*)")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*$")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _closing(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _opening(stack: list[tuple[str, str]]) -> str:
    return "".join(tag for _, tag in stack)


def _cut(text: str, budget: int) -> tuple[int, list[tuple[str, str]]]:
    """The best cut position within `budget` UTF-16 units and the tags open there."""
    stack: list[tuple[str, str]] = []
    best: dict[int, tuple[int, list[tuple[str, str]]]] = {}
    used = 0
    position = 0
    for token in _TOKEN_RE.findall(text):
        size = utf16_len(token)
        if token.startswith("<") and len(token) > 1:
            match = _TAG_NAME_RE.match(token)
            if used + size + utf16_len(_closing(stack)) > budget:
                break
            if match:
                name = match.group(1).lower()
                if token.startswith("</"):
                    for index in range(len(stack) - 1, -1, -1):
                        if stack[index][0] == name:
                            del stack[index:]
                            break
                else:
                    stack.append((name, token))
            used += size
            position += len(token)
            continue
        if token.startswith("&") or len(token) == 1:
            if used + size + utf16_len(_closing(stack)) > budget:
                break
            used += size
            position += len(token)
            continue
        for char in token:
            char_size = utf16_len(char)
            if used + char_size + utf16_len(_closing(stack)) > budget:
                break
            used += char_size
            position += 1
            if char == "\n":
                prev = text[position - 2] if position >= 2 else ""
                rank = 4 if prev == "\n" else 3
                best[rank + (0 if stack else 10)] = (position, list(stack))
            elif char == " ":
                before = text[: position - 1]
                rank = 2 if _SENTENCE_END.search(before) else 1
                best[rank + (0 if stack else 10)] = (position, list(stack))
        else:
            continue
        break
    if not best:
        return max(position, 1), list(stack)
    return best[max(best)]


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Parts of `text`, each at most `limit` UTF-16 units and each valid HTML on its own."""
    parts: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        position, stack = _cut(rest, limit)
        head = rest[:position].rstrip() + _closing(stack)
        parts.append(head)
        rest = _opening(stack) + rest[position:].lstrip()
    if rest.strip():
        parts.append(rest)
    return parts
