"""The directory an administrator keeps: sections, users, columns and who supervises whom."""
from __future__ import annotations

import re

from peewee import fn

from db import audit, auth, outbox
from db.database import database
from db.errors import DomainError, ValidationFailed
from db.models import COLUMN_KINDS, Column, ColumnSection, Item, Organisation, Section, SectionLeader, User


# User names are typed at every login, on any keyboard: ASCII letters, digits and . _ - only.
USERNAME_PATTERN = re.compile(r"[A-Za-z0-9._-]+")
USERNAME_MAX = 32
SECTION_ROLES = ("drafter", "section_head")        # must belong to a section
SECTIONLESS_ROLES = ("leader", "front_desk", "admin")   # must not: they work across sections


def _done(admin: User | None, action: str, kind: str, row_id: str, detail: dict) -> None:
    audit.record(admin, action, kind, row_id, detail)
    outbox.enqueue(f"directory.{kind}", {"id": row_id, **detail}, admin)


def create_first_admin(username: str, display_name: str, password: str) -> User:
    """The first-run set-up: only possible while the profile has no administrator."""
    with database.atomic():
        if not auth.needs_first_admin():
            raise DomainError("管理员已存在", "An administrator already exists")
        return _new_user(None, username, display_name, "admin", None, password)


def create_user(admin: User, username: str, display_name: str, role: str,
                section: Section | None, password: str) -> User:
    auth.require_role(admin, "admin")
    with database.atomic():
        return _new_user(admin, username, display_name, role, section, password)


def _new_user(admin, username, display_name, role, section, password) -> User:
    username, display_name = username.strip(), display_name.strip()
    problems = _role_problems(display_name, role, section)
    name_problem = username_problem(username) or _taken(username)
    if name_problem:
        problems = {"username": name_problem, **problems}
    if problems:
        raise ValidationFailed(problems)
    auth.check_password_rules(password)
    user = User.create(username=username, display_name=display_name, role=role, section=section,
                       password_hash=auth.hash_password(password))
    _done(admin, "user_created", "user", user.id,
          {"username": username, "role": role, "section": section.code if section else ""})
    return user


def username_problem(username: str) -> tuple[str, str] | None:
    """What is wrong with the form of a new user name (whether it is taken is `_taken`'s)."""
    if not username:
        return "请填写用户名", "A user name is required"
    if not USERNAME_PATTERN.fullmatch(username):
        return ("用户名只能由英文字母、数字和 . _ - 组成，不能有空格或汉字",
                "A user name may contain only letters A–Z, digits and . _ - (no spaces)")
    if len(username) > USERNAME_MAX:
        return f"用户名最长{USERNAME_MAX}个字符", f"A user name has at most {USERNAME_MAX} characters"
    return None


def _taken(username: str) -> tuple[str, str] | None:
    """Names differing only in case are one name: logging in ignores case."""
    existing = User.select(User.username).where(fn.LOWER(User.username) == username.lower()).scalar()
    if existing is None:
        return None
    if existing == username:
        return f"用户名“{username}”已被使用", f"The user name {username} is taken"
    return (f"用户名“{username}”与已有的“{existing}”只差大小写，登录时视为同一个名字，请换一个",
            f"The user name {username} differs from the existing {existing} only in case; choose another")


def update_user(admin: User, user: User, display_name: str, role: str, section: Section | None,
                active: bool) -> User:
    auth.require_role(admin, "admin")
    if user.id == admin.id and (role != "admin" or not active):
        raise DomainError("不能取消自己的管理员权限或停用自己", "You cannot demote or deactivate yourself")
    problems = _role_problems(display_name, role, section)
    if problems:
        raise ValidationFailed(problems)
    with database.atomic():
        user.display_name, user.role, user.section, user.active = display_name.strip(), role, section, active
        user.save()
        _done(admin, "user_updated", "user", user.id,
              {"role": role, "section": section.code if section else "", "active": active})
    return user


def _role_problems(display_name: str, role: str, section: Section | None) -> dict:
    problems = {}
    if not display_name.strip():
        problems["display_name"] = ("请填写姓名", "A display name is required")
    if not auth.valid_role(role):
        problems["role"] = ("角色无效", "Unknown role")
    elif role in SECTION_ROLES and section is None:
        problems["section"] = ("科室信息员和科室负责人必须属于一个科室", "Drafters and section heads need a section")
    elif role in SECTIONLESS_ROLES and section is not None:
        problems["section"] = ("分管领导、导引台/窗口和管理员不属于科室，请选择“（不属于科室）”",
                               "Leaders, front desk and administrators belong to no section")
    return problems


def unlock_user(admin: User, user: User) -> None:
    """Lift a lockout after too many wrong passwords."""
    auth.require_role(admin, "admin")
    with database.atomic():
        User.update(failed_logins=0, locked_until=None).where(User.id == user.id).execute()
        audit.record(admin, "user_unlocked", "user", user.id, {})


def reset_password(admin: User, user: User, password: str) -> None:
    auth.require_role(admin, "admin")
    auth.check_password_rules(password)
    with database.atomic():
        user.password_hash, user.failed_logins, user.locked_until = auth.hash_password(password), 0, None
        user.save()
        audit.record(admin, "password_reset", "user", user.id, {})


def change_own_password(user: User, old: str, new: str) -> None:
    if not auth.verify_password(old, user.password_hash):
        raise ValidationFailed({"old_password": ("原密码不正确", "The current password is wrong")})
    auth.check_password_rules(new)
    with database.atomic():
        user.password_hash = auth.hash_password(new)
        user.save(only=[User.password_hash])
        audit.record(user, "password_changed", "user", user.id, {})


def save_section(admin: User, section: Section | None, code: str, name: str) -> Section:
    auth.require_role(admin, "admin")
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationFailed({"name": ("科室代码和名称都必须填写", "Code and name are required")})
    with database.atomic():
        if Section.select().where((Section.code == code) & (Section.id != (section.id if section else ""))).exists():
            raise ValidationFailed({"code": (f"科室代码“{code}”已被使用", f"The section code {code} is taken")})
        is_new = section is None
        section = section or Section()
        section.code, section.name = code, name
        section.save(force_insert=is_new)
        _done(admin, "section_saved", "section", section.id, {"code": code, "name": name})
    return section


def set_section_leaders(admin: User, section: Section, leaders: list[User]) -> None:
    auth.require_role(admin, "admin")
    if any(leader.role != "leader" for leader in leaders):
        raise ValidationFailed({"leaders": ("分管领导必须是领导角色的用户", "Supervisors must have the leader role")})
    with database.atomic():
        SectionLeader.delete().where(SectionLeader.section == section).execute()
        for leader in leaders:
            SectionLeader.create(section=section, leader=leader)
        _done(admin, "section_leaders_set", "section", section.id, {"leaders": [u.username for u in leaders]})


# Items a drafter still has to submit: a column that stops taking them strands them.
OPEN_DRAFT_STATES = ("draft", "returned")


class DraftsWouldStrand(DomainError):
    """Saving would leave `count` unsubmitted drafts in a column their drafters may no
    longer submit into; save again with strand_drafts=True once the admin agreed."""

    def __init__(self, column_name: str, count: int):
        super().__init__(
            f"栏目“{column_name}”中有 {count} 条尚未提交的草稿（含被退回的）。这样修改后，它们将不能再提交审核，"
            "起草人须先在编辑窗口中把从未提交过的草稿移到其他栏目。",
            f"The column {column_name} holds {count} unsubmitted draft(s) (returned ones included). After this "
            "change they can no longer be submitted; their drafters must first move never-submitted drafts "
            "to another column in the editor.")
        self.count = count


def drafts_stranded_by(column: Column, sections: list[Section]) -> int:
    """Unsubmitted drafts in `column` whose section could submit into it as stored and
    could not once `column` (as edited, not yet saved) and `sections` are saved."""
    stored = Column.get_or_none(Column.id == column.id)
    if stored is None:
        return 0
    before = {link.section_id for link in ColumnSection.select().where(ColumnSection.column == stored)}
    after = {section.id for section in sections}

    def open_to(col: Column, listed: set[str], section_id: str) -> bool:
        return bool(col.accepts_items and col.active and (not listed or section_id in listed))
    counts = (Item.select(Item.section, fn.COUNT(Item.id))
              .where((Item.column == stored.id) & Item.state.in_(OPEN_DRAFT_STATES))
              .group_by(Item.section).tuples())
    return sum(n for section_id, n in counts
               if open_to(stored, before, section_id) and not open_to(column, after, section_id))


def save_column(admin: User, column: Column, sections: list[Section], strand_drafts: bool = False) -> Column:
    """Create or update a column and the sections allowed to publish into it.

    A change that would leave drafts that can no longer be submitted (the column stops
    taking items, is switched off, or drops their section) is refused with
    DraftsWouldStrand unless `strand_drafts` says the administrator was told and agreed.
    """
    auth.require_role(admin, "admin")
    column.code, column.name = column.code.strip(), column.name.strip()
    problems = _column_problems(column)
    if problems:
        raise ValidationFailed(problems)
    stages = column.stage_roles()
    if not stages or any(s not in ("section_head", "leader") for s in stages) or stages[-1] != "leader":
        raise ValidationFailed({"review_stages": ("审核环节的最后一步必须是分管领导",
                                                  "The last review stage must be the supervising leader")})
    with database.atomic():
        stranded = drafts_stranded_by(column, sections)
        if stranded and not strand_drafts:
            raise DraftsWouldStrand(column.name, stranded)
        exists = Column.select().where(Column.id == column.id).exists()
        column.save(force_insert=not exists)
        ColumnSection.delete().where(ColumnSection.column == column).execute()
        for section in sections:
            ColumnSection.create(column=column, section=section)
        _done(admin, "column_saved", "column", column.id,
              {"code": column.code, "name": column.name, "stages": column.review_stages,
               "sections": [s.code for s in sections]})
        if stranded:
            audit.record(admin, "column_closed_to_drafts", "column", column.id, {"drafts": stranded})
    return column


def _column_problems(column: Column) -> dict:
    problems = {}
    if not column.code or not column.name:
        problems["name"] = ("栏目代码和名称都必须填写", "Code and name are required")
    elif Column.select().where((Column.code == column.code) & (Column.id != column.id)).exists():
        problems["code"] = (f"栏目代码“{column.code}”已被使用", f"The column code {column.code} is taken")
    if column.kind not in COLUMN_KINDS:
        problems["kind"] = ("栏目类型无效", "Unknown column kind")
    parent_id = column.parent_id
    while parent_id:
        if parent_id == column.id:
            problems["parent"] = ("上级栏目不能是它自己或它的下级栏目", "A column cannot sit below itself")
            break
        parent_id = Column.select(Column.parent).where(Column.id == parent_id).scalar()
    return problems


def save_organisation(admin: User, organisation: Organisation | None, name: str, org_code: str,
                      active: bool = True) -> Organisation:
    """Create or update a publisher (发布机构) of the list items choose their 发布机构 from."""
    auth.require_role(admin, "admin")
    name, org_code = name.strip(), org_code.strip()
    if not name:
        raise ValidationFailed({"name": ("请填写机构全称", "The full name is required")})
    with database.atomic():
        other = Organisation.select().where(Organisation.name == name)
        if organisation is not None:
            other = other.where(Organisation.id != organisation.id)
        if other.exists():
            raise ValidationFailed({"name": (f"机构“{name}”已在名录中", f"{name} is already listed")})
        is_new = organisation is None
        organisation = organisation or Organisation(sort_order=Organisation.select().count())
        organisation.name, organisation.org_code, organisation.active = name, org_code, active
        organisation.save(force_insert=is_new)
        _done(admin, "organisation_saved", "organisation", organisation.id,
              {"name": name, "org_code": org_code, "active": active})
    return organisation


def leaders_of(section_id: str) -> list[User]:
    return list(User.select().join(SectionLeader, on=(SectionLeader.leader == User.id))
                .where((SectionLeader.section == section_id) & User.active))


def sections_supervised_by(leader: User) -> list[str]:
    return [link.section_id for link in SectionLeader.select().where(SectionLeader.leader == leader)]
