"""`site-init`: create or upgrade the central (website) database, its roles and, optionally,
seed its directory (sections, users, columns) from a profile.

Run by an administrator with rights to create tables, routines and roles. Safe to run
again: applied migrations are skipped under a migration lock.
"""
from __future__ import annotations

NAME = "site-init"
HELP = "create or upgrade the site database schema and roles (mysql://, mariadb://, postgresql://, sqlite:///)"


def add_arguments(parser) -> None:
    parser.add_argument("--url", required=True, help="site database URL with an administrator account")
    parser.add_argument("--profile", help="also copy this profile's directory into an empty site directory")
    parser.add_argument("--no-roles", action="store_true", help="skip creating the database roles")
    parser.add_argument("--account", nargs=3, action="append", metavar=("NAME", "ROLE", "PASSWORD_ENV"),
                        help="create a login for one person holding ROLE (drafter/section_head/leader/admin/reader; "
                             "decisions need section_head or leader, see docs/sync.md); the password is read from "
                             "the environment variable PASSWORD_ENV so it never appears in the shell history")


def run(args) -> int:
    import os
    import sys

    from db.central import roles, siteinit
    from db.central.connect import open_central, parse_url
    from db.errors import DomainError
    from desktop.commands.common import fail, open_named
    unknown = [(name, kind) for name, kind, _env in args.account or [] if kind not in roles.ROLE_KINDS]
    if unknown:
        name, kind = unknown[0]
        print(f"错误：未知的角色 {kind}（可用：{'、'.join(roles.ROLE_KINDS)}），未创建账户 {name}", file=sys.stderr)
        return 1
    try:
        url = parse_url(args.url)
        password = os.environ.get("GONGKAI_DB_PASSWORD")
        try:
            central = open_central(url, password)
        except Exception as exc:   # noqa: BLE001
            return fail(f"无法连接网站数据库（{type(exc).__name__}: {str(exc)[:120]}）")
        try:
            report = siteinit.init_site(central, make_roles=not args.no_roles)
            print(("已创建" if report.created else "已检查") + f"网站数据库 {url.display()}："
                  f"结构版本 {report.schema_version}，本次应用迁移 {len(report.applied)} 个，实例标识 {report.instance_id}")
            if report.roles:
                print("数据库角色：" + "、".join(report.roles))
            for name, kind, env in args.account or []:
                secret = os.environ.get(env)
                if not secret:
                    print(f"错误：环境变量 {env} 未设置，未创建账户 {name}", file=sys.stderr)
                    return 1
                roles.create_account(central, siteinit.current_database(central), name, secret, kind)
                print(f"已创建账户 {name}（{kind}）")
            if args.profile:
                from db.sync.engine import seed_central_directory
                open_named(args.profile)
                added = seed_central_directory(central)
                print(f"已从资料库 {args.profile} 补充目录数据 {added} 条")
        finally:
            central.close()
    except DomainError as error:
        return fail(error)
    return 0
