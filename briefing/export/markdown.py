"""The Markdown dossier: a heading, then one section an article with its date, source, link,
actors, quotes and text.

Every stored value is escaped, so that a title such as "*Breaking* <b>news</b> [1]" reads as
written instead of turning into markup, links or HTML, and a line of text that starts like a
heading, list or rule stays a line of text.
"""

import re

from briefing.dates import display_date
from storage.export import ExportArticle, ExportQuote

# Characters that make inline markup (emphasis, code, links, HTML, tables, strike-through)
# or a heading or quote; a backslash before any ASCII punctuation shows it as it is.
_MARKUP = "\\`*_[]<>|~#"  # the backslash first: the escapes added after it are not escaped
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would show as "&"
_MARKER_START = re.compile(r"^([-+=])", re.MULTILINE)  # a list item, a rule, an underline
_NUMBER_START = re.compile(r"^(\d+)([.)])", re.MULTILINE)  # an ordered list item
SECTION_RULE = "\n---\n"


def _escape(text: str) -> str:
    """Escape the markup characters of `text`, and the block markers that start its lines."""
    escaped = text
    for char in _MARKUP:  # str.replace: several times faster here than translate or re.sub
        if char in escaped:
            escaped = escaped.replace(char, "\\" + char)
    if "&" in escaped:
        escaped = _ENTITY.sub(r"\\&", escaped)
    if "-" in escaped or "+" in escaped or "=" in escaped:
        escaped = _MARKER_START.sub(r"\\\1", escaped)
    if "." in escaped or ")" in escaped:
        escaped = _NUMBER_START.sub(r"\1\\\2", escaped)
    return escaped


def escape_inline(text: str) -> str:
    """`text` on one line, with every character Markdown would read as markup escaped."""
    return _escape(" ".join(text.split()))


def escape_block(text: str) -> str:
    """A text of several paragraphs, each line escaped and unindented (an indented line would
    be shown as code); blank lines, and indented lines as wire copy has them, start a
    paragraph."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and line[0].isspace() and lines and lines[-1]:
            lines.append("")  # an indented line starts a paragraph (as in wire copy)
        if stripped or (lines and lines[-1]):
            lines.append(stripped)
    return _escape("\n".join(lines).strip())


def _link(url: str | None) -> str | None:
    """An autolink for a web address, else the address as escaped text."""
    if not url:
        return None
    if url.lower().startswith(("http://", "https://")) and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return escape_inline(url)


def _quote(quote: ExportQuote) -> str:
    speaker = f" — {escape_inline(quote.speaker)}" if quote.speaker else ""
    words = escape_inline(quote.text)
    return f"> “{words}”{speaker}" if quote.direct else f"> {words}{speaker}"


def article_section(article: ExportArticle) -> str:
    """One article's section of the dossier."""
    lines = [f"## {escape_inline(article.title) or 'Untitled'}", ""]
    lines.append(f"- Date: {display_date(article.published_at)}")
    if article.source:
        lines.append(f"- Source: {escape_inline(article.source)}")
    if link := _link(article.url):
        lines.append(f"- Link: {link}")
    if article.actors:
        names = ", ".join(
            f"{escape_inline(a.name)} ({escape_inline(a.type)})" for a in article.actors
        )
        lines.append(f"- Actors: {names}")
    lines.append(f"- Archive id: {article.id}")
    if article.quotes:
        lines += ["", "Quotes:"]
        for quote in article.quotes:
            lines += ["", _quote(quote)]
    if article.body:
        lines += ["", escape_block(article.body)]
    return "\n".join(lines).rstrip() + "\n" + SECTION_RULE


def dossier_heading(scope: str, day: str) -> str:
    """The dossier's title and what it holds (`scope` says which days)."""
    return f"# News archive\n\nExported {day}: {scope}.\n{SECTION_RULE}"
