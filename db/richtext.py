"""Rich text kept in one clean, stable HTML form.

The editor hands over whatever HTML its widget produces (Qt writes bold as a styled
span, adds its own fonts and margins). We keep only the structure a government page
needs — paragraphs, headings, lists, tables, bold/italic/underline, links, alignment —
so the same content always hashes the same and the website gets plain, safe HTML.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BLOCKS = {"p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote"}
INLINE = {"strong", "em", "u", "a", "br"}
RENAME = {"b": "strong", "i": "em", "div": "p", "thead": None, "tbody": None}
DROP_WITH_CONTENT = {"head", "style", "script", "title"}
ALIGNMENTS = {"center", "right", "justify"}
STYLE_TAGS = (("font-weight", re.compile(r"font-weight:\s*(bold|[6-9]00)"), "strong"),
              ("font-style", re.compile(r"font-style:\s*italic"), "em"),
              ("text-decoration", re.compile(r"text-decoration:[^;]*underline"), "u"))


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[list[str]] = []   # per open source tag: the clean tags it opened
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP_WITH_CONTENT:
            self.dropping += 1
            return
        if self.dropping:
            return
        attrs = dict(attrs)
        opened = self._open_tags(RENAME.get(tag, tag), attrs)
        if tag != "br":
            self.stack.append(opened)

    def _open_tags(self, tag: str | None, attrs: dict) -> list[str]:
        opened: list[str] = []
        if tag == "br":
            self.out.append("<br>")
            return opened
        if tag == "a" and not _safe_href(attrs.get("href")):
            tag = None   # keep the text, drop a link that could run code
        if tag in BLOCKS or tag in INLINE:
            self.out.append(self._start(tag, attrs))
            opened.append(tag)
        style = attrs.get("style") or ""
        for _, pattern, inline_tag in STYLE_TAGS:
            if tag != inline_tag and pattern.search(style):
                self.out.append(f"<{inline_tag}>")
                opened.append(inline_tag)
        return opened

    def _start(self, tag: str, attrs: dict) -> str:
        if tag == "a":
            return f'<a href="{html.escape(attrs["href"], quote=True)}">'
        align = attrs.get("align") or _style_alignment(attrs.get("style") or "")
        if tag in ("p", "h1", "h2", "h3", "h4", "td", "th") and align in ALIGNMENTS:
            return f'<{tag} style="text-align:{align}">'
        if tag in ("td", "th"):
            spans = "".join(f' {k}="{int(attrs[k])}"' for k in ("colspan", "rowspan")
                            if str(attrs.get(k) or "").isdigit() and int(attrs[k]) > 1)
            return f"<{tag}{spans}>"
        return f"<{tag}>"

    def handle_endtag(self, tag):
        if tag in DROP_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag == "br" or not self.stack:
            return
        for opened in reversed(self.stack.pop()):
            self.out.append(f"</{opened}>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))


def _safe_href(href: str | None) -> bool:
    return bool(href) and href.strip().lower().startswith(("http://", "https://", "mailto:", "/"))


def _style_alignment(style: str) -> str:
    match = re.search(r"text-align:\s*(\w+)", style)
    return match.group(1) if match else ""


def clean_html(source: str) -> str:
    """Reduce any HTML to the project's clean form (idempotent)."""
    body = re.search(r"<body[^>]*>(.*)</body>", source, re.S | re.I)
    cleaner = _Cleaner()
    cleaner.feed(body.group(1) if body else source)
    cleaner.close()
    result = drop_empty("".join(cleaner.out))
    return re.sub(r"\n+", "\n", result).strip()


# Formatting around nothing but line breaks keeps the breaks; a paragraph or heading with
# nothing but spaces and line breaks is dropped: Qt writes an empty line, the last one of a
# document included, as <p><br /></p>, and the website would show it as a blank paragraph.
EMPTY_INLINE = re.compile(r"<(strong|em|u)>((?:\s|<br>)*)</\1>")
EMPTY_BLOCK = re.compile(r'<(p|h[1-4])(?: style="[^"]*")?>(?:\s|<br>)*</\1>')


def drop_empty(html_text: str) -> str:
    while True:
        shorter = EMPTY_BLOCK.sub("", EMPTY_INLINE.sub(r"\2", html_text))
        if shorter == html_text:
            return html_text
        html_text = shorter


BLOCK_BREAK = re.compile(r"</?(p|h[1-4]|li|tr|blockquote|ul|ol|table)\b[^>]*>|<br>", re.I)
CELL_BREAK = re.compile(r"</t[dh]>", re.I)
TAG = re.compile(r"<[^>]+>")


def to_text(clean: str) -> str:
    """Plain text of clean HTML: one line per block, cells separated by tabs."""
    text = CELL_BREAK.sub("\t", clean)
    text = BLOCK_BREAK.sub("\n", text)
    text = html.unescape(TAG.sub("", text))
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def from_text(text: str) -> str:
    """Clean HTML for plain text: one paragraph per non-empty line."""
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)
