"""The counter's queue work: the panel (controller) and its parts; see panel.py."""

from mpp_desk.ui.areas.counter.panel import QueueArea, QueuePanel

__all__ = ["QueueArea", "QueuePanel"]
