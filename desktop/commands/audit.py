"""`audit`: check the hash chain of the audit trail (`verify`) or print its newest events (`tail`)."""
from __future__ import annotations

NAME = "audit"
HELP = "verify the audit trail's hash chain (exit 1 when broken) or show its newest events"


def add_arguments(parser) -> None:
    from desktop.commands.common import add_profile_argument
    add_profile_argument(parser)
    parser.add_argument("action", choices=("verify", "tail"), help="verify the chain, or show the newest events")
    parser.add_argument("-n", type=int, default=20, help="how many events `tail` shows (default 20)")


def run(args) -> int:
    from db.errors import DomainError
    from desktop.commands.common import fail, open_named
    try:
        open_named(args.profile)
    except DomainError as error:
        return fail(error)
    return _tail(getattr(args, "n", 20)) if args.action == "tail" else _verify()


def _verify() -> int:
    from db import audit
    from db.models import AuditEvent
    total = AuditEvent.select().count()
    broken = audit.first_break()
    if broken is None:
        print(f"审计记录完整：共 {total} 条，哈希链未被篡改。")
        return 0
    print(f"审计记录已被篡改：第一处断裂在第 {broken.event_id} 条（共 {total} 条）。")
    print(f"  {broken.message}")
    print(f"  {broken.reason}")
    return 1


def _tail(count: int) -> int:
    from db.models import AuditEvent
    rows = list(AuditEvent.select().order_by(AuditEvent.id.desc()).limit(count))
    for event in reversed(rows):
        who = event.actor_name or "系统"
        print(f"{event.id:>7}  {event.at}  {who:<8} {event.action:<26} {event.object_type} {event.object_id}")
    return 0
