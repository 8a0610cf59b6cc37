"""Shared fixtures: every test runs on its own data dir, in English, on a pinned day.

"Today" is Monday 2026-10-19 (ISO week 2026-W43) unless a test travels
elsewhere with ``pendulum.travel_to``.
"""

from __future__ import annotations

import pendulum
import pytest

from store.repo import Store
from tui import i18n

TODAY = pendulum.datetime(2026, 10, 19, 9, 0, tz="local")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No user data dir, no locale, no real clock leak into a test."""
    monkeypatch.setenv("OKR_DATA_DIR", str(tmp_path / "data"))
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "OKR_TODAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    i18n.set_lang("en")
    pendulum.travel_to(TODAY, freeze=True)
    yield
    pendulum.travel_back()
    i18n.set_lang("en")


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir) -> Store:
    """An empty store in the test's data dir."""
    return Store(data_dir)


@pytest.fixture
def demo_store(store) -> Store:
    """The English demo: the example OKR with check-ins for 2026-W40..W42."""
    from store.demo import build_demo

    build_demo(store, "en")
    return store


@pytest.fixture
def demo_store_zh(store) -> Store:
    from store.demo import build_demo

    build_demo(store, "zh")
    return store
