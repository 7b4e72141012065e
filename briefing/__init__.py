"""The domain of the briefing bot: articles, questions, answers. Pure Python, no Telegram."""
