"""Data and rules of Gongkai Desk (no Qt). Importing the package first keeps peewee's
server drivers off the start-up path (db.drivers)."""
from db.drivers import defer_imports

defer_imports()
