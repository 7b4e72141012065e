"""Splitting long HTML replies: every part under the limit, valid, nothing lost."""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.formatting import esc
from handlers.split import split_message, utf16_len


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible(part: str) -> str:
    """The visible text of an HTML part, after checking its tags are balanced."""
    checker = _Checker()
    checker.feed(part)
    checker.close()
    assert checker.stack == [], "tag left open"
    return "".join(checker.text)


items = st.lists(
    st.tuples(st.text(min_size=0, max_size=300), st.sampled_from(["b", "i", "a", ""])),
    min_size=1,
    max_size=60,
)


def _render(pieces: list[tuple[str, str]]) -> str:
    out = []
    for text, tag in pieces:
        if tag == "a":
            out.append(f'<a href="https://x.example/?q={esc(text[:5])}">{esc(text)}</a>')
        elif tag:
            out.append(f"<{tag}>{esc(text)}</{tag}>")
        else:
            out.append(esc(text))
    return "\n\n".join(out)


@settings(max_examples=200, deadline=None)
@given(items, st.integers(min_value=200, max_value=4096))
def test_parts_fit_are_valid_and_lose_nothing(pieces: list[tuple[str, str]], limit: int) -> None:
    html = _render(pieces)
    parts = split_message(html, limit)
    for part in parts:
        assert utf16_len(part) <= limit
    original = re.sub(r"\s+", "", visible(html))
    joined = re.sub(r"\s+", "", "".join(visible(part) for part in parts))
    assert joined == original


def test_prefers_item_boundaries() -> None:
    items = [f"<b>Item {i}</b>\n" + "word " * 100 for i in range(30)]
    parts = split_message("\n\n".join(items), 4096)
    assert len(parts) > 1
    for part in parts:
        assert part.startswith("<b>Item ")


def test_one_huge_bold_run_is_closed_and_reopened() -> None:
    parts = split_message("<b>" + "Sentence here. " * 1000 + "</b>", 1000)
    assert all(part.startswith("<b>") and part.endswith("</b>") for part in parts)


def test_astral_characters_count_double() -> None:
    parts = split_message("😀" * 3000, 4096)
    assert all(utf16_len(part) <= 4096 for part in parts)
    assert "".join(parts) == "😀" * 3000
