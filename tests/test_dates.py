"""Due words read as dates: UK order, periods from the meeting, meetings and months after it."""

from __future__ import annotations

import pytest

from councilgraph.extract.commitments import due_of
from councilgraph.extract.dates import due_date, next_meeting
from tests.conftest import seed, sentence_with

MEETING = "2020-11-18"


@pytest.mark.parametrize(("words", "made", "iso"), [
    ("7 January Committee meeting", MEETING, "2021-01-07"),  # the next 7 January after the meeting
    ("by 31 March 2025", MEETING, "2025-03-31"),
    ("17 October 2019", None, "2019-10-17"),  # fully dated: no meeting date needed
    ("7/1/2021", None, "2021-01-07"),  # UK: 7 January, never 1 July
    ("31/12/21", None, "2021-12-31"),
    ("in March", MEETING, "2021-03-31"),  # a month alone is its end, the first one after the meeting
    ("July and December", MEETING, "2021-07-31"),  # the first of two
    ("April 2011", None, "2011-04-30"),
    ("Spring 2023", None, "2023-05-31"),
    ("in six months", MEETING, "2021-05-18"),
    ("within 3 months", MEETING, "2021-02-18"),
    ("within 28 days", MEETING, "2020-12-16"),
    ("by the end of the municipal year", MEETING, "2021-05-31"),
    ("by the end of the municipal year", "2021-06-10", "2022-05-31"),
    ("end of the financial year", MEETING, "2021-03-31"),
    ("later in the year", "2010-04-07", "2010-12-31"),
])
def test_due_words_become_dates(words, made, iso):
    assert due_date(words, made) == iso


@pytest.mark.parametrize(("words", "made"), [
    ("the next meeting", MEETING),  # only the store knows when that is
    ("next annual report", MEETING),
    ("in March", None),  # which March? unknown without the meeting's date
    ("in six months", None),
    ("31/02/2021", None),  # no such day, and no US reading to fall back on
    ("the report may come back", MEETING),  # "may" the verb is no month
    (None, MEETING),
])
def test_no_date_where_the_words_give_none(words, made):
    assert due_date(words, made) is None


def test_next_meeting_is_left_to_the_store():
    assert next_meeting("to the next meeting of the Committee")
    assert not next_meeting("7 January Committee meeting")


def test_due_of_a_real_sentence_becomes_a_date():
    """Seed 000 asks for data 'at the 7 January Committee meeting'; its meeting was in November 2020."""
    s = sentence_with(seed("000"), "7 January Committee meeting")
    assert due_date(due_of(s), MEETING) == "2021-01-07"
