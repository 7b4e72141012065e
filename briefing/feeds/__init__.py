"""Feeds a chat follows: RSS, Atom and JSON Feed read (`parsing`), a site's feed found from its
page (`discovery`), OPML in and out (`opml`), conditional fetching through the safe fetcher
(`fetching`), when to poll (`schedule`), subscribing (`subscriptions`) and polling, each new
item handed to the durable ingest (`polling`). feedparser and listparser are imported where
they are used."""
