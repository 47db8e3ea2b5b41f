"""A board's picture kept current from the event stream (no Qt): start from ``board_state()``, apply events.

:class:`LiveBoard` is what a display or a counter's waiting list holds between two full reads: the
people waiting per line, who is called or served at each counter, the latest calls. Events older
than the picture (``seq`` at or below ``last_seq``) are ignored, so a replay after a reconnection
is applied once; so are the events the server says the picture already holds (``applied_after``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mpp_desk.queue.views import BoardState, EventView

CALLS = ("called", "recalled")
ENDS = ("finished", "no_show", "held", "transferred")


@dataclass
class LiveBoard:
    waiting: dict[str, int] = field(default_factory=dict)
    serving: dict[int, tuple[str, str]] = field(default_factory=dict)  # counter -> (ticket code, status)
    last_calls: list[EventView] = field(default_factory=list)
    last_seq: int = 0
    keep_calls: int = 8
    skip: set[int] = field(default_factory=set)  # events after last_seq already in the picture

    @classmethod
    def from_state(cls, state: BoardState, *, keep_calls: int = 8) -> LiveBoard:
        return cls(dict(state.waiting), {c.counter_number: (c.ticket_code, c.status) for c in state.now_serving},
                   list(state.last_calls), state.last_seq, keep_calls, set(state.applied_after))

    def apply(self, event: EventView) -> bool:
        """Apply one event; False when it was already in the picture."""
        if event.seq <= self.last_seq:
            return False
        self.last_seq = event.seq
        if event.seq in self.skip:
            self.skip.discard(event.seq)
            return False
        kind, group, counter = event.type, event.group_code, event.counter_number
        if kind == "issued":
            self.waiting[group] = self.waiting.get(group, 0) + 1
        elif kind == "called":
            self.waiting[group] = max(0, self.waiting.get(group, 0) - 1)
        elif kind == "cancelled" and counter is None:  # a waiting ticket (a held one has its counter)
            self.waiting[group] = max(0, self.waiting.get(group, 0) - 1)
        if kind in CALLS and counter is not None:
            self.serving[counter] = (event.ticket_code, "called")
            self.last_calls = [event, *self.last_calls][: self.keep_calls]
        elif kind in ("started", "resumed") and counter is not None:
            self.serving[counter] = (event.ticket_code, "serving")
        elif kind in ENDS and counter is not None and self.serving.get(counter, ("",))[0] == event.ticket_code:
            del self.serving[counter]
        if kind == "transferred":
            self.waiting[group] = self.waiting.get(group, 0) + 1
        return True
