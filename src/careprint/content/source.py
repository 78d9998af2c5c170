"""YAML files read safely, with the line and column of every value kept for error messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from careprint.errors import CareprintError, InputError

Loc = tuple[str | int, ...]
"""Where a value sits in a document: keys and list indexes, e.g. ("blocks", 2, "kind")."""


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Document:
    """One YAML file: its data, and where in the text each value came from."""

    display: str  # the path as shown to the user (relative to the workspace)
    text: str
    data: Any
    marks: dict[Loc, Mark] = field(default_factory=dict)
    private: bool = False  # a client file: its lines may hold health data; show only safe ones
    # values YAML read as something other than text (a number, yes/no, nothing), as written
    raw: dict[Loc, str] = field(default_factory=dict)

    def mark(self, loc: Loc) -> Mark | None:
        """The position of ``loc``, or of its nearest ancestor that is in the file."""
        while loc:
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get(())

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def error(
        self,
        loc: Loc,
        message: str,
        fix: str | None = None,
        cls: type[CareprintError] = InputError,
    ) -> CareprintError:
        """An error located at ``loc`` in this document, showing its source line."""
        mark = self.mark(loc)
        if mark is None:
            return cls(message, file=self.display, fix=fix)
        return cls(
            message,
            file=self.display,
            line=mark.line,
            column=mark.column,
            source=shown(self.line_text(mark.line), self.private),
            fix=fix,
        )

    def strings(self) -> Iterator[tuple[Loc, str]]:
        """Every text value in the document with its location (for checks such as glyphs)."""

        def walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
            if isinstance(value, str):
                yield loc, value
            elif isinstance(value, dict):
                for key, item in value.items():
                    yield from walk(item, (*loc, key))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    yield from walk(item, (*loc, index))

        yield from walk(self.data, ())


MAX_BYTES = 1_000_000  # a leaflet, a client or a library entry is a few kilobytes


def read_text(path: Path, display: str) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is accepted, Windows line ends too)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            "file not found.",
            file=display,
            fix="Check the file name and that it is in this folder.",
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror}).", file=display) from None
    return decode(raw, display)


def decode(raw: bytes, display: str) -> str:
    """A file's bytes as text: UTF-8 (a byte-order mark accepted), Windows line ends too."""
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"the file is {len(raw) / 1_000_000:.1f} MB; careprint's files are a few kilobytes.",
            file=display,
            fix="Check that this is the right file (not a document or an image saved under "
            "this name); files up to 1 MB are read.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read).",
            file=display,
            line=line,
            fix="Save the file as UTF-8 in your editor (often under 'Save as' > 'Encoding').",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Lines of a client file that may be shown in a message: the choice of points, never the
# client's name, address or notes.
SAFE_LINE = re.compile(
    r"\s*(-\s*)?((id|side|hold|repeats|per_day|rest_days|language|date|therapist|points)\s*:.*"
    r"|[a-z0-9-]+\s*)"
)


# a line that may hold a password is never shown, in any file
SECRET = re.compile(r"(?i)(pass(word|wd)?|wachtwoord|secret|geheim|token|api[_-]?key)\s*:")


def shown(line: str, private: bool) -> str | None:
    """``line`` as it may appear in a message: hidden in a private file unless it is safe, and
    in any file when it looks like it holds a password."""
    if (private and not SAFE_LINE.fullmatch(line)) or SECRET.search(line):
        return None
    return line


def load(path: Path, display: str, private: bool = False) -> Document:
    """Read and parse one YAML file; a syntax error becomes a located :class:`InputError`.

    In a ``private`` file (a client's), messages show a line only when it holds no client data.
    """
    return parse_text(read_text(path, display), display, private)


def parse(data: bytes, display: str, private: bool = False) -> Document:
    """One YAML file's bytes, parsed (see :func:`load`)."""
    return parse_text(decode(data, display), display, private)


def parse_text(text: str, display: str, private: bool = False) -> Document:
    if "*" in text or "&" in text:
        _refuse_aliases(text, display, private)
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        doc = Document(display=display, text=text, data=None, private=private)
        if node is None:
            raise InputError(
                "the file is empty.",
                file=display,
                fix="Write the content into it, or delete the file if it is not needed.",
            )
        doc.data = _build(loader, node, (), doc)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, display, private) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all scanner/parser errors
        raise InputError(f"the file is not valid YAML ({exc}).", file=display) from None
    finally:
        loader.dispose()
    if not isinstance(doc.data, dict):
        raise doc.error(
            (),
            "the file should hold named fields ('name: value' lines), not a single value or list.",
            "Start each line with a field name and a colon, as in the example files.",
        )
    return doc


TIMESTAMP = "tag:yaml.org,2002:timestamp"
# libyaml's parser when PyYAML has it (it ships in the wheels): the same nodes, ten times faster
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _build(loader: Any, node: yaml.Node, loc: Loc, doc: Document) -> Any:
    """Turn a composed node into plain Python data, recording each value's position."""
    if node.tag.startswith("!") or node.tag.startswith("tag:yaml.org,2002:python"):
        doc.marks[(*loc, "!")] = _mark(node)
        raise doc.error(
            (*loc, "!"),
            f"'{node.tag.replace('tag:yaml.org,2002:', '!!')}' is a YAML tag, which careprint "
            "does not read.",
            "Remove the word starting with '!' (or put the text in quotes).",
        )
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise doc.error(
                    loc, f"'{key}' cannot be used as a field name.", "Use a plain word as name."
                ) from None
            if isinstance(key, int):
                key = str(key)
            child = (*loc, key)
            if key in result:
                first = doc.marks[child]
                doc.marks[child] = _mark(key_node)
                raise doc.error(
                    child,
                    f"'{key}' appears twice here (first on line {first.line}).",
                    f"Keep one '{key}:' and delete the other.",
                )
            scalar = isinstance(value_node, yaml.ScalarNode)
            doc.marks[child] = _mark(value_node if scalar and value_node.value else key_node)
            result[key] = _build(loader, value_node, child, doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item_node in enumerate(node.value):
            child = (*loc, index)
            doc.marks[child] = _mark(item_node)
            items.append(_build(loader, item_node, child, doc))
        return items
    if not loc:
        doc.marks[()] = _mark(node)
    if node.tag == TIMESTAMP:  # kept as written: the models check dates, with located messages
        return node.value
    value = loader.construct_object(node, deep=True)
    if isinstance(node, yaml.ScalarNode) and not node.style:  # plain, not in quotes
        _comment_in_value(node, loc, doc, value)
        if not isinstance(value, str):
            doc.raw[loc] = node.value
    return value


COMMENT = re.compile(r"\s+#(\S.*)$")


def _comment_in_value(node: yaml.ScalarNode, loc: Loc, doc: Document, value: Any) -> None:
    """A '#' after a space starts a comment: in 'heading: Stap #2 van 3' the text would end at
    'Stap'. A comment that starts right after its '#' (not '# ...') was meant as text."""
    if not loc or not isinstance(loc[-1], str):
        return
    line = doc.line_text(node.end_mark.line + 1)
    found = COMMENT.match(line[node.end_mark.column :])
    if found is None:
        return
    name, written = loc[-1], f"{node.value} #{found.group(1)}".strip()
    if doc.private:  # a client's text is not repeated in a message
        raise doc.error(
            loc,
            f"'{name}' stops before its '#': a '#' after a space starts a comment, so what "
            "follows it is left out.",
            f"Put the whole text of '{name}' in double quotes.",
        )
    kept = f"'{value}'" if value not in (None, "") else "nothing"
    raise doc.error(
        loc,
        f"'{name}' keeps only {kept}: a '#' after a space starts a comment, so "
        f"'#{found.group(1)}' is left out.",
        f'Put the whole text in double quotes: {name}: "{written}"',
    )


def _refuse_aliases(text: str, display: str, private: bool) -> None:
    """YAML can repeat a part of a file by name (&anchor, *alias); careprint's files never need
    it, and a file of aliases of aliases grows without end when read. Refused where it starts."""
    try:
        for token in yaml.scan(text, Loader=LOADER):
            if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
                line = token.start_mark.line + 1
                lines = text.splitlines()
                sign = "*" if isinstance(token, yaml.AliasToken) else "&"
                raise InputError(
                    f"'{sign}{token.value}' repeats a part of the file by name (a YAML "
                    f"{'alias' if sign == '*' else 'anchor'}), which careprint does not read.",
                    file=display,
                    line=line,
                    column=token.start_mark.column + 1,
                    source=shown(lines[line - 1], private) if line <= len(lines) else None,
                    fix="Write the text out where it is needed, or put a text that starts with "
                    f"'{sign}' in double quotes.",
                )
    except yaml.YAMLError:
        return  # a syntax error: said with its line when the file is parsed


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


OPENED = {  # what PyYAML was reading when the file ended or broke: where it was opened
    "while scanning a quoted scalar": (
        "a quote",
        "Close it with the same quote at the end of the text.",
    ),
    "while parsing a flow sequence": ("a '['", "Close the list with ']' on the same line."),
    "while parsing a flow mapping": ("a '{'", "Close it with '}' on the same line."),
}


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str, private: bool) -> InputError:
    if exc.context in OPENED and exc.context_mark is not None:
        what, fix = OPENED[exc.context]
        start = exc.context_mark.line + 1
        lines = text.splitlines()
        opened = lines[start - 1] if start <= len(lines) else ""
        hashed = re.search(r"(\w+):\s+(#[0-9A-Fa-f]{3,8})\b", opened[exc.context_mark.column :])
        if hashed:  # 'rgb: #1F6F78' unquoted: the rest of the line became a comment
            key, colour = hashed.groups()
            return InputError(
                f"a '#' after a space starts a comment, so the rest of the line after "
                f"'{key}:' is left out and {what} is not closed.",
                file=display,
                line=start,
                column=exc.context_mark.column + 1,
                source=shown(opened, private),
                fix=f'Put the colour in double quotes: {key}: "{colour}"',
            )
        return InputError(
            f"{what} opened here is not closed.",
            file=display,
            line=start,
            column=exc.context_mark.column + 1,
            source=shown(lines[start - 1], private) if start <= len(lines) else None,
            fix=fix,
        )
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    lines = text.splitlines()
    source = shown(lines[line - 1], private) if line and line <= len(lines) else None
    problem = (exc.problem or "").strip()
    if "'\\t'" in problem or (source is not None and "\t" in source):
        message = "a tab is used for indentation."
        fix = "Indent with spaces only (two per level); set your editor to insert spaces for tabs."
    elif "mapping values are not allowed" in problem:
        message = "a colon inside a text confuses the file's structure."
        fix = 'Put the whole text in double quotes, e.g. heading: "Let op: ..."'
        written = re.match(r"^(\s*(?:- )?[\w-]+:\s+)([^\s\"'#][^#]*?)\s*(#.*)?$", source or "")
        if written and not private:
            quoted = written.group(2).replace("\\", "\\\\").replace('"', '\\"')
            fix = f'Put the whole text in double quotes: {written.group(1).strip()} "{quoted}"'
    elif "expected <block end>" in problem or (
        "did not find expected" in problem and ("key" in problem or "'-' indicator" in problem)
    ):
        message = "the indentation does not line up."
        fix = "Line this line up with the lines around it, using spaces only."
    elif "found undefined alias" in problem or "found unhashable key" in problem:
        message = "a '*' or '{' at the start of a value is read as YAML syntax."
        fix = "Put the text in double quotes."
    elif "could not find expected ':'" in problem or "could not find expected ':'" in str(exc):
        message = "a field name here has no colon after it."
        fix = "Write 'name: value', or indent this line to continue the text above it."
    else:
        message = f"the file is not valid YAML ({problem or 'syntax error'})."
        fix = "Compare this line with the lines around it: indentation, colons and quotes."
    column = mark.column + 1 if mark else None
    return InputError(message, file=display, line=line, column=column, source=source, fix=fix)
