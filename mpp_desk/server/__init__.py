"""``mpp-central``: the office's central server (FastAPI over PostgreSQL). See docs/sync.md."""

SERVER_VERSION = "0.1.0"
