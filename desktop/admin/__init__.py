"""Administration screens (users, sections, columns, organisations) for the admin role.

The screens only collect input; every rule and the admin role check are in db.directory.
"""
