"""Refusals of the queue, each with a message a visitor or an officer can act on."""

from __future__ import annotations

from mpp_desk.errors import PermissionDenied, UserError, ValidationError
from mpp_desk.i18n import N_


class QueueClosed(UserError):
    """The kiosk issues no ticket now: outside hours, a break, a non-working day or a closed group."""


class DailyLimitReached(QueueClosed):
    """The group's quota for today is used up."""


class QueueNotFound(UserError):
    """A group, counter or ticket named by the caller does not exist."""


class InvalidTransition(UserError):
    """The ticket's state does not allow this action (the state machine of docs/domain.md)."""


class CounterBusy(UserError):
    """The counter still has a called or serving ticket."""


class BookingRefused(UserError):
    """A booked visit cannot be made, cancelled or redeemed (full, closed day, used, released, too early...)."""


class QueueSetupError(ValidationError):
    """A set-up value (group, counter, hours, break) was rejected."""


class CounterNotBound(PermissionDenied):
    """This PC (its device on the server) is bound to other counter numbers than the one it acts on."""


class OfflineCallingOff(UserError):
    """The server is away and the supervisor's setting does not let counters call from the last known list."""


class QueueOffline(UserError):
    """The office's queue server did not answer (the PC has joined one; docs/queue.md)."""


class NoNumbersNow(QueueOffline):
    """The server is away and the kiosk has no number of the group's leased block left (docs/queue.md)."""


class AlreadyChecked(UserError):
    """A ticket served twice was marked as checked before: the first mark stands (409)."""


class CheckNotAllowed(PermissionDenied):
    """Only a supervisor's or administrator's PC marks a ticket served twice as checked (403)."""


class QueueServerRefused(UserError):
    """The office's queue server refused this PC's request (credential, role, version)."""


OFFLINE_TEXT = N_("errors", "The queue server cannot be reached ({reason}). Please try again in a moment.")
BOOKING_NEEDS_SERVER = N_("errors", "Booking codes need the office's queue server; this kiosk works without it. "
                                   "Please take a normal queue number.")
REFUSED_TEXT = N_("errors", "The queue server refused this PC ({reason}). Please ask the administrator.")
NO_NUMBERS_TEXT = N_("errors", "Numbers for {group} cannot be taken right now. "
                                "Please ask the officer at the information desk.")
