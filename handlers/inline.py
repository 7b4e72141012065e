"""Inline mode: `@bot words` in any chat offers articles from the asking user's own private
archive (the private chat's id is the user's id), each sending a short card."""

import asyncio

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update

from briefing.dates import display_date
from briefing.questions.answer import ask
from briefing.questions.snippets import plain_snippet
from handlers.answers import inline_card
from handlers.ask import chat_now
from handlers.context import BriefingContext

INLINE_RESULTS = 10


async def on_inline_query(update: Update, context: BriefingContext) -> None:
    """Answer an inline query from the user's private archive only."""
    query = update.inline_query
    if query is None:
        return
    words = query.query.strip()
    if not words:
        await query.answer([], cache_time=0, is_personal=True)
        return
    own_archive = query.from_user.id
    result = await asyncio.to_thread(
        ask,
        context.bot_data.searcher,
        own_archive,
        words,
        chat_now(context),
        limit=INLINE_RESULTS,
        intent="articles",
    )
    results = []
    for item in result.articles:
        article = item.article
        meta = " · ".join(p for p in (display_date(article.published_at), article.source) if p)
        results.append(
            InlineQueryResultArticle(
                id=f"a{article.id}",
                title=article.title[:120] or f"#{article.id}",
                description=f"{meta} — {plain_snippet(item.sentence)}"[:200],
                input_message_content=InputTextMessageContent(inline_card(item)),
            )
        )
    await query.answer(results, cache_time=0, is_personal=True)
