"""Write a file so that readers see either the old content or the complete new one.

The one implementation lives in :mod:`civreg.security.atomic`; this name is kept for the
sync modules.
"""

from civreg.security.atomic import atomic_write_bytes as write_atomically

__all__ = ["write_atomically"]
