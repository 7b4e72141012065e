"""What Telegram accepts as an HTML message, and what the user reads of it."""

import html
import re

LIMIT = 4096  # characters (UTF-16 code units) of a message
ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "tg-spoiler", "blockquote"}
_TOKEN_RE = re.compile(r"<[^>]*>|&[^;\s<>&]*;|[<>&]|[^<>&]+")
_TAG_RE = re.compile(r'^<(/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>$')
_ENTITY_RE = re.compile(r"^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);$")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it."""
    return len(text.encode("utf-16-le")) // 2


def plain(text: str) -> str:
    """Telegram HTML as the user reads it: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", text))


def markup_problems(text: str) -> list[str]:
    """Why Telegram would refuse to parse `text` as HTML (empty list: it parses)."""
    problems: list[str] = []
    stack: list[str] = []
    for token in _TOKEN_RE.findall(text):
        if token.startswith("<"):
            match = _TAG_RE.match(token)
            if match is None:
                problems.append(f"not a tag: {token[:40]!r}")
                continue
            closing, name, attributes = match.groups()
            if name not in ALLOWED_TAGS:
                problems.append(f"tag not allowed: {name}")
            elif closing:
                if not stack or stack[-1] != name:
                    problems.append(f"unbalanced </{name}>")
                else:
                    stack.pop()
            else:
                names = re.findall(r'([a-z-]+)="', attributes)
                if names and not (name == "a" and names == ["href"]):
                    problems.append(f"attributes not allowed: <{name} {' '.join(names)}>")
                if name == "a" and "a" in stack:
                    problems.append("nested <a>")
                stack.append(name)
        elif (token in {">", "&"} or token.startswith("&")) and not _ENTITY_RE.match(token):
            problems.append(f"unescaped {token[:20]!r}")
    if stack:
        problems.append(f"unclosed tags: {stack}")
    return problems


def html_problems(text: str, limit: int = LIMIT) -> list[str]:
    """Why Telegram would refuse `text` as an HTML message: markup it cannot parse, no text, or
    more than `limit` characters once the markup is parsed (that is how Telegram counts)."""
    problems = markup_problems(text)
    shown = plain(text)
    if not shown.strip():
        problems.append("empty message")
    if utf16_len(shown) > limit:
        problems.append(f"{utf16_len(shown)} characters, over {limit}")
    return problems
