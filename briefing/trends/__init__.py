"""Trend charts: how often a chat's articles name its actors over time (`/trend`).

`spans` reads the period asked ("90d") and chooses days or weeks, `series` counts and sums up
each actor's articles, `names` finds the actors as questions do (typos, aliases), `rising`
picks the week's rising actors, `charting` is the use case and `chart` draws the PNG.
"""
