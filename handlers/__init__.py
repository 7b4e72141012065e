"""Telegram handlers: thin adapters from updates to the briefing core. `register` adds them all.

What the composition root (`bot/`) needs of the handlers is exported here and nowhere else:
the typed application and bot data, the reply defaults, the start-up hook, the digest sender.
"""

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import actors, archive, ask, channels, digest, fallback, feeds, ingest, inline, start
from handlers.access import guard
from handlers.answers import answer_html
from handlers.context import BotData, BriefingApp, BriefingContext, wait_for_background
from handlers.digest import deliver_digest
from handlers.errors import on_error
from handlers.export import export as export_archive
from handlers.feeds import report_poll
from handlers.formatting import REPLY_DEFAULTS
from handlers.ingest import resume_ingest
from handlers.registry import Command, bot_commands
from handlers.trend import trend_command
from handlers.watch import alert_messages, unwatch, watch, watches_command
from handlers.watch import on_callback as on_watch_button

COMMANDS: tuple[Command, ...] = (
    Command("start", "what this bot does", start.start),
    Command("help", "list the commands", start.help_command),
    Command("ask", "search the archive", ask.ask, args="<WORDS>"),
    Command("recent", "the last ten articles", archive.recent),
    Command("article", "show a stored article", archive.show_article, args="<ID>"),
    Command("forget", "delete an article", archive.forget, args="<ID>"),
    Command("retry", "read a link again", ingest.retry, args="<ID>"),
    Command("stats", "count the archive", archive.stats),
    Command("export", "the archive as a file", export_archive, args="[json|csv|md] [since DATE]"),
    Command("actor", "who someone is in the archive", actors.actor, args="<NAME>"),
    Command("quotes", "what someone said", actors.quotes, args="<NAME> [about <WORDS>]"),
    Command("timeline", "dated events of an actor", actors.timeline_command, args="<NAME>"),
    Command("actors", "top actors of the week", actors.actors_command),
    Command("watch", "alerts about an actor or words", watch, args='<NAME> | "<WORDS>" [daily]'),
    Command("watches", "the watches of this chat", watches_command),
    Command("unwatch", "stop a watch", unwatch, args="<N>"),
    Command("trend", "chart actors over time", trend_command, args="[NAME …] [30d|90d|1y]"),
    Command("alias", "merge or split actors", actors.alias, args="<A> = <B> | -<B>"),
    Command("digest", "the digest since the last one, now", digest.digest, args="[week]"),
    Command("subscribe", "a daily digest", digest.subscribe, args="[HH:MM] [Area/City]"),
    Command("unsubscribe", "stop the daily digest", digest.unsubscribe),
    Command("settings", "digest time and zone", digest.settings),
    Command("feed", "follow an RSS, Atom or JSON feed", feeds.feed, args="<URL>"),
    Command("feeds", "the feeds followed (opml: as a file)", feeds.feeds, args="[opml]"),
    Command("unfeed", "stop following a feed", feeds.unfeed, args="<N>"),
)

# Handler groups run in ascending order; within a group the first matching handler wins.
ACCESS_GROUP = -1  # the guard sees every update first and stops those from other users
MAIN_GROUP = 0


def register(app: BriefingApp) -> None:
    """Add every handler, the error handler, and the command list used by /help."""
    app.bot_data.commands = COMMANDS
    app.add_handler(TypeHandler(Update, guard), group=ACCESS_GROUP)
    # Channel posts first: archived silently, never taken for commands or questions.
    channel_posts = MessageHandler(filters.UpdateType.CHANNEL_POSTS, channels.on_channel_post)
    app.add_handler(channel_posts, group=MAIN_GROUP)
    for command in COMMANDS:
        app.add_handler(CommandHandler(command.name, command.callback), group=MAIN_GROUP)
    app.add_handler(MessageHandler(filters.COMMAND, fallback.unknown_command), group=MAIN_GROUP)
    app.add_handler(CallbackQueryHandler(actors.on_callback, pattern=r"^(a|tl):"), group=MAIN_GROUP)
    app.add_handler(CallbackQueryHandler(ask.on_button, pattern=r"^q:"), group=MAIN_GROUP)
    app.add_handler(CallbackQueryHandler(on_watch_button, pattern=r"^w:"), group=MAIN_GROUP)
    app.add_handler(InlineQueryHandler(inline.on_inline_query), group=MAIN_GROUP)
    app.add_handler(MessageHandler(filters.Document.ALL, ingest.on_document), group=MAIN_GROUP)
    app.add_handler(
        MessageHandler((filters.TEXT | filters.CAPTION) & ~filters.COMMAND, ingest.on_message),
        group=MAIN_GROUP,
    )
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & ~filters.StatusUpdate.ALL, fallback.unsupported),
        group=MAIN_GROUP,
    )
    app.add_error_handler(on_error)


__all__ = [
    "COMMANDS",
    "REPLY_DEFAULTS",
    "BotData",
    "BriefingApp",
    "BriefingContext",
    "alert_messages",
    "answer_html",
    "bot_commands",
    "deliver_digest",
    "register",
    "report_poll",
    "resume_ingest",
    "wait_for_background",
]
