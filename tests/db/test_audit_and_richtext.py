"""The audit chain detects tampering; rich text keeps one clean form."""
from __future__ import annotations

from db import audit, richtext
from db.models import AuditEvent
from tests.helpers import drop_audit_guards, user


def test_chain_holds_and_detects_an_edit_and_a_deletion(profile):
    for n in range(5):
        audit.record(user("liuyang"), "test_event", "item", str(n), {"n": n})
    assert audit.verify_chain() == []
    drop_audit_guards()                # as someone editing the file outside the app would
    AuditEvent.update(detail='{"n":99}').where(AuditEvent.object_id == "2").execute()
    assert [b.event_id for b in audit.verify_chain()] == [AuditEvent.get(AuditEvent.object_id == "2").id]
    AuditEvent.delete().where(AuditEvent.object_id == "2").execute()
    assert audit.verify_chain(), "a deleted event breaks the chain"


def test_qt_html_becomes_clean_html():
    qt = ('<html><head><style>p {}</style></head><body style=" font-family:\'Sans\';">'
          '<p style=" margin-top:0px;"><span style=" font-weight:700;">加粗</span>普通</p>'
          '<p align="center">居中</p><ul><li>一</li></ul><script>alert(1)</script></body></html>')
    clean = richtext.clean_html(qt)
    assert clean == '<p><strong>加粗</strong>普通</p><p style="text-align:center">居中</p><ul><li>一</li></ul>'
    assert richtext.clean_html(clean) == clean
    assert richtext.to_text(clean) == "加粗普通\n居中\n一"


def test_unsafe_links_are_dropped():
    assert richtext.clean_html('<p><a href="javascript:alert(1)">x</a></p>') == "<p>x</p>"
    assert richtext.clean_html('<p><a href="https://a.gov.cn/">x</a></p>') == '<p><a href="https://a.gov.cn/">x</a></p>'
