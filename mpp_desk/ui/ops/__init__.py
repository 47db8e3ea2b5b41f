"""Keyword-only helpers that widgets run on the database thread, one module per area.

Each opens its own unit of work on the context, calls the services, and returns plain
immutable data for the UI thread.
"""
