"""Reading inputs: formats, encodings, bad input, languages, long articles, stdin."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.clean import clean
from kg.errors import InputError, LanguageError
from kg.iri import article_id, content_hash
from kg.read import SUPPORTED_EXTENSIONS, InputWarning, decode_bytes, headline, normalize_date, read_inputs, split_text
from kg.settings import Settings
from kg.types import Article

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_cdbfd6dc458ff73a.txt"
SETTINGS = Settings()

FR = (
    "Le régime militaire nigérien a rompu sa coopération en matière de renseignement avec la Russie "
    "et la Turquie, selon plusieurs sources sécuritaires."
)
FR2 = "Depuis son arrivée au pouvoir par un coup d’État en juillet 2023, le général Tiani avait écarté la France."
EN = "Niger's military regime has ended its intelligence cooperation with Russia and Turkey, according to security sources."
DE = "Die Militärregierung von Niger hat die Zusammenarbeit mit Russland und der Türkei beendet, wie die Quellen sagen."

HTML = """<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8">
<title>Niger : la junte rompt avec Moscou | Le Journal</title>
<meta property="og:title" content="Niger : la junte rompt avec Moscou">
<meta property="og:url" content="https://example.org/niger-rupture">
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2025-03-14T08:30:00+01:00">
<script>var slot = "TRACKER_SCRIPT_TEXT"; trackUser();</script>
<style>.ad { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">MENU_MONDE</a></li><li><a href="/sport">MENU_SPORT</a></li></ul></nav>
<div class="ad advertisement">Votre Pub ici !</div>
<article>
<h1>Niger : la junte rompt avec Moscou</h1>
<p>Le régime militaire nigérien dirigé par le général Abdourahamane Tiani a rompu sa coopération en matière de
renseignement avec la Russie et la Turquie, selon plusieurs sources sécuritaires.</p>
<p>Depuis son arrivée au pouvoir par un coup d’État en juillet 2023, le général Tiani avait progressivement
écarté les partenaires occidentaux, notamment la France et les États-Unis.</p>
<p>Les récentes attaques dans la région de Tillabéri et de Diffa ont causé des dizaines de morts parmi les forces
armées et les civils.</p>
</article>
<aside class="related">Lire aussi : SIDEBAR_LINK</aside>
<footer>© 2025 Le Journal. Tous droits réservés. <a href="/cookies">FOOTER_COOKIES</a></footer>
</body></html>
"""

MARKDOWN = """---
title: "Niger : la junte rompt avec Moscou"
date: 14 mars 2025
url: https://example.org/niger
lang: fr
source: Le Journal
tags:
  - Sahel
---
# Niger : la junte rompt avec Moscou

Le **régime militaire** nigérien a rompu sa coopération avec [la Russie](https://example.org/russie) et la Turquie.

- Depuis juillet 2023, le général Tiani avait écarté la France.
"""


def articles(results: list[Article | InputError]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def errors(results: list[Article | InputError]) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def read(*inputs: str | Path, settings: Settings = SETTINGS, **options: str) -> list[Article | InputError]:
    return list(read_inputs(list(inputs), settings=settings, **options))


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ---------------------------------------------------------------- the seed and .txt


def test_seed_article() -> None:
    [article] = read(SEED)
    assert isinstance(article, Article)
    assert article.source == str(SEED)
    assert article.lang == "fr"
    assert article.title is not None and article.title.startswith("Niger : Le régime de Tiani")
    assert article.text.startswith(article.title + "\n")  # the title line stays in the text
    assert "Votre Pub ici" not in article.text
    assert article.text == clean(SEED.read_text(encoding="utf-8"))
    assert article.id == article_id(article.text, None)
    assert article.content_hash == content_hash(article.text)
    assert article.date is None and article.url is None and article.publisher is None


def test_source_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "corpus/a.txt", FR)
    monkeypatch.chdir(tmp_path)
    [article] = read("corpus/a.txt")
    assert isinstance(article, Article) and article.source == "corpus/a.txt"
    [article] = read("corpus")
    assert isinstance(article, Article) and article.source == os.path.join("corpus", "a.txt")


@pytest.mark.parametrize(
    "text, title",
    [
        ("Niger : la junte rompt avec Moscou\n" + FR, "Niger : la junte rompt avec Moscou"),
        ("Vers un isolement diplomatique ?\n" + FR, "Vers un isolement diplomatique ?"),
        (FR + "\n" + FR2, None),  # the first line ends with a period: a paragraph
        ("Niger : la junte rompt avec Moscou", None),  # nothing follows: not a headline
        ("Un titre beaucoup trop long " * 10 + "\n" + FR, None),
        ("Votre Pub ici !\nNiger : la junte rompt\n" + FR, "Niger : la junte rompt"),  # after cleaning
    ],
)
def test_txt_title(tmp_path: Path, text: str, title: str | None) -> None:
    [article] = read(write(tmp_path, "a.txt", text))
    assert isinstance(article, Article)
    assert article.title == title
    assert headline(article.text) == title


def test_same_text_twice_is_one_article(tmp_path: Path) -> None:
    a, b = read(write(tmp_path, "a.txt", FR), write(tmp_path, "copy/b.txt", FR))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id and a.source != b.source


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "name, data",
    [
        ("cp1252.txt", f"{FR}\nL’armée a été déployée à Niamey.".encode("cp1252")),
        ("latin1.txt", f"{FR}\nL'armée a été déployée à Niamey.".encode("latin-1")),
        ("bom.txt", b"\xef\xbb\xbf" + f"{FR}\nL’armée a été déployée à Niamey.".encode()),
        ("utf16.txt", f"{FR}\nL’armée a été déployée à Niamey.".encode("utf-16")),
        ("utf16le-nobom.txt", f"{FR}\nL’armée a été déployée à Niamey.".encode("utf-16-le")),
    ],
)
def test_encodings(tmp_path: Path, name: str, data: bytes) -> None:
    [article] = read(write(tmp_path, name, data))
    assert isinstance(article, Article), article
    assert article.text.endswith("L'armée a été déployée à Niamey.")
    assert "\ufeff" not in article.text
    assert article.text.startswith("Le régime militaire nigérien")


def test_windows_1252_curly_apostrophe_byte() -> None:
    data = "Le général d’armée a quitté l’Occident.".encode("cp1252")
    assert b"\x92" in data
    assert decode_bytes(data) == "Le général d’armée a quitté l’Occident."


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n  ", "empty file (whitespace only)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(2000), "binary file (PNG image), not text"),
        ("doc.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document), not text"),
        ("nul.txt", b"Le Niger\x00\x00\x01\x02 rompt" * 10, "binary file (contains NUL bytes), not text"),
        ("ctrl.txt", bytes([1, 2, 3, 4, 5, 6, 65]) * 100, "binary file (86% control bytes), not text"),
        ("weird.txt", b"abc \x81\x8d\x8f\x90\x9d" * 20, "undecodable: not UTF-8, and no known encoding fits; convert the file to UTF-8"),
        ("only-ads.txt", "Votre Pub ici !\nPublicité\nPartager :\n".encode(), "no text left after removing boilerplate and blank lines"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "unsupported file type '.png'; supported: " + ", ".join(SUPPORTED_EXTENSIONS)),
        ("README", b"text", "unsupported file type without an extension; supported: " + ", ".join(SUPPORTED_EXTENSIONS)),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("empty.html", b"", "empty file"),
    ],
)
def test_bad_files_give_one_error_naming_the_file(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path, name, data)
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert error.reason == reason
    assert str(error) == f"{path}: {reason}"


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    [error] = read(missing)
    assert isinstance(error, InputError)
    assert error.source == str(missing) and "no such file" in error.reason


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.txt", FR)
    secret.chmod(0)
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked, "inside.txt", FR)
    locked.chmod(0)
    try:
        results = read(secret, locked)
    finally:
        secret.chmod(0o644)
        locked.chmod(0o755)
    assert [(e.source, "permission denied" in e.reason) for e in errors(results)] == [
        (str(secret), True),
        (str(locked), True),
    ]


def test_bad_files_do_not_stop_the_rest(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", FR)
    write(tmp_path, "b-empty.txt", "")
    write(tmp_path, "c.txt", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(tmp_path, "d.txt", EN)
    results = read(tmp_path, tmp_path / "missing.txt", SEED)
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "InputError", "Article", "InputError", "Article"]


# ---------------------------------------------------------------- languages


@pytest.mark.parametrize(
    "text, lang",
    [(FR, "fr"), (EN, "en")],
)
def test_detected_language(tmp_path: Path, text: str, lang: str) -> None:
    [article] = read(write(tmp_path, "a.txt", text))
    assert isinstance(article, Article) and article.lang == lang


def test_german_text_is_unsupported(tmp_path: Path) -> None:
    path = write(tmp_path, "de.txt", DE)
    [error] = read(path)
    assert isinstance(error, InputError) and error.source == str(path)
    assert error.reason.startswith("unsupported language 'de'; supported: en, fr; pass --lang to override")
    assert "detected" in error.reason


def test_lang_override(tmp_path: Path) -> None:
    [article] = read(write(tmp_path, "de.txt", DE), lang="fr")
    assert isinstance(article, Article) and article.lang == "fr"
    with pytest.raises(LanguageError):
        read(write(tmp_path, "a.txt", FR), lang="de")


def test_declared_language_wins(tmp_path: Path) -> None:
    lines = [
        {"text": FR, "lang": "en"},
        {"text": FR, "lang": "de"},
        {"text": FR, "language": "fr-FR"},
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(line) for line in lines))
    first, second, third = read(path)
    assert isinstance(first, Article) and first.lang == "en"
    assert isinstance(second, InputError) and second.source == f"{path}:2" and "(language declared)" in second.reason
    assert isinstance(third, Article) and third.lang == "fr"


# ---------------------------------------------------------------- .jsonl


def test_jsonl_with_a_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": FR, "title": "Rupture", "date": "14 mars 2025", "url": "https://ex.org/1", "source": "RFI"}),
        '{"text": "Le Niger rompt avec Moscou", "date": ',  # broken
        "",
        json.dumps({"text": EN, "publisher": "Reuters", "lang": "en", "date": "2025-03-14T08:30:00Z"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": FR2, "date": "juillet 2023", "extra": {"nested": True}}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    results = read(path)
    assert [r.source for r in results] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8)]
    first, broken, english, array, no_text, number, last = results
    assert isinstance(first, Article)
    assert (first.title, first.date, first.url, first.publisher, first.lang) == (
        "Rupture", "2025-03-14", "https://ex.org/1", "RFI", "fr")
    assert first.id == article_id(first.text, "RFI")
    assert isinstance(broken, InputError) and broken.reason.startswith("invalid JSON: ")
    assert isinstance(english, Article) and (english.publisher, english.lang, english.date) == ("Reuters", "en", "2025-03-14")
    assert isinstance(array, InputError) and "expected a JSON object" in array.reason
    assert isinstance(no_text, InputError) and "missing 'text' field" in no_text.reason
    assert isinstance(number, InputError) and "'text' must be a string" in number.reason
    assert isinstance(last, Article) and last.date is None and last.text == clean(FR2)


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps({"text": f"{FR} Numéro {n}."}) for n in range(1000)))
    results = read_inputs([path], settings=SETTINGS)
    first = next(results)
    assert isinstance(first, Article) and first.source == f"{path}:1"
    # the file can be consumed lazily; the rest is still there
    assert sum(1 for _ in results) == 999


def test_jsonl_latin1_line(tmp_path: Path) -> None:
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": FR}, ensure_ascii=False).encode("cp1252") + b"\n")
    [article] = read(path)
    assert isinstance(article, Article) and "régime" in article.text


# ---------------------------------------------------------------- .html and .md


def test_html_page(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", HTML)
    [article] = read(path)
    assert isinstance(article, Article), article
    assert article.title == "Niger : la junte rompt avec Moscou"
    assert (article.date, article.url, article.publisher, article.lang) == (
        "2025-03-14", "https://example.org/niger-rupture", "Le Journal", "fr")
    assert "Abdourahamane Tiani" in article.text and "Tillabéri" in article.text
    assert "coup d'État" in article.text
    for junk in ("TRACKER_SCRIPT_TEXT", "MENU_MONDE", "MENU_SPORT", "Votre Pub", "SIDEBAR_LINK", "FOOTER_COOKIES", "color: red"):
        assert junk not in article.text
    assert article.id == article_id(article.text, "Le Journal")


def test_html_in_windows_1252(tmp_path: Path) -> None:
    html = HTML.replace('charset="utf-8"', 'charset="windows-1252"')
    [article] = read(write(tmp_path, "page.htm", html.encode("cp1252")))
    assert isinstance(article, Article) and "États-Unis" in article.text


def test_html_without_text(tmp_path: Path) -> None:
    path = write(tmp_path, "nav.html", "<html><body><nav><a href='/'>Accueil</a></nav><script>x()</script></body></html>")
    [error] = read(path)
    assert isinstance(error, InputError) and error.reason == "no main text found in the HTML page"


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    [article] = read(write(tmp_path, "a.md", MARKDOWN))
    assert isinstance(article, Article), article
    assert (article.title, article.date, article.url, article.lang, article.publisher) == (
        "Niger : la junte rompt avec Moscou", "2025-03-14", "https://example.org/niger", "fr", "Le Journal")
    assert article.text == (
        "Niger : la junte rompt avec Moscou\n\n"
        "Le régime militaire nigérien a rompu sa coopération avec la Russie et la Turquie.\n\n"
        "Depuis juillet 2023, le général Tiani avait écarté la France."
    )


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    [article] = read(write(tmp_path, "b.md", "## Rupture au Sahel\n\n" + FR))
    assert isinstance(article, Article) and article.title == "Rupture au Sahel"
    assert article.text.startswith("Rupture au Sahel\n\n")


# ---------------------------------------------------------------- folders


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", FR + " B")
    write(tmp_path, "a.txt", FR + " A")
    write(tmp_path, "sub/c.md", FR + " C")
    write(tmp_path, "sub/deeper/d.jsonl", json.dumps({"text": FR + " D"}))
    write(tmp_path, "0-first/e.txt", FR + " E")
    write(tmp_path, ".hidden.txt", FR)
    write(tmp_path, ".git/config.txt", FR)
    write(tmp_path, "sub/.cache/x.txt", FR)
    sources = [r.source for r in read(tmp_path)]
    assert sources == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "0-first" / "e.txt"),
        str(tmp_path / "sub" / "c.md"),
        str(tmp_path / "sub" / "deeper" / "d.jsonl") + ":1",
    ]
    assert sources == [r.source for r in read(tmp_path)]  # deterministic


def test_folder_reports_unsupported_files(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", FR)
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0")
    results = read(tmp_path)
    assert [type(r).__name__ for r in results] == ["Article", "InputError"]
    assert "unsupported file type '.jpg'" in errors(results)[0].reason


def test_folder_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", FR)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [r.source for r in read(tmp_path)] == [str(tmp_path / "a.txt")]


# ---------------------------------------------------------------- long articles


def test_long_article_is_split_by_paragraphs(tmp_path: Path) -> None:
    paragraphs = [f"Paragraphe {n}. {FR} {FR2}" for n in range(1500)]
    text = "Niger : la junte rompt avec Moscou\n" + "\n".join(paragraphs)
    assert len(text) > 300_000
    path = write(tmp_path, "huge.txt", text)
    parts = read(path)
    whole = clean(text)
    whole_id = article_id(whole, None)
    assert len(parts) >= 4
    assert all(isinstance(p, Article) for p in parts)
    assert [p.source for p in parts] == [f"{path}#part{n}" for n in range(1, len(parts) + 1)]
    assert [p.id for p in parts] == [f"{whole_id}-part{n}" for n in range(1, len(parts) + 1)]
    assert all(len(p.text) <= SETTINGS.max_chars for p in articles(parts))
    assert all(p.title == "Niger : la junte rompt avec Moscou" for p in articles(parts))
    # cut between paragraphs only: every line of every part is a whole paragraph, none lost
    lines = [line for p in articles(parts) for line in p.text.split("\n")]
    assert lines == whole.split("\n")
    assert all(p.content_hash == content_hash(p.text) for p in articles(parts))


def test_long_paragraph_is_split_at_sentences(tmp_path: Path) -> None:
    text = " ".join(f"Phrase {n} sur la coopération entre le Niger et la Russie." for n in range(100))
    parts = read(write(tmp_path, "long.txt", text), settings=Settings(max_chars=1000))
    assert len(parts) > 1
    assert all(isinstance(p, Article) and len(p.text) <= 1000 and p.text.endswith(".") for p in parts)
    assert " ".join(p.text for p in articles(parts)) == text


@pytest.mark.parametrize(
    "text, max_chars, expected",
    [
        ("Un.\nDeux.\nTrois.", 100, ["Un.\nDeux.\nTrois."]),
        ("Un.\nDeux.\nTrois.", 9, ["Un.\nDeux.", "Trois."]),
        ("Un.\n\nDeux.", 5, ["Un.", "Deux."]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("Une phrase. Deux phrases.", 15, ["Une phrase.", "Deux phrases."]),
        ("", 10, []),
    ],
)
def test_split_text(text: str, max_chars: int, expected: list[str]) -> None:
    assert split_text(text, max_chars=max_chars) == expected


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        ("2025-03-14", None, "2025-03-14"),
        ("2025-03-14T23:30:00-05:00", None, "2025-03-14"),
        ("2025-02-30", None, None),
        ("14 mars 2025", "fr", "2025-03-14"),
        ("vendredi 14 mars 2025 à 08h30", "fr", "2025-03-14"),
        ("March 14, 2025", "en", "2025-03-14"),
        ("Fri, 14 Mar 2025 08:30:00 GMT", "en", "2025-03-14"),
        ("05/03/2024", "fr", "2024-03-05"),
        ("14.03.2025", None, "2025-03-14"),
        ("juillet 2023", "fr", None),  # no day: unknown, not today's day
        ("2025", None, None),
        ("hier", "fr", None),  # relative: would depend on today
        ("n'importe quoi", "fr", None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_normalize_date(value: str | None, lang: str | None, expected: str | None) -> None:
    assert normalize_date(value, lang=lang) == expected


# ---------------------------------------------------------------- standard input


class _Lines:
    """A text stream that counts the lines handed out (to check streaming)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.taken += 1
            yield line


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Niger : la junte rompt\n" + FR + "\n"))
    [article] = read("-")
    assert isinstance(article, Article)
    assert (article.source, article.title, article.lang) == ("-", "Niger : la junte rompt", "fr")


def test_stdin_bytes_in_windows_1252(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(f"{FR}\nL’armée.".encode("cp1252")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    [article] = read("-")
    assert isinstance(article, Article) and article.text.endswith("L'armée.")


def test_stdin_jsonl_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": f"{FR} Numéro {n}."}) for n in range(50)]
    lines.insert(3, "{oops")
    stream = _Lines("\n".join(lines) + "\n")
    monkeypatch.setattr(sys, "stdin", stream)
    results = read_inputs(["-"], settings=SETTINGS)
    first = next(results)
    assert isinstance(first, Article) and first.source == "-:1"
    assert stream.taken <= 2
    rest = list(results)
    assert len(rest) == 50
    assert [r.source for r in errors(rest)] == ["-:4"]


@pytest.mark.parametrize("content", ["", "   \n\n"])
def test_empty_stdin(monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(content))
    [error] = read("-")
    assert isinstance(error, InputError) and error.source == "-" and "empty" in error.reason


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", FR)
    results = read_inputs([tmp_path / "a.txt", tmp_path / "missing"], settings=SETTINGS)
    assert iter(results) is results  # a generator: nothing is read before it is consumed
    assert isinstance(next(results), Article)


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # works as root too, where chmod cannot make a file unreadable
    path = write(tmp_path, "a.txt", FR)
    folder = tmp_path / "locked"
    folder.mkdir()

    def denied(*args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    monkeypatch.setattr(os, "scandir", scandir)
    results = read(path, folder)
    assert [(e.source, e.reason) for e in errors(results)] == [
        (str(path), "permission denied; check the file's permissions"),
        (str(folder), "permission denied; check the file's permissions"),
    ]


# ---------------------------------------------------------------- issue 15, case 5


@pytest.mark.parametrize("depth", [100, 254, 300, 1000])
def test_deeply_nested_html_keeps_its_body_text(tmp_path: Path, depth: int) -> None:
    body = "Le Niger a rompu sa coopération militaire avec la Russie, a annoncé la junte mardi à Niamey."
    html = f"<html lang='fr'><body><nav>Accueil</nav>{'<div>' * depth}<p>{body}</p>{'</div>' * depth}</body></html>"
    results = read(write(tmp_path, "deep.html", html))
    [article] = articles(results)
    assert body in article.text and article.lang == "fr"
    warnings = [r for r in results if isinstance(r, InputWarning)]
    if depth >= 254:
        [warning] = warnings
        assert warning.source.endswith("deep.html") and f"nested {depth + 3} levels deep" in warning.reason
    else:
        assert warnings == []


@pytest.mark.parametrize(
    "front, expected",
    [
        ('title: "Niger : rupture\ndate: 2025-03-14', "line 2 opens a quote it never closes"),
        ("title: Niger\ndate 2025-03-14", "line 3 is not `key: value`"),
        ("title: Niger\n\tdate: [", None),  # a nested value: valid YAML shape, ignored quietly
    ],
)
def test_invalid_front_matter_gives_a_warning_naming_the_file(tmp_path: Path, front: str, expected: str | None) -> None:
    results = read(write(tmp_path, "a.md", f"---\n{front}\n---\n{FR}"))
    assert len(articles(results)) == 1
    warnings = [r for r in results if isinstance(r, InputWarning)]
    if expected is None:
        assert warnings == []
    else:
        [warning] = warnings
        assert warning.source.endswith("a.md") and expected in warning.reason and "fix the front matter" in warning.reason


def test_unclosed_front_matter_gives_a_warning(tmp_path: Path) -> None:
    results = read(write(tmp_path, "a.md", f"---\ntitle: Niger\ndate: 2025-03-14\n\n{FR}"))
    [warning] = [r for r in results if isinstance(r, InputWarning)]
    assert "never closed" in warning.reason


def _peak_while_reading(path: Path, settings: Settings) -> tuple[list[Article | InputError | InputWarning], int]:
    import tracemalloc

    tracemalloc.start()
    try:
        # only small facts about each part are kept, so that the peak is the reader's own
        found = [(r.id, r.source, len(r.text), r.content_hash, r.lang) if isinstance(r, Article) else r for r in read_inputs([path], settings=settings)]
        return found, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_text_file_is_read_in_parts_with_memory_bounded_by_the_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.read

    paragraph = FR.replace("\n", " ")
    settings = Settings(max_chars=5_000)
    small = write(tmp_path, "small.txt", "\n\n".join([paragraph] * 1_500))  # about 0.5 MB
    large = write(tmp_path, "large.txt", "\n\n".join([paragraph] * 6_000))  # about 2 MB
    monkeypatch.setattr(kg.read, "LARGE_FILE_BYTES", 10_000)
    monkeypatch.setattr(kg.read, "_READ_CHARS", 4_096)
    streamed, small_peak = _peak_while_reading(small, settings)
    parts, large_peak = _peak_while_reading(large, settings)
    assert len(parts) > 100 and all(isinstance(p, tuple) and p[2] <= 5_000 for p in parts)
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)  # bounded by the part, not the file
    assert large_peak < large.stat().st_size / 4
    # the same parts, with the same identities, as reading the file whole
    monkeypatch.setattr(kg.read, "LARGE_FILE_BYTES", 10**12)
    assert _peak_while_reading(small, settings)[0] == streamed
