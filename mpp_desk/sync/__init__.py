"""Sync between this PC and the central server: the wire, the rules of what syncs, the client (docs/sync.md)."""
