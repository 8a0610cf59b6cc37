"""Waiting in a Pilot test for a state, never for a time (a bound only stops a hung test)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

BOUND = 30.0  # seconds: far above any state's real wait, even on a busy machine


async def until(pilot, condition: Callable[[], object], what: str = "", bound: float = BOUND):
    """Let the app run until ``condition()`` holds; fail (saying ``what``) after ``bound``."""
    deadline = time.monotonic() + bound
    while True:
        await pilot.pause()
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {bound:.0f} s for {what or condition}")
        await asyncio.sleep(0.01)


async def ready(pilot, screen_type=None):
    """The current screen once its text is made and shown (summary, prep: ``screen.ready``)."""

    def done():
        screen = pilot.app.screen
        if screen_type is not None and not isinstance(screen, screen_type):
            return None
        return screen if getattr(screen, "ready", True) else None

    return await until(pilot, done, f"{getattr(screen_type, '__name__', 'the screen')} ready")
