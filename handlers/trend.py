"""/trend: a chart of how many articles name some actors, day by day, sent as a photo."""

from collections.abc import Sequence

from telegram import InputFile, Update

from briefing.trends.charting import MAX_ACTORS, trend
from briefing.trends.spans import SpanError, is_period, period_days
from handlers.context import BriefingContext, after_own_pastes, chat_id_of
from handlers.formatting import esc, reply_html

CAPTION_LIMIT = 1024  # Telegram's limit on a photo's caption, after entities are parsed
USAGE = (
    "Usage: /trend NAME [NAME …] [30d|90d|1y], for example <code>/trend Lavrov Blinken 90d</code>"
    f" (up to {MAX_ACTORS} actors; commas separate names if you like). /trend alone charts"
    " the week's rising actors."
)


def split_arguments(args: Sequence[str]) -> tuple[list[str], int | None]:
    """The names typed (split at commas) and the period's days, if one was given.

    Raises SpanError for a period out of range or given twice."""
    periods = [a for a in args if is_period(a)]
    if len(periods) > 1:
        raise SpanError("Give one period, such as 30d, 90d or 1y.")
    days = period_days(periods[0]) if periods else None
    text = " ".join(a for a in args if not is_period(a))
    return [part.strip() for part in text.split(",") if part.strip()], days


def caption_html(text: str) -> str:
    """The caption escaped, cut to fit Telegram's limit (at a word, with an ellipsis)."""
    if len(text) <= CAPTION_LIMIT and len(esc(text)) <= CAPTION_LIMIT:
        return esc(text)
    cut = text
    while len(esc(cut)) > CAPTION_LIMIT - 1:
        cut = cut[: max(len(cut) - 40, 0)].rsplit(" ", 1)[0]
    return esc(cut) + "…"


async def trend_command(update: Update, context: BriefingContext) -> None:
    """/trend NAME … [PERIOD]: the chart and a one-line caption; /trend alone: rising actors."""
    message = update.effective_message
    if message is None:
        return
    try:
        names, days = split_arguments(context.args or [])
    except SpanError as error:
        await reply_html(update, f"{esc(error)}\n{USAGE}")
        return
    chat_id = chat_id_of(update)
    await after_own_pastes(context, chat_id)
    found, png = await trend(context.bot_data.searcher, chat_id, names, days)
    if found.problem or png is None:
        await reply_html(update, esc(found.problem or "Nothing to chart."))
        return
    photo = InputFile(png, filename="trend.png")
    await message.reply_photo(photo, caption=caption_html(found.caption), do_quote=False)
