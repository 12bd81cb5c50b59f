"""Line-based edits on one file, applied together (bottom-up, so line numbers stay valid)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LineEdit:
    start: int
    """0-based first line replaced (or insertion point when `end == start`)."""
    end: int
    lines: tuple[str, ...]


@dataclass
class FileEditor:
    text: str
    edits: list[LineEdit] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def replace_line(self, line: int, new: str) -> None:
        """Replace 1-based `line` with `new` (which may hold several lines)."""
        self.edits.append(LineEdit(line - 1, line, tuple(new.split("\n"))))

    def insert_after(self, line: int, block: str) -> None:
        """Insert `block` after 1-based `line` (0 = top of file)."""
        self.edits.append(LineEdit(line, line, tuple(block.split("\n"))))

    def replace_range(self, first: int, last: int, block: str) -> None:
        """Replace 1-based lines `first`..`last` inclusive."""
        self.edits.append(LineEdit(first - 1, last, tuple(block.split("\n"))))

    def result(self) -> str:
        lines = self.lines
        # Bottom-up. At one position a replacement goes before insertions (so they land
        # above the replaced line), and insertions keep the order they were added in.
        ordered = sorted(
            enumerate(self.edits),
            key=lambda pair: (pair[1].start, pair[1].end > pair[1].start, pair[0]),
            reverse=True,
        )
        for _, edit in ordered:
            lines[edit.start : edit.end] = list(edit.lines)
        newline = "\r\n" if "\r\n" in self.text else "\n"  # keep the file's line endings
        return newline.join(lines) + (newline if self.text.endswith("\n") or not self.text else "")
