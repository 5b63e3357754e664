"""Card templates: the default 八公开, JSON round trip, refusing what cannot print."""
from __future__ import annotations

import json

import pytest

from forms.cards import CardTemplate, TemplateError, render_cards
from forms.cards.model import DEFAULT_TEMPLATE_PATH
from tests.cards.card_helpers import demo_cards, normalise, pdf_lines

EIGHT = ["basis", "conditions", "materials", "steps", "time_limits", "fee",
         "place_and_hours", "phones"]


def test_default_template_is_the_eight_public_elements():
    template = CardTemplate.default()
    assert [key for key, _ in template.elements] == EIGHT
    assert dict(template.elements)["fee"] == "收费标准及依据"


def test_json_round_trip_keeps_order_and_headings():
    template = CardTemplate("窗口版", (("materials", "要带的材料"), ("fee", "收费"), ("basis", "依据")))
    again = CardTemplate.from_json(template.to_json())
    assert again == template
    shipped = json.loads(DEFAULT_TEMPLATE_PATH.read_text(encoding="utf-8"))
    assert shipped["elements"][0]["key"] == "basis"


def test_heading_defaults_to_the_element_label_when_omitted():
    template = CardTemplate.from_json('{"name": "t", "elements": [{"key": "result"}, "phone"]}')
    assert template.elements == (("result", "办理结果"), ("phone", "咨询电话"))


@pytest.mark.parametrize("text, fragment", [
    ('{"name": "t", "elements": [{"key": "materials"}, {"key": "fax"}]}', "fax"),
    ('{"name": "t", "elements": ["fee", "fee"]}', "重复列出要素：收费标准及依据"),
    ('{"name": "t", "elements": []}', "没有任何要素"),
    ('{"name": "t", "elements": [{"key": "fee", "heading": "  "}]}', "缺少标题"),
    ('{"name": "t"}', "elements"),
    ('{"name": "t", "elements": [', "JSON"),
])
def test_unusable_templates_are_refused_with_a_reason(text, fragment):
    with pytest.raises(TemplateError) as error:
        CardTemplate.from_json(text)
    assert fragment in str(error.value)
    assert error.value.english


def test_card_shows_the_template_headings_in_the_template_order():
    template = CardTemplate("窗口版", (("fee", "收费"), ("materials", "要带的材料"), ("result", "拿到什么")))
    card = demo_cards()[0]
    result = render_cards([card], template, "a6")
    texts = [normalise(ln.text) for ln in pdf_lines(result.pdf)]
    headings = [t for t in texts if t in {"收费", "要带的材料", "拿到什么"}]
    assert headings == ["收费", "要带的材料", "拿到什么"]
    assert "设定依据" not in texts and card.guide["result"] in texts


def test_blank_element_is_left_off_with_a_warning():
    card = demo_cards()[0]
    card.guide["result"] = ""
    result = render_cards([card], CardTemplate("t", (("fee", "收费"), ("result", "办理结果"))), "a6")
    assert "办理结果" not in [normalise(ln.text) for ln in pdf_lines(result.pdf)]
    assert any("办理结果" in w and "blank" in w.english for w in result.warnings)
