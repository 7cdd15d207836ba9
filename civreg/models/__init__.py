"""SQLAlchemy models. Importing this package registers every table on ``Base.metadata``."""

from civreg.models import acts, audit, key_slots, office, online, stats, sync, users
from civreg.models.base import Base

__all__ = ["Base", "acts", "audit", "key_slots", "office", "online", "stats", "sync", "users"]
