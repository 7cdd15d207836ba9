"""The store side of transmission: export, import, receipts and the trust store.

``civreg.sync`` is the batch file format (no database); this package reads and writes the
store with it. It returns what it inserted and never checks roles or writes use-case audit
entries: ``civreg.services.transmission`` orchestrates. See ARCHITECTURE.md.
"""
