"""A long document (a month summary, the one-on-one talking points) shown without freezing.

Why not Textual's ``Markdown`` widget: it builds a widget for every block, list item
and table cell, and a busy month's summary is hundreds of list items and tables
(thousands of widgets, each styled and laid out): that took 5-10 s on the UI thread,
and the keys typed meanwhile went nowhere. Here the document is rendered with Rich
(``rich.markdown`` for Markdown; plain text and JSON wrapped under their own indent)
into lines of the pane's width (~0.1-0.2 s for a busy month of a five-year store), and
the widget shows the lines on screen from that list (the Line API): scrolling and
showing cost the same whatever the document's length.

The rendering runs in an exclusive async worker that gives the UI its turn every
few milliseconds (a section of Markdown at most at a time), not in a thread: a
thread rendering pure Python holds the GIL and the UI waits for it (measured: stalls
of 100-180 ms per key). While it runs, the previous document stays under a loading
indicator; a newer request cancels an older one. ``Preview.Shown`` is posted when a
document is on screen, ``shown_text`` says which one.
"""

from __future__ import annotations

import asyncio
import io
import re
import time
from collections.abc import Iterator
from functools import partial
from typing import ClassVar

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown, Paragraph, TableElement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from rich.theme import Theme
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

KINDS = ("md", "text", "json")


class FoldingTable(TableElement):
    """A Markdown table that keeps every figure: a cell wraps at spaces and folds only a
    word longer than its column, never cuts one with "…". Rich's own fitting squeezes a
    column below its words (or crops the last one) when space is short, so the widths
    are chosen here: each column gets its longest word (up to WORD_CAP cells), the longest
    words give way first when even that does not fit, and what is left goes to the
    columns whose cells want more, in proportion. At 80 columns a summary's KR table
    has eight columns."""

    WORD_CAP = 14
    GAP = 2  # cells between two columns (box.SIMPLE, collapsed padding, no edge)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        header = self.header.row.cells if self.header and self.header.row else []
        rows = [row.cells for row in self.body.rows] if self.body else []
        columns = [[column, *(r[i] for r in rows if i < len(r))] for i, column in enumerate(header)]
        widths = self.widths(
            [[c.content.plain for c in cells] for cells in columns],
            options.max_width - self.GAP * max(0, len(columns) - 1),
        )
        table = Table(
            box=box.SIMPLE,
            pad_edge=False,
            style="markdown.table.border",
            show_edge=False,
            collapse_padding=True,
        )
        for cells, width in zip(columns, widths, strict=True):
            heading = cells[0].content.copy()
            heading.stylize("markdown.table.header")
            justify = next((c.justify for c in cells if c.justify != "default"), "left")
            table.add_column(heading, overflow="fold", justify=justify, width=width)
        for row in rows:
            table.add_row(*(cell.content for cell in row))
        yield table

    @classmethod
    def widths(cls, columns: list[list[str]], room: int) -> list[int]:
        """The width of each column (its cells' texts given) so that together they take at
        most ``room`` cells (at least one each)."""
        natural = [max((Text(text).cell_len for text in cells), default=1) for cells in columns]
        words = [
            max((Text(w).cell_len for text in cells for w in text.split()), default=1)
            for cells in columns
        ]
        least = [max(1, min(w, n, cls.WORD_CAP)) for w, n in zip(words, natural, strict=True)]
        while sum(least) > room and max(least) > 1:
            widest = max(range(len(least)), key=least.__getitem__)
            least[widest] -= 1  # the longest word folds first
        # What is left is shared evenly among the columns that want more, each up to its
        # natural width: a short column is served in full, a long one takes the rest.
        spare = room - sum(least)
        want = [max(0, n - w) for n, w in zip(natural, least, strict=True)]
        active = [i for i, w in enumerate(want) if w]
        while spare > 0 and active:
            share = max(1, spare // len(active))
            for i in list(active):
                give = min(share, want[i], spare)
                least[i] += give
                want[i] -= give
                spare -= give
                if not want[i]:
                    active.remove(i)
                if not spare:
                    break
        return least


# A break may fall between two CJK characters (and after their punctuation), as well as at
# a space: Rich breaks only at spaces, so a Chinese sentence with one space in it ("得分
# 24%，应为 39%；……") left a short line and then a run cut where the width ran out.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f"
_TOKENS = re.compile(f"[{_CJK}]|\\s+|[^\\s{_CJK}]+")


def wrap(text: Text, width: int) -> list[Text]:
    """``text`` in lines of at most ``width`` cells: broken at spaces and between CJK
    characters; a word longer than the line folds. Spaces at a break are dropped."""
    width = max(width, 2)
    out: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        starts: list[int] = [0]
        used = 0
        for token in _TOKENS.finditer(plain):
            piece = token.group()
            cells = Text(piece).cell_len
            if piece.isspace():
                used += cells
                continue
            if used + cells > width and used > 0:
                starts.append(token.start())
                used = 0
            while cells > width:  # a word longer than the line: fold it
                cut, run = token.start(), 0
                for index, char in enumerate(piece):
                    run += Text(char).cell_len
                    if run > width - used:
                        cut = token.start() + index
                        break
                starts.append(cut)
                piece = plain[cut : token.end()]
                cells, used = Text(piece).cell_len, 0
            used += cells
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(plain)
            piece = line[start:end]
            piece.rstrip()
            if n:
                piece = piece[len(piece.plain) - len(piece.plain.lstrip()) :]
            out.append(piece)
    return out


class WrappingParagraph(Paragraph):
    """A paragraph wrapped by ``wrap`` (CJK-aware)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = wrap(self.text, options.max_width)
        yield Text("\n", style=self.text.style).join(lines) if lines else self.text


class PreviewMarkdown(Markdown):
    elements: ClassVar = {
        **Markdown.elements,
        "table_open": FoldingTable,
        "paragraph_open": WrappingParagraph,
    }


# The rule under a plain-text table's header: indented, one run of ─ per column (a
# heading's rule starts at the margin).
TABLE_RULE = re.compile(r"^ +─+(?:  ─+)*$")


def table_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines of the plain-text tables (tui.report writes a header, a
    rule of ``─`` under each column, then rows indented like the header): they keep their
    alignment, and are scrolled sideways rather than wrapped."""
    out: set[int] = set()
    for n, line in enumerate(lines):
        if not TABLE_RULE.match(line) or n == 0:
            continue
        indent = " " * (len(line) - len(line.lstrip(" ")))
        out.update((n - 1, n))
        for m in range(n + 1, len(lines)):
            row = lines[m]
            if not row.strip() or not row.startswith(indent) or row.lstrip().startswith("•"):
                break
            out.add(m)
    return out


def hanging_lines(text: str, width: int) -> Iterator[Text]:
    """Plain text (or JSON) cut into lines of at most ``width`` cells, never cut short: a
    long line wraps at spaces (a word longer than the line folds), and its continuation
    lines are indented under the text after the line's own indent and bullet
    (``  • ``, ``- ``), so a wrapped list item or JSON value reads as one piece. The lines
    of a table (``table_lines``) are left whole: they scroll sideways."""
    width = max(width, 8)
    raw_lines = text.split("\n")
    tables = table_lines(raw_lines)
    for n, raw in enumerate(raw_lines):
        line = Text(raw)
        if line.cell_len <= width or n in tables:
            yield line
            continue
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        for bullet in ("• ", "- ", "* "):
            if stripped.startswith(bullet):
                indent += len(bullet)
                break
        indent = min(indent, width // 2)
        for k, piece in enumerate(wrap(Text(raw[indent:]), width - indent)):
            yield Text(raw[:indent] if k == 0 else " " * indent) + piece


def markdown_sections(text: str) -> list[str]:
    """The document cut before each heading (outside fenced code): sections are parsed and
    rendered one at a time, so no single step holds the UI for long."""
    sections: list[list[str]] = [[]]
    fenced = False
    for line in text.split("\n"):
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and line.startswith("#") and any(sections[-1]):
            sections.append([])
        sections[-1].append(line)
    return ["\n".join(lines) for lines in sections if any(line.strip() for line in lines)]


def _console(width: int, styles: dict[str, str] | None = None) -> Console:
    """A console of its own, to render at the pane's width with the app's colours."""
    return Console(
        width=width,
        file=io.StringIO(),
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
        emoji=False,
        highlight=False,
        markup=False,
        theme=Theme(styles or {}),
    )


def strips(
    text: str, kind: str, width: int, styles: dict[str, str] | None = None
) -> Iterator[Strip]:
    """The document's lines at ``width`` cells, one at a time: Markdown a section at a time
    (``markdown_sections``), plain text and JSON a line at a time (``hanging_lines``)."""
    width = max(width, 8)
    console = _console(width, styles)
    options = console.options.update(width=width)
    if kind != "md":
        for line in hanging_lines(text, width):
            yield Strip(Segment.simplify(line.render(console)), line.cell_len)
        return
    for n, section in enumerate(markdown_sections(text)):
        if n:
            yield Strip.blank(0)  # the blank line Rich puts between two blocks
        rendered = console.render(PreviewMarkdown(section, hyperlinks=False), options)
        for line in Segment.split_and_crop_lines(
            rendered, width, pad=False, include_new_lines=False
        ):
            yield Strip(Segment.simplify(line))


SLICE = 0.008  # seconds of rendering before the UI gets its turn again


class Preview(ScrollView, can_focus=True):
    """A scrollable document rendered a slice at a time (see the module's docstring)."""

    DEFAULT_CSS = """
    Preview {
        height: 1fr;
        padding: 0 1;
        overflow-x: auto;  /* only a plain-text table is ever wider: it scrolls sideways */
        overflow-y: auto;
        scrollbar-gutter: stable;
    }
    """

    class Shown(Message):
        """A document is on screen (``preview.shown_text`` is its text)."""

        def __init__(self, preview: Preview) -> None:
            super().__init__()
            self.preview = preview

        @property
        def control(self) -> Preview:
            return self.preview

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = ""  # the document asked for
        self.kind = "md"
        self.shown_text: str | None = None  # the document on screen (None: none yet)
        self.shown_kind = ""
        self._lines: list[Strip] = []
        self._width = 0  # the width the lines on screen were rendered for
        self._known_width = 0

    @property
    def rendering(self) -> bool:
        """Whether the document asked for is not on screen yet."""
        return self.shown_text != self.text or self.shown_kind != self.kind

    def busy(self) -> None:
        """Show the loading indicator: a document is being made (see ``show``).

        Not before the first layout: a covered widget is not laid out (Textual puts the
        indicator in its place), so it would never learn its width."""
        if self._text_width() > 0:
            self.loading = True

    def show(self, text: str, kind: str = "md") -> None:
        """Render ``text`` (``kind``: md, text, json); shown when it is ready."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.text, self.kind = text, kind
        self._start()

    def _text_width(self) -> int:
        """The width to render for: the pane's, or while the loading indicator covers the
        pane (Textual then lays the indicator out instead, and the pane's size reads 0)
        the last one it had; 0 before the first layout."""
        width = self.scrollable_content_region.width
        if width > 0:
            self._known_width = width
        return self._known_width

    def _styles(self) -> dict[str, str]:
        """The app's colours for what Rich's Markdown styles (headings, bullets, tables)."""
        accent = self.app.current_theme.accent or "yellow"  # a #rrggbb colour
        return {
            "markdown.h1": f"bold {accent}",
            "markdown.h2": f"bold underline {accent}",
            "markdown.h3": f"bold {accent}",
            "markdown.h4": f"bold {accent}",
            "markdown.item.bullet": f"bold {accent}",
            "markdown.item.number": f"bold {accent}",
            "markdown.table.header": "bold",
            "markdown.table.border": "dim",
            "markdown.code": f"bold {accent}",
        }

    def _start(self) -> None:
        width = self._text_width()
        if width <= 0:  # not laid out yet: on_resize starts it
            return
        self.loading = True  # laid out already (the width is known): see busy()
        self.run_worker(
            partial(self._render, self.text, self.kind, width, self._styles()),
            exclusive=True,  # a newer document (or width) cancels the one on its way
            group="preview",
            exit_on_error=True,
        )

    async def _render(self, text: str, kind: str, width: int, styles: dict[str, str]) -> None:
        """Render on the UI's own loop, giving it back every SLICE seconds: no key waits
        for the rendering (a thread would hold the GIL against the UI instead)."""
        lines: list[Strip] = []
        deadline = time.perf_counter() + SLICE
        for line in strips(text, kind, width, styles):
            lines.append(line)
            if time.perf_counter() > deadline:
                await asyncio.sleep(0)
                deadline = time.perf_counter() + SLICE
        new_document = (text, kind) != (self.shown_text, self.shown_kind)
        self._lines = lines
        self._width = width
        self.shown_text, self.shown_kind = text, kind
        widest = max((line.cell_length for line in lines), default=0)
        self.virtual_size = Size(max(width, widest), len(lines))
        if new_document:
            self.scroll_home(animate=False, immediate=True)
        self.loading = False
        self.refresh()
        self.post_message(self.Shown(self))

    def on_resize(self) -> None:
        if self.scrollable_content_region.width <= 0:
            return  # covered by the loading indicator: see _text_width
        if self._text_width() != self._width or self.rendering:
            self._start()

    @property
    def wide(self) -> bool:
        """Whether a line is wider than the pane (a plain-text table): it scrolls sideways."""
        return self.virtual_size.width > self.scrollable_content_region.width > 0 or (
            self.virtual_size.width > self._width > 0
        )

    @property
    def lines_text(self) -> list[str]:
        """The lines on show, as plain text (for tests and for reading a screen)."""
        return [strip.text.rstrip() for strip in self._lines]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)
        return line.apply_style(self.rich_style)
