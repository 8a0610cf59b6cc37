"""What was made faster answers what it answered: the repository's lookups by objective and
by id, home's sparklines across linked periods, meetings, against the plain definitions
over every objective and check-in, on two years of linked, closed and archived periods."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from screens.home import chained_history
from store import chain, cycle
from store.model import CheckIn, Meeting
from store.repo import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Store:
    import pendulum

    spec = importlib.util.spec_from_file_location(
        "_make_history_eq", ROOT / "tests" / "bench" / "make_history.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("eq")
    with pendulum.travel_to(pendulum.datetime(2026, 10, 19, 9, tz="local"), freeze=True):
        module.make(folder, 2, export=False)
    return Store(folder)


def test_lookups_by_objective_and_id(history):
    every = history.objectives(include_archived=True)
    docs = list(history._docs("checkins"))
    assert len(every) == 27 and len(docs) > 250
    assert [o.id for o in history.objectives()] == [o.id for o in every if not o.archived]
    for o in every:
        assert history.objective(o.id) == o
        mine = sorted((d for d in docs if d["objective"] == o.id), key=lambda d: d["week"])
        assert history.checkins(o.id) == [CheckIn.from_valid(d) for d in mine]
        assert history.recent_checkins(o.id, 5) == [CheckIn.from_valid(d) for d in mine[-5:]]
        for d in mine[:3]:
            assert history.has_checkin(o.id, d["week"])
            assert history.checkin(o.id, d["week"]) == CheckIn.from_valid(d)
        assert not history.has_checkin(o.id, "2026-W43")
    assert history.objective("nope") is None
    assert history.checkins("nope") == []
    assert history.meetings() == sorted(
        (Meeting.from_dict(d) for d in history._docs("meetings")), key=lambda m: m.date
    )


def test_home_sparklines_across_the_periods(history):
    every = history.objectives(include_archived=True)
    checkins = history.checkins()
    for o in history.objectives():
        assert o.previous is not None
        got = chained_history(history, o)
        for kr in o.key_results:
            links = chain.kr_chain(every, o.id, kr.id)
            assert len(links) == 9  # the KR of each period of two years and a quarter
            assert history.kr_links(o.id, kr.id) == [(x.id, k.id, k.start) for x, k in links]
            series = cycle.chained_series(every, checkins, o.id, kr.id)
            starts = [k.start for _, k in links]
            first = next((s for s in starts if s is not None), kr.start)
            assert got[kr.id] == (replace(kr, start=first), [v for _, _, v in series][-12:])


def test_the_lookups_follow_a_write(history, tmp_path):
    """The lookups are made once per version of a table: a save (in this copy or another)
    is seen at once."""
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(history.data_dir, folder)
    store, other = Store(folder), Store(folder)
    o = store.objectives()[0]
    assert not store.has_checkin(o.id, "2026-W43")
    other.save_checkin(CheckIn(o.id, "2026-W43", "2026-10-19", "late"))
    assert store.has_checkin(o.id, "2026-W43")
    assert store.recent_checkins(o.id, 1)[0].note == "late"
    store.delete_checkin(o.id, "2026-W43")
    assert not store.has_checkin(o.id, "2026-W43")
    renamed = replace(o, title="Renamed")
    store.save_objective(renamed)
    assert other.objective(o.id).title == "Renamed"


def test_a_write_trusts_the_checked_tables_only(history):
    """The store's writer skips the plain-JSON walk over the tables the model checked
    (storage.checked_tables): the same bytes; a NaN in a draft's data is still refused."""
    import math

    from store import storage
    from store.storage import StoreError

    data = history.storage.read()
    checked = history.storage.checked_tables
    assert set(checked) == {"objectives", "checkins", "meetings"}
    assert storage._dump(data, checked) == storage._dump(data)
    drafts = {"1": {"objective": "o1", "week": "2026-W43", "data": {"value": math.nan}}}
    with pytest.raises(ValueError):
        storage._dump({**data, "drafts": drafts}, checked)
    with pytest.raises(StoreError):
        history.save_draft("o1", "2026-W43", {"value": math.inf})
