"""Answers in the chat: HTML for articles, quotes and events, and their buttons.

Button data is short and checked before use: `q:<question>:<page>` pages through a saved
question of the same chat, `q:a:<actor>` asks about one of the chat's actors, `q:w:<word>`
searches a suggested spelling. Nothing in the data is trusted: the handler looks every id up
in the chat the button was pressed in.
"""

import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from briefing.dates import display_date
from briefing.questions.answer import Answer, ArticleItem, EventItem, QuoteItem
from briefing.questions.who import WhoItem
from handlers.formatting import byline, esc, link, plural, snippet_html

CALLBACK_LIMIT = 64  # bytes, Telegram's limit for callback data
_PAGE = re.compile(r"q:(\d{1,12}):(\d{1,2})")
_ACTOR = re.compile(r"q:a:(\d{1,12})")
_WORD = re.compile(r"q:w:([^\W_]{1,40})")


@dataclass(frozen=True)
class Button:
    """What a pressed answer button asks for."""

    kind: str  # "page", "actor" or "word"
    value: int | str
    page: int = 0


def parse_button(data: str | None) -> Button | None:
    """The request in a button's data, or None for anything not made by `answer_keyboard`."""
    if not data or len(data.encode()) > CALLBACK_LIMIT:
        return None
    if match := _PAGE.fullmatch(data):
        return Button("page", int(match.group(1)), int(match.group(2)))
    if match := _ACTOR.fullmatch(data):
        return Button("actor", int(match.group(1)))
    if match := _WORD.fullmatch(data):
        return Button("word", match.group(1))
    return None


def answer_keyboard(answer: Answer, question_id: int | None) -> InlineKeyboardMarkup | None:
    """ "‹ Back" / "More ›" for a saved question; suggestions when nothing was found."""
    rows: list[list[InlineKeyboardButton]] = []
    if question_id is not None and answer.pages > 1:
        row = []
        if answer.page > 0:
            back = f"q:{question_id}:{answer.page - 1}"
            row.append(InlineKeyboardButton("‹ Back", callback_data=back))
        if answer.page + 1 < answer.pages:
            more = f"q:{question_id}:{answer.page + 1}"
            row.append(InlineKeyboardButton("More ›", callback_data=more))
        rows.append(row)
    if not answer.found:
        for suggestion in answer.suggestions:
            if suggestion.actor_id is not None:
                data = f"q:a:{suggestion.actor_id}"
            else:
                data = f"q:w:{suggestion.label}"
            if parse_button(data) is not None:
                rows.append([InlineKeyboardButton(suggestion.label[:60], callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


def _filters(answer: Answer) -> str:
    plan = answer.plan
    parts = []
    if plan.question.period:
        parts.append(esc(plan.question.period))
    if plan.source_names:
        parts.append("from " + esc(", ".join(plan.source_names)))
    return "".join(f", {p}" for p in parts)


def _notes(answer: Answer) -> list[str]:
    plan = answer.plan
    lines = []
    for c in plan.corrections:
        lines.append(f"<i>Searched for “{esc(c.searched)}” instead of “{esc(c.typed)}”.</i>")
    if plan.unmatched and plan.groups:
        missing = esc(" ".join(plan.unmatched))
        lines.append(f"Nothing about <i>{missing}</i> in this chat's archive.")
    return lines


def _header(answer: Answer) -> str:
    h = answer.header
    if h is None:
        return ""
    seen = f"first seen {display_date(h.first_seen)}, last seen {display_date(h.last_seen)}"
    return (
        f"<b>{esc(h.name)}</b> · {esc(h.type)} · {plural(h.mentions, 'mention')} in"
        f" {plural(h.articles, 'article')} · {esc(seen)}"
    )


def _article(rank: int, item: ArticleItem) -> str:
    article = item.article
    text = f"{rank}. <b>{link(article.url, article.title)}</b>\n{byline(article)} · #{article.id}"
    if item.other_sources:
        text += "\nalso: " + esc(", ".join(item.other_sources))
    if item.sentence:
        text += "\n" + snippet_html(item.sentence)
    return text


def _quote(rank: int, item: QuoteItem) -> str:
    q = item.quote
    where = [display_date(q.published_at)]
    if q.source:
        where.append(esc(q.source))
    where.append(f"{link(q.url, q.title)} #{q.article_id}")
    speaker = f"<b>{esc(q.speaker)}</b> · " if q.speaker else ""
    return f"{rank}. “{snippet_html(item.text)}”\n— {speaker}{' · '.join(where)}"


def _event(rank: int, item: EventItem) -> str:
    e = item.event
    where = [esc(e.source)] if e.source else []
    where.append(f"{link(e.url, e.title)} #{e.article_id}")
    day = display_date(e.date or e.published_at)
    return f"{rank}. <b>{esc(day)}</b> — {snippet_html(item.sentence)}\n{' · '.join(where)}"


def _heading(answer: Answer) -> str:
    plan = answer.plan
    if answer.kind == "quotes":
        who = ", ".join(f"<b>{esc(g.label)}</b>" for g in plan.speakers)
        text = f"Quotes by {who}" if who else "Quotes"
        if plan.topic:
            text += " about <i>" + esc(" ".join(g.label for g in plan.topic)) + "</i>"
        return text + _filters(answer) + ":"
    if answer.kind == "events":
        actors = ", ".join(f"<b>{esc(g.label)}</b>" for g in plan.actors)
        words = " ".join(g.label for g in plan.groups if not g.is_actor)
        text = f"Events of {actors}" if actors else "Events"
        if words:
            text += f" about <i>{esc(words)}</i>"
        return text + _filters(answer) + ":"
    if not plan.groups:
        return "Latest articles" + _filters(answer) + ":"
    return f"Results for <i>{esc(answer.searched)}</i>{_filters(answer)}:"


def answer_html(answer: Answer, buttons: bool = True) -> str:
    """The whole answer: heading, notes, header, the items of this page, the page count.

    Suggestions are offered as buttons (`answer_keyboard`), or listed when there are none.
    """
    plan = answer.plan
    if not answer.found:
        if not plan.groups and not plan.unmatched and not plan.has_filters:
            return "Send a few words to search for, for example /ask Lavrov."
        words = answer.searched or " ".join(plan.unmatched)
        if words:
            nothing = (
                f"Nothing in this chat's archive matches <i>{esc(words)}</i>{_filters(answer)}."
            )
        else:
            nothing = f"Nothing in this chat's archive for {_filters(answer).removeprefix(', ')}."
        lines = [nothing]
        lines += _notes(answer)
        if answer.suggestions and buttons:
            lines.append("Did you mean:")
        elif answer.suggestions:
            names = ", ".join(esc(s.label) for s in answer.suggestions)
            lines.append(f"Did you mean: {names}?")
        return "\n".join(lines)
    lines = [_heading(answer), *_notes(answer)]
    if answer.note:
        lines.append(f"<i>{esc(answer.note)}; here are the articles.</i>")
    if header := _header(answer):
        lines.append(header)
    first = answer.page * answer.per_page + 1
    if answer.kind == "quotes":
        items = [_quote(i, q) for i, q in enumerate(answer.quotes, first)]
    elif answer.kind == "events":
        items = [_event(i, e) for i, e in enumerate(answer.events, first)]
    else:
        items = [_article(i, a) for i, a in enumerate(answer.articles, first)]
    if answer.who:
        lines += ["<b>Who:</b>", *(_who(w) for w in answer.who)]
    parts = ["\n".join(lines), *items]
    if answer.pages > 1:
        parts.append(f"<i>Page {answer.page + 1}</i>")
    return "\n\n".join(parts)


def _who(item: WhoItem) -> str:
    """One actor answering a "who" question, with the sentence and the article saying so."""
    saying = item.saying
    return (
        f"<b>{esc(item.name)}</b> — {snippet_html(item.sentence)}"
        f" ({link(saying.url, saying.title)} · #{saying.article_id})"
    )


def inline_card(item: ArticleItem) -> str:
    """The short card an inline result sends: title linked, date, source, the sentence."""
    article = item.article
    text = f"<b>{link(article.url, article.title)}</b>\n{byline(article)}"
    if item.sentence:
        text += "\n" + snippet_html(item.sentence)
    return text
