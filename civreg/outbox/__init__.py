"""The commune's outbox: exported batches sent to the district's intake service over HTTP(S).

- ``settings``: the endpoint, the CA to trust, the proxy (stored in the store's settings);
- ``client``: the HTTP protocol (stdlib ``urllib``: no extra dependency on the laptops);
- ``sender``: the loop — in order, resuming, backing off, fetching receipts.

Store-side steps are in ``civreg.services.outbox``; the desktop client runs the sender in
the background (``civreg.ui.outbox_runner``), the command line with ``civreg send``.
"""
