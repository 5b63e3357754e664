"""Card templates kept in the profile: seeded default, the renderer's rules, admin only,
audited and queued for the other workstations."""
from __future__ import annotations

import json

import pytest

from db import outbox
from db.cards import rules, templates
from db.errors import DomainError, PermissionDenied, ValidationFailed
from db.models import AuditEvent
from forms.cards import LAYOUT_NAMES, CardTemplate
from forms.cards.elements import CARD_ELEMENTS
from tests.helpers import user

WINDOW = (("materials", "要带的材料"), ("fee", "收费"), ("time_limits", "多久办好"))


def test_renderer_and_profile_share_one_set_of_elements_and_layouts():
    assert list(CARD_ELEMENTS) == list(rules.ELEMENT_HEADINGS)
    assert tuple(LAYOUT_NAMES) == rules.LAYOUTS


def test_a_new_profile_prints_every_layout_with_the_shipped_eight_elements(profile):
    default = CardTemplate.default()
    for layout in rules.LAYOUTS:
        stored = templates.for_layout(layout)
        assert (stored.name, stored.elements) == (default.name, default.elements)
    assert [t.layouts for t in templates.all_templates()] == [rules.LAYOUTS]


def test_admin_saves_a_template_and_a_layout_prints_with_it(profile):
    admin = user("admin")
    saved = templates.save_template(admin, None, "窗口台卡版", WINDOW)
    templates.set_layout_template(admin, "placard", saved.id)
    assert templates.for_layout("placard").elements == WINDOW
    assert templates.for_layout("a6").name == "八公开（默认）"
    assert CardTemplate(saved.name, saved.elements).elements == WINDOW      # the renderer accepts it
    changed = templates.save_template(admin, saved.id, "窗口台卡版", WINDOW[:2])
    assert templates.by_name("窗口台卡版").elements == WINDOW[:2] and changed.layouts == ("placard",)
    actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert actions[-3:] == ["card_template_saved", "card_layout_set", "card_template_saved"]
    kinds = [op.kind for op in outbox.pending()]
    assert kinds[-3:] == ["card_template.saved", "card_layout.set", "card_template.saved"]
    assert json.loads(outbox.pending()[-1].payload)["body"] == rules.to_data("窗口台卡版", WINDOW[:2])


@pytest.mark.parametrize("elements, words", [
    ((("fax", "传真"),), "未知要素"),
    ((("fee", "收费"), ("fee", "费用")), "重复"),
    ((), "没有任何要素"),
    ((("fee", "  "),), "缺少标题"),
    ((("fee", "收" * 21),), "不能超过20字"),
])
def test_templates_the_renderer_would_refuse_are_refused_and_nothing_is_stored(profile, elements, words):
    with pytest.raises(DomainError, match=words):
        templates.save_template(user("admin"), None, "坏模板", elements)
    assert [t.name for t in templates.all_templates()] == ["八公开（默认）"]
    assert not AuditEvent.select().where(AuditEvent.action == "card_template_saved").exists()


def test_names_must_be_given_and_unique(profile):
    with pytest.raises(ValidationFailed, match="模板名称"):
        templates.save_template(user("admin"), None, " ", WINDOW)
    with pytest.raises(ValidationFailed, match="已有名为"):
        templates.save_template(user("admin"), None, "八公开（默认）", WINDOW)


def test_only_administrators_change_templates(profile):
    with pytest.raises(PermissionDenied):
        templates.save_template(user("qiantai"), None, "导引台版", WINDOW)
    default = templates.for_layout("a6")
    with pytest.raises(PermissionDenied):
        templates.set_layout_template(user("sunqiang"), "a6", default.id)


def test_a_template_in_use_cannot_be_removed(profile):
    admin = user("admin")
    spare = templates.save_template(admin, None, "备用", WINDOW)
    default = templates.for_layout("a6")
    with pytest.raises(DomainError, match="正用于"):
        templates.remove_template(admin, default.id)
    templates.remove_template(admin, spare.id)
    assert [t.name for t in templates.all_templates()] == ["八公开（默认）"]
    with pytest.raises(DomainError, match="未知的卡片版式"):
        templates.set_layout_template(admin, "a3", default.id)
