"""The high-water mark is prepared inside the write transaction and written after its commit
(issue 17: no second transaction): after each registration it holds exactly the committed
state (audit head, every register's next number), signed by the office key."""

from __future__ import annotations

import datetime as dt

from civreg.security import anchor
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from civreg.services.store_guard import current_state, office_public_keys, store_id
from tests.security.test_rollback import _birth


def test_mark_after_each_registration_is_the_committed_state(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    for i, name in enumerate(("Ali", "Issa")):
        view = register_act(reg, create_draft(clerk, _birth(name, 2 + i)).id)
        assert view.mentions == () and not view.cancelled and view.number is not None
        mark = anchor.load(store_id(reg.store))
        assert mark is not None and not mark.get("unreadable")
        with reg.store.read() as s:
            now = current_state(reg.store, s)
            assert anchor.verify_signature(mark, office_public_keys(s))
        assert mark["audit"] == now["audit"] and mark["numbers"] == now["numbers"]
        year = dt.date.today().year
        assert mark["numbers"][anchor.register_key("01", "birth", year)] == view.number + 1
