"""SQLAlchemy models. Importing this package registers every table on ``Base.metadata``."""

from civreg.models import acts, audit, office, online, sync, users
from civreg.models.base import Base

__all__ = ["Base", "acts", "audit", "office", "online", "sync", "users"]
