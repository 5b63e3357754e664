"""What the editor writes for an empty line never reaches a version: published bodies ended
with <p><br></p> (Qt writes the document's last, empty line that way)."""
from __future__ import annotations

from db import items, richtext
from tests.helpers import column, user

QT_BODY = ('<html><body><p style=" margin-top:0px;">第一段。</p>\n'
           '<p style="-qt-paragraph-type:empty; margin-top:0px;"><br /></p>\n'
           '<p>第二段<span style=" font-weight:700;"><br /></span>换行。</p>\n'
           '<p style="-qt-paragraph-type:empty;"><span style=" font-weight:700;"><br /></span></p></body></html>')


def test_empty_paragraphs_are_dropped_and_line_breaks_inside_text_kept():
    clean = richtext.clean_html(QT_BODY)
    assert clean == "<p>第一段。</p>\n<p>第二段<br>换行。</p>"
    assert richtext.clean_html(clean) == clean


def test_a_saved_body_has_no_trailing_empty_paragraph(profile):
    item = items.create_item(user("liuyang"), column("gzdt"), {"title": "空段落", "body_html": QT_BODY})
    assert not item.body_html.endswith("<p><br></p>") and "<p><br></p>" not in item.body_html
