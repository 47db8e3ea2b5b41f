"""Dates typed by the officer: day first, with any of the usual separators."""

from __future__ import annotations

import datetime as dt

import pytest

from mpp_desk.textformat import parse_typed_date


@pytest.mark.parametrize("text", ["05-11-2026", "5/11/2026", "05.11.2026", "5 11 2026", " 05/11/26 ", "2026-11-05",
                                  "5 - 11 - 2026"])
def test_day_first_dates_with_any_separator(text):
    assert parse_typed_date(text) == dt.date(2026, 11, 5)


def test_empty_is_not_given():
    assert parse_typed_date("  ") is None


@pytest.mark.parametrize("text", ["31-02-2026", "5-11", "lima november", "05-11-202", "2026/13/01", "0-0-0"])
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError):
        parse_typed_date(text)
