"""Reading inputs: files, folders, JSON Lines and standard input -> articles.

`read_inputs` is lazy: it walks folders one file at a time and streams `.jsonl`
files line by line. Whatever cannot be read becomes an `InputError(source, reason)`
*yielded* in the stream (never raised), so a build goes on with the rest and can list
what it skipped.

>>> normalize_date("vendredi 14 mars 2025"), normalize_date("2025-03-14T08:30:00+01:00")
('2025-03-14', '2025-03-14')
>>> normalize_date("juillet 2023") is None  # no day: unknown, never filled in from today
True
>>> split_text("Un.\\nDeux.\\nTrois.", max_chars=8)
['Un.', 'Deux.', 'Trois.']
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.clean import clean
from kg.errors import InputError, LanguageError
from kg.iri import article_id, content_hash
from kg.lang import check_language, detect_language, normalize_language
from kg.settings import Settings
from kg.types import Article

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".htm", ".html", ".jsonl", ".markdown", ".md", ".txt")
STDIN = "-"

# A first line longer than this (or with more words) is a paragraph, not a headline.
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30
# Share of control bytes (other than tab, newlines, form feed) above which a file is binary.
MAX_CONTROL_RATIO = 0.05
# Share of non-ASCII letters above which a Windows-1252 reading is not trusted (mojibake).
MAX_NON_ASCII_LETTERS = 0.3
_SAMPLE = 65_536
# An HTML page whose extracted text has no line of at least this many words has no article body.
MIN_HTML_LINE_WORDS = 4

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, or docx/xlsx/odt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document, e.g. doc/xls"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = frozenset(range(0x20)) - frozenset(b"\t\n\r\x0b\x0c\x1b")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = (
    re.compile(r"""<html[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""", re.IGNORECASE),
    re.compile(r"""<meta[^>]+http-equiv\s*=\s*["']?content-language["']?[^>]+content\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.IGNORECASE),
    re.compile(r"""<meta[^>]+property\s*=\s*["']?og:locale["']?[^>]+content\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.IGNORECASE),
)
_FRONT_MATTER_LINE = re.compile(r"\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*")
_METADATA_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
    "lang": "lang",
    "language": "lang",
    "source": "publisher",
    "publisher": "publisher",
    "site": "publisher",
}


class NotText(ValueError):
    """Bytes that are not text (binary, empty or undecodable); `args[0]` is the reason."""


@dataclass(frozen=True)
class InputWarning:
    """Something in an input that was read, but not as its author may have meant (names the file).

    Yielded in the stream of `read_inputs` before the file's articles; never raised.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class _Raw:
    """What a format reader found, before cleaning, language and identity."""

    text: str
    source: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    publisher: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _LargeText:
    """A `.txt` file too large to hold whole: read twice, in blocks, by `_large_text_articles`."""

    path: str
    encoding: str


@dataclass(frozen=True)
class _Context:
    supported: tuple[str, ...]
    default_lang: str
    max_chars: int
    lang: str | None  # forced language, or None to use the declared or detected one


def read_inputs(
    inputs: Sequence[str | Path],
    *,
    settings: Settings,
    lang: str | None = None,
    exclude: Sequence[str | Path] = (),
) -> Iterator[Article | InputError | InputWarning]:
    """Articles from files, folders (recursive, sorted, hidden entries skipped) and `-` (stdin).

    Formats by extension: `.txt`, `.md` (optional front matter), `.html`/`.htm`,
    `.jsonl` (one article per line). Everything that cannot be read is yielded as an
    `InputError` naming the file (and line) and the reason; what is read only in part or
    otherwise than written (HTML too deeply nested, broken front matter) gives an `InputWarning`
    before the file's articles. `lang` forces the language of
    every article (it must be one of `settings.languages`); by default the declared
    language is used, else the detected one. Articles longer than `settings.max_chars`
    are split by paragraphs into parts ("path#part2"). Folders in `exclude` (the build's own
    output folder) are never walked into.
    """
    forced = normalize_language(lang) if lang is not None else None
    if forced is not None:
        check_language(forced, settings.languages)
    context = _Context(settings.languages, settings.default_lang, max(1, settings.max_chars), forced)
    for item in inputs:
        name = str(item)
        records = _read_stdin() if name == STDIN else _read_path(name, exclude=exclude)
        for record in records:
            if isinstance(record, InputError):
                yield record
            elif isinstance(record, _LargeText):
                yield from _large_text_articles(record, context)
            else:
                yield from _articles(record, context)


# ---------------------------------------------------------------- paths and folders


def _read_path(name: str, *, exclude: Sequence[str | Path] = ()) -> Iterator[_Raw | _LargeText | InputError]:
    try:
        mode = os.stat(name).st_mode
    except OSError as error:
        yield InputError(name, _os_reason(error))
        return
    if stat.S_ISDIR(mode):
        for path in _walk(name, exclude=exclude):
            yield from (_read_file(path) if isinstance(path, str) else (path,))
    else:
        yield from _read_file(name)


def _walk(folder: str, *, exclude: Sequence[str | Path] = ()) -> Iterator[str | InputError]:
    """Files under `folder`, depth first in name order; hidden files and folders, and `exclude`, skipped."""
    seen = {os.path.realpath(folder), *(os.path.realpath(x) for x in exclude)}
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            yield InputError(current, _os_reason(error))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(current, entry.name)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real not in seen:  # symbolic link loops
                    seen.add(real)
                    subfolders.append(path)
                continue
            # Files before subfolders, each group in name order.
            yield path
        stack.extend(reversed(subfolders))


def _read_file(path: str) -> Iterator[_Raw | _LargeText | InputError]:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        kind = f"'{suffix}'" if suffix else "without an extension"
        yield InputError(path, f"unsupported file type {kind}; supported: {', '.join(SUPPORTED_EXTENSIONS)}")
        return
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            yield InputError(path, "not a regular file (device, socket or pipe); give a file or a folder")
            return
        if suffix == ".jsonl":
            yield from _read_jsonl(path)
            return
        if suffix == ".txt" and os.stat(path).st_size > LARGE_FILE_BYTES:
            encoding = _stream_encoding(path)
            if encoding is not None:
                yield _LargeText(path, encoding)
                return
        data = Path(path).read_bytes()
    except OSError as error:
        yield InputError(path, _os_reason(error))
        return
    try:
        if suffix in (".html", ".htm"):
            yield _read_html(data, path)
            return
        text = decode_bytes(data)
    except NotText as error:
        yield InputError(path, str(error))
        return
    if suffix in (".md", ".markdown"):
        yield _read_markdown(text, path)
    else:
        yield _Raw(text=text, source=path)


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or folder; check the path"
    if isinstance(error, PermissionError):
        return "permission denied; check the file's permissions"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read: {error.strerror or error}"


# ---------------------------------------------------------------- bytes -> text


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Text from bytes: UTF-8 (BOM stripped), UTF-16/32 with a BOM, else detection.

    Raises `NotText` for empty, binary or undecodable input. `declared` is an encoding
    named by the document itself (HTML `<meta charset>`), tried after UTF-8.

    >>> decode_bytes("L’armée a été déployée".encode("cp1252"))
    'L’armée a été déployée'
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(64))
    Traceback (most recent call last):
    ...
    kg.read.NotText: binary file (PNG image), not text
    """
    if not data.strip():
        raise NotText("empty file" if not data else "empty file (whitespace only)")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotText(f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _non_empty(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise NotText(f"undecodable: starts with a {encoding} byte order mark but is not {encoding} ({error.reason})") from error
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        text = _utf16_without_bom(data)
        if text is None:
            raise NotText("binary file (contains NUL bytes), not text")
        return _non_empty(text)
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise NotText(f"binary file ({controls / len(sample):.0%} control bytes), not text")
    try:
        return _non_empty(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _non_empty(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    text = _windows_1252(data)
    if text is not None:
        return _non_empty(text)
    from charset_normalizer import from_bytes  # imported on demand: only non-UTF-8 files need it

    best = from_bytes(data).best()
    if best is None:
        raise NotText("undecodable: not UTF-8, and no known encoding fits; convert the file to UTF-8")
    text = str(best)
    bad = sum(1 for char in text[:_SAMPLE] if char < " " and char not in "\t\n\r\x0b\x0c")
    if bad > MAX_CONTROL_RATIO * min(len(text), _SAMPLE):
        raise NotText("binary file (control characters), not text")
    return _non_empty(text)


def _non_empty(text: str) -> str:
    if not text.strip():
        raise NotText("empty file (whitespace only)")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte order mark (mostly-ASCII text has a NUL in every other byte)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text
    return None


def _windows_1252(data: bytes) -> str | None:
    """The Windows-1252 reading (a superset of Latin-1 for text), if it looks like Western text.

    Short French or English texts are where statistical detectors hesitate most, and
    they are what this tool reads: a mostly-ASCII text in this reading is accepted.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = non_ascii = 0
    for char in text[:_SAMPLE]:
        if char.isalpha():
            letters += 1
            if ord(char) > 0x7F:
                non_ascii += 1
    if not letters or non_ascii > MAX_NON_ASCII_LETTERS * letters:
        return None
    return text


# ---------------------------------------------------------------- formats


def _read_html(data: bytes, path: str) -> _Raw | InputError:
    match = _HTML_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "replace") if match else None
    html = decode_bytes(data, declared=declared)
    depth = html_depth(html)
    if depth >= MAX_HTML_DEPTH:
        # libxml2 (under trafilatura and lxml) stops at 255 nested elements and drops the rest of
        # the page, body text included: read the page's text with the standard library's parser
        text = html_text(html)
        if not any(len(line.split()) >= MIN_HTML_LINE_WORDS for line in text.split("\n")):
            return InputError(path, f"no text found in the HTML page (elements nested {depth} levels deep)")
        return _Raw(
            text=text,
            source=path,
            lang=_html_lang(html),
            warnings=(
                f"HTML nested {depth} levels deep (the HTML parser drops what lies past 255 levels): read as plain text, "
                "menus and page furniture included; save the article's text as .txt for a cleaner result",
            ),
        )
    try:
        import trafilatura  # heavy import, only when an HTML file is read

        # No recall fallback: on a page without an article body it returns the menus.
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, as_dict=False)
    except Exception as error:  # a third-party parser on arbitrary input: report, never crash the build
        return InputError(path, f"cannot extract text from the HTML page ({type(error).__name__}: {error})")
    if document is None or isinstance(document, dict):
        return InputError(path, "no main text found in the HTML page")
    text = document.text or ""
    # trafilatura falls back to any text on the page; menu items alone are not an article.
    if not any(len(line.split()) >= MIN_HTML_LINE_WORDS for line in text.split("\n")):
        return InputError(path, "no main text found in the HTML page")
    return _Raw(
        text=text,
        source=path,
        title=document.title,
        date=document.date,
        url=document.url,
        lang=_html_lang(html),
        publisher=document.sitename,
    )


def _html_lang(html: str) -> str | None:
    head = html[:20_000]
    for pattern in _HTML_LANG:
        found = pattern.search(head)
        if found:
            return found.group(1)
    return None


# libxml2's limit is 256 nested elements; a page near it loses its deepest text
MAX_HTML_DEPTH = 250
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset("script style noscript template svg head nav footer aside form button select".split())
_BLOCK = frozenset(
    "address article blockquote br dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 header hr li main ol p pre "
    "section table td th tr ul title".split()
)


class _Depth(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)


def html_depth(html: str) -> int:
    """How deeply elements nest in `html` (unclosed ones count as open).

    >>> html_depth("<div><div><p>a</p></div><br></div>")
    3
    """
    parser = _Depth()
    parser.feed(html)
    parser.close()
    return parser.deepest


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skipping.append(tag)
        elif tag in _BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in _BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(data)


def html_text(html: str) -> str:
    """The text of an HTML page, one block per line, scripts, styles and navigation left out; any depth.

    >>> html_text("<div><nav>Menu</nav><p>Le Niger <b>rompt</b>.</p><script>x()</script></div>")
    'Le Niger rompt.'
    """
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.out).split("\n"))
    return "\n".join(line for line in lines if line)


def parse_front_matter(text: str, *, problems: list[str] | None = None) -> tuple[dict[str, str], str]:
    """Simple `key: value` front matter between `---` lines, and the rest of the text.

    Only scalar values are read (lists and nested blocks are ignored); keys are lower-cased.
    What is not valid front matter (a line that is not `key: value`, an unclosed quote, a block
    that is never closed) is skipped, and said in `problems` when a list is given.

    >>> parse_front_matter('---\\ntitle: "Niger : rupture"\\ndate: 2025-03-14\\n---\\nTexte.')
    ({'title': 'Niger : rupture', 'date': '2025-03-14'}, 'Texte.')
    >>> parse_front_matter("Pas de front matter.")
    ({}, 'Pas de front matter.')
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, min(len(lines), 500)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        # no closing line: a horizontal rule, not front matter, unless it reads like front matter
        if problems is not None and len(lines) > 1 and _FRONT_MATTER_LINE.fullmatch(lines[1]):
            problems.append("front matter opened by '---' on line 1 is never closed by a '---' line: read as text")
        return {}, text
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], 2):
        if not line.strip() or line[:1].isspace() or line.lstrip().startswith(("#", "-")):
            continue  # nested values, list items, comments
        match = _FRONT_MATTER_LINE.fullmatch(line)
        if not match:
            if problems is not None:
                problems.append(f"front matter line {number} is not `key: value`, ignored: {line.strip()[:60]!r}")
            continue
        if not match.group(2):
            continue
        value = match.group(2)
        if value[0] in "\"'" and (len(value) < 2 or value[-1] != value[0]):
            if problems is not None:
                problems.append(f"front matter line {number} opens a quote it never closes, ignored: {line.strip()[:60]!r}")
            continue
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1].replace('\\"', '"')
        meta[match.group(1).lower()] = value
    return meta, "\n".join(lines[end + 1 :])


_MD_FENCE = re.compile(r"\s*(```|~~~).*")
_MD_HEADING = re.compile(r"\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*")
_MD_RULE = re.compile(r"\s{0,3}([-=*_]\s*){3,}")
_MD_LINK_DEF = re.compile(r"\s{0,3}\[[^\]]+\]:\s*\S+.*")
_MD_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)
_MD_PREFIX = re.compile(r"\A(?:\s{0,3}(?:>\s?)+|\s*[-*+]\s+(?=\S))")


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text (one paragraph per line) from Markdown, and the first heading if it opens the text.

    >>> markdown_to_text("# Niger\\n\\nLe **Niger** rompt avec [Moscou](https://x.org).")
    ('Niger\\n\\nLe Niger rompt avec Moscou.', 'Niger')
    """
    lines: list[str] = []
    heading: str | None = None
    seen_text = False
    for line in markdown.split("\n"):
        if _MD_FENCE.fullmatch(line) or _MD_RULE.fullmatch(line) or _MD_LINK_DEF.fullmatch(line):
            continue
        match = _MD_HEADING.fullmatch(line)
        if match:
            line = match.group(2)
        else:
            line = _MD_PREFIX.sub("", line, count=1)
        for pattern, replacement in _MD_INLINE:
            line = pattern.sub(replacement, line)
        if match and not seen_text and line.strip():
            heading = line.strip()
        if line.strip():
            seen_text = True
        lines.append(line)
    return "\n".join(lines), heading


def _read_markdown(text: str, path: str) -> _Raw:
    problems: list[str] = []
    meta, body = parse_front_matter(text.lstrip("\ufeff"), problems=problems)
    plain, heading = markdown_to_text(body)
    fields = _metadata(meta)
    return _Raw(
        text=plain,
        source=path,
        title=fields.get("title") or heading,
        date=fields.get("date"),
        url=fields.get("url"),
        lang=fields.get("lang"),
        publisher=fields.get("publisher"),
        warnings=tuple(f"{p}; fix the front matter (YAML `key: value` lines between two '---' lines)" for p in problems),
    )


def _metadata(record: Mapping[str, object]) -> dict[str, str]:
    """Known metadata fields (title, date, url, lang, publisher) as strings, from any spelling."""
    fields: dict[str, str] = {}
    for key, value in record.items():
        name = _METADATA_KEYS.get(str(key).lower())
        if name is None or name in fields or value is None or isinstance(value, (dict, list, bool)):
            continue
        text = str(value).strip()
        if text:
            fields[name] = text
    return fields


def _read_jsonl(path: str) -> Iterator[_Raw | InputError]:
    with open(path, "rb") as stream:  # OSError is reported by the caller
        yield from _jsonl_records(enumerate(stream, 1), path, empty_reason="empty file")


def _jsonl_records(
    lines: Iterable[tuple[int, bytes | str]], source: str, *, empty_reason: str
) -> Iterator[_Raw | InputError]:
    any_line = False
    for number, raw in lines:
        where = f"{source}:{number}"
        if isinstance(raw, bytes):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode_bytes(raw)
                except NotText as error:
                    any_line = True
                    yield InputError(where, str(error))
                    continue
        else:
            line = raw.lstrip("\ufeff") if number == 1 else raw
        if not line.strip():
            continue
        any_line = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON: {error.msg} (column {error.colno})")
            continue
        except (ValueError, RecursionError) as error:
            yield InputError(where, f"invalid JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield InputError(where, f"expected a JSON object with a 'text' field, got {type(record).__name__}")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            reason = "missing 'text' field" if text is None else "'text' must be a string"
            yield InputError(where, f"{reason}; each line needs {{\"text\": ...}}")
            continue
        fields = _metadata(record)
        yield _Raw(
            text=text,
            source=where,
            title=fields.get("title"),
            date=fields.get("date"),
            url=fields.get("url"),
            lang=fields.get("lang"),
            publisher=fields.get("publisher"),
        )
    if not any_line:
        yield InputError(source, empty_reason)


def _read_stdin() -> Iterator[_Raw | InputError]:
    stream = sys.stdin
    if stream is None:
        yield InputError(STDIN, "no standard input")
        return
    source = getattr(stream, "buffer", stream)
    lines: Iterator[bytes | str] = iter(source)
    head: list[bytes | str] = []
    try:
        for line in lines:
            head.append(line)
            if line.strip():
                break
    except (OSError, UnicodeDecodeError) as error:
        yield InputError(STDIN, f"cannot read standard input: {error}")
        return
    first = head[-1].strip() if head else ""
    if first[:1] in ("{", b"{"):
        # JSON Lines, streamed line by line.
        def numbered() -> Iterator[tuple[int, bytes | str]]:
            yield from enumerate(head, 1)
            yield from enumerate(lines, len(head) + 1)

        try:
            yield from _jsonl_records(numbered(), STDIN, empty_reason="empty standard input")
        except (OSError, UnicodeDecodeError) as error:
            yield InputError(STDIN, f"cannot read standard input: {error}")
        return
    try:
        rest = list(lines)
    except (OSError, UnicodeDecodeError) as error:
        yield InputError(STDIN, f"cannot read standard input: {error}")
        return
    chunks = head + rest
    try:
        if chunks and isinstance(chunks[0], bytes):
            text = decode_bytes(b"".join(c for c in chunks if isinstance(c, bytes)))
        else:
            text = _non_empty("".join(c for c in chunks if isinstance(c, str)))
    except NotText as error:
        yield InputError(STDIN, str(error).replace("file", "standard input"))
        return
    yield _Raw(text=text, source=STDIN)


# ---------------------------------------------------------------- records -> articles


def _articles(raw: _Raw, context: _Context) -> Iterator[Article | InputError | InputWarning]:
    for warning in raw.warnings:
        yield InputWarning(raw.source, warning)
    declared = normalize_language(raw.lang)
    text = clean(raw.text, lang=declared if declared in context.supported else None)
    if not text:
        yield InputError(raw.source, "no text left after removing boilerplate and blank lines")
        return
    how = "forced"
    if context.lang is not None:
        lang = context.lang
    elif declared is not None:
        lang = declared
        how = "declared"
    else:
        lang, confidence = detect_language(text, supported=context.supported, default=context.default_lang)
        how = f"detected, confidence {confidence:.2f}"
    if context.lang is None:
        try:
            check_language(lang, context.supported)
        except LanguageError as error:
            yield InputError(raw.source, f"{error} (language {how})")
            return
    title = _one_line(raw.title) if raw.title else headline(text)
    publisher = _one_line(raw.publisher) if raw.publisher else None
    date = normalize_date(raw.date, lang=lang)
    url = _one_line(raw.url) if raw.url else None
    whole = article_id(text, publisher)
    parts = [text] if len(text) <= context.max_chars else split_text(text, max_chars=context.max_chars)
    for number, part in enumerate(parts, 1):
        single = len(parts) == 1
        yield Article(
            id=whole if single else f"{whole}-part{number}",
            text=part,
            source=raw.source if single else f"{raw.source}#part{number}",
            lang=lang,
            title=title,
            date=date,
            url=url,
            publisher=publisher,
            content_hash=content_hash(part),
        )


# A .txt file larger than this is read in blocks, twice (identity, then parts), never held whole:
# memory is bounded by the part (Settings.max_chars), not by the file (issue 15: a 20 MB file).
LARGE_FILE_BYTES = 2_000_000
_READ_CHARS = 65_536


def _stream_encoding(path: str) -> str | None:
    """The encoding to stream a large text file with (UTF-8, or UTF-16/32 with a BOM), or None to read it whole."""
    with open(path, "rb") as f:
        sample = f.read(_SAMPLE)
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    try:
        decode_bytes(sample)  # empty or binary: NotText
        codecs.getincrementaldecoder("utf-8")().decode(sample)  # a character cut at the sample's end is fine
    except (NotText, UnicodeDecodeError):
        return None  # binary, or another encoding: the whole-file path detects and reports it
    return "utf-8"


def _blocks(path: str, encoding: str, size: int) -> Iterator[str]:
    """The text of `path` in blocks of about `size` characters, cut between paragraphs where it can."""
    buffer = ""
    with open(path, encoding=encoding, newline=None) as f:
        while chunk := f.read(_READ_CHARS):
            buffer += chunk
            while len(buffer) >= size:
                cut = buffer.rfind("\n\n", 0, size)
                if cut <= 0:
                    cut = buffer.rfind("\n", 0, size)
                if cut <= 0:
                    cut = buffer.rfind(" ", 0, size)
                if cut <= 0:
                    cut = size
                yield buffer[:cut]
                buffer = buffer[cut:]
    if buffer:
        yield buffer


def _large_text_articles(large: _LargeText, context: _Context) -> Iterator[Article | InputError | InputWarning]:
    """Articles (parts) of a large .txt file, with at most a block and a part in memory at a time.

    First pass: the identity (a hash of the whole cleaned text), the length, and the language and
    title from the first block. Second pass: the parts, cut as `split_text` cuts them.
    """
    import hashlib

    def cleaned() -> Iterator[str]:
        for block in _blocks(large.path, large.encoding, context.max_chars):
            text = clean(block)  # as `_articles` cleans a .txt file: no declared language
            if text:
                yield text

    digest = hashlib.sha256(b"\n")  # article_id(text, publisher=None) hashes "\n" + text
    first: str | None = None
    length = 0
    try:
        for text in cleaned():
            digest.update((("\n\n" if first is not None else "") + text).encode("utf-8", "surrogatepass"))
            length += len(text) + (2 if first is not None else 0)
            if first is None:
                first = text
    except (OSError, UnicodeDecodeError) as error:
        reason = _os_reason(error) if isinstance(error, OSError) else f"undecodable: not {large.encoding} ({error.reason})"
        yield InputError(large.path, reason)
        return
    if first is None:
        yield InputError(large.path, "no text left after removing boilerplate and blank lines")
        return
    if length <= context.max_chars:
        yield from _articles(_Raw(text=first, source=large.path), context)
        return
    if context.lang is not None:
        lang = context.lang
    else:
        lang, confidence = detect_language(first, supported=context.supported, default=context.default_lang)
        try:
            check_language(lang, context.supported)
        except LanguageError as error:
            yield InputError(large.path, f"{error} (language detected, confidence {confidence:.2f})")
            return
    title = headline(first)
    whole = digest.hexdigest()[:16]
    number = 0
    current: list[str] = []
    size = 0

    def part(text: str) -> Article:
        return Article(
            id=f"{whole}-part{number}",
            text=text,
            source=f"{large.path}#part{number}",
            lang=lang,
            title=title,
            content_hash=content_hash(text),
        )

    # split_text over "\n\n".join(blocks), one block at a time
    try:
        for index, text in enumerate(cleaned()):
            for paragraph in ([""] if index else []) + text.split("\n"):
                long = len(paragraph) > context.max_chars
                for piece in _split_paragraph(paragraph, context.max_chars) if long else [paragraph]:
                    extra = len(piece) + (1 if current else 0)
                    if current and size + extra > context.max_chars:
                        if done := "\n".join(current).strip():
                            number += 1
                            yield part(done)
                        current, size, extra = [], 0, len(piece)
                    current.append(piece)
                    size += extra
    except (OSError, UnicodeDecodeError) as error:
        yield InputError(large.path, f"changed or became unreadable while being read ({error}); read it again")
        return
    if done := "\n".join(current).strip():
        number += 1
        yield part(done)


def _one_line(value: str) -> str | None:
    return " ".join(clean(value).split()) or None


def headline(text: str) -> str | None:
    """The first line of a cleaned text when it looks like a headline: short, no final period, more text follows.

    >>> headline("Niger : la junte rompt avec Moscou\\nLe régime militaire a annoncé...")
    'Niger : la junte rompt avec Moscou'
    >>> headline("Le Niger a rompu avec Moscou.\\nLe régime militaire a annoncé...") is None
    True
    """
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if not rest.strip() or not first or len(first) > MAX_HEADLINE_CHARS:
        return None
    if len(first.split()) > MAX_HEADLINE_WORDS or first[-1] in ".…;,:" or not any(c.isalpha() for c in first):
        return None
    return first


def normalize_date(value: str | None, *, lang: str | None = None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata date, or None when the day is not known.

    Never fills a missing part from today's date, and ignores relative dates ("hier"):
    the result depends on the value only.
    """
    if value is None:
        return None
    value = str(value).strip()[:100]
    if not value:
        return None
    match = _ISO_DATE.fullmatch(value)
    if match:
        try:
            return _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            return None
    languages = [code for code in (lang, "fr", "en") if code in ("fr", "en")]
    try:
        import dateparser  # slow import, only for dates that are not already ISO

        parsed = dateparser.parse(
            value,
            languages=list(dict.fromkeys(languages)),
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PARSERS": ["custom-formats", "absolute-time"],
                "PREFER_DATES_FROM": "past",
                "DATE_ORDER": "MDY" if lang == "en" else "DMY",
            },
        )
    except Exception:  # a third-party parser on untrusted metadata: an unreadable date is just unknown
        return None
    if parsed is None or not 1000 <= parsed.year <= 2999:
        return None
    return parsed.date().isoformat()


def split_text(text: str, *, max_chars: int) -> list[str]:
    """Parts of at most `max_chars` characters, cut between paragraphs (lines).

    A paragraph longer than `max_chars` is cut after a sentence, else at a space, else anywhere.
    """
    max_chars = max(1, max_chars)
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in text.split("\n"):
        pieces = [paragraph] if len(paragraph) <= max_chars else _split_paragraph(paragraph, max_chars)
        for piece in pieces:
            extra = len(piece) + (1 if current else 0)
            if current and size + extra > max_chars:
                parts.append("\n".join(current).strip())
                current, size, extra = [], 0, len(piece)
            current.append(piece)
            size += extra
    if current:
        parts.append("\n".join(current).strip())
    return [part for part in parts if part]


_SENTENCE_END = re.compile(r"[.!?…»\"]\s")


def _split_paragraph(paragraph: str, max_chars: int) -> list[str]:
    pieces = []
    while len(paragraph) > max_chars:
        window = paragraph[: max_chars + 1]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > max_chars // 2 else window.rfind(" ") + 1
        if cut <= 0 or cut > max_chars:
            cut = max_chars
        piece = paragraph[:cut].rstrip()
        if piece:
            pieces.append(piece)
        paragraph = paragraph[cut:].lstrip()
    if paragraph:
        pieces.append(paragraph)
    return pieces
