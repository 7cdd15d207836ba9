"""The intake service of a district or national office: ``civreg-intake``.

Communes upload their batches over HTTPS; the service authenticates each batch by its
signature against the store's trust store, imports it with the same code as
``civreg import`` and gives back the signed receipt (docs/transmission.md, "Online").

Starlette and uvicorn are imported only under this package (optional extra ``intake``);
the store-side logic lives in ``civreg.services.intake`` and ``civreg.sync.prefix``.
"""
