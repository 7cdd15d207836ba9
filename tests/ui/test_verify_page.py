"""The Verify screen: a real issued certificate is VALID with its signed fields; a changed
character, or a key list without the office, is not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.ui.screens import add_sample_acts


@pytest.fixture
def issued(login, tmp_path: Path):
    from civreg.certificates.verify import read_pdf_payloads
    from civreg.services.certificates import issue_certificate
    from civreg.services.queries import get_act

    registrar = login("registrar")
    act_id = add_sample_acts(registrar)
    out = tmp_path / "copie.pdf"
    from civreg.services.copies import Requester

    issue_certificate(registrar, act_id, "full", requester=Requester("KI Awa", "person"), out=out)
    payload = read_pdf_payloads(out, "text")[0][1]
    return out, payload, get_act(registrar, act_id)


def page_for(ctx, qtbot):
    from civreg.ui.operations import Operations
    from civreg.ui.verify_page import VerifyPage

    ops = Operations()
    page = VerifyPage(ctx, ops)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.trust is not None)
    return page, ops


def test_clerk_verifies_a_real_certificate_then_a_tampered_one(issued, login, qtbot) -> None:
    _pdf, payload, act = issued
    page, ops = page_for(login("clerk"), qtbot)  # every role may verify
    try:
        assert page.trust_label.text() == "Clés : celles auxquelles ce registre fait confiance (1)"
        page.qr.setText(payload)
        page.verify_text()
        assert page.verdict.text() == "VALIDE"
        assert "#d9f2df" in page.verdict.styleSheet()  # green
        assert page.fields_box.isVisible()
        assert page.values["id"].text() == act.global_id
        assert page.values["names"].text().startswith("OUÉDRAOGO")
        assert page.values["kind"].text() == "Naissance"
        assert page.values["copy"].text() == "Copie intégrale"
        assert page.fields_box.title().startswith("Champs signés")

        i = len(payload) - 10  # inside the signature (the middle may hit the office id)
        page.qr.setText(payload[:i] + ("A" if payload[i] != "A" else "B") + payload[i + 1 :])
        page.verify_text()
        # The changed character may fall in the signature, the fields or the office's id.
        assert page.verdict.text() in ("SIGNATURE INVALIDE", "CODE ILLISIBLE", "OFFICE INCONNU")
        assert "#d9f2df" not in page.verdict.styleSheet()
        assert not page.fields_box.isVisible() or "NON authentifiés" in page.fields_box.title()
    finally:
        ops.stop()


def test_pdf_and_a_key_list_without_the_office(issued, login, tmp_path, qtbot) -> None:
    from civreg.security.keyfile import FAST_KDF
    from civreg.services.keys import export_public_key
    from civreg.services.store_access import create_store
    from civreg.ui.verify_page import file_trust

    pdf, _payload, act = issued
    page, ops = page_for(login("registrar"), qtbot)
    try:
        page.verify_file(pdf)
        qtbot.waitUntil(lambda: page.verdicts != [], timeout=10_000)
        assert page.verdict.text() == "VALIDE" and page.values["id"].text() == act.global_id

        # A key folder holding another office's key only: this office is unknown there.
        other = create_store(
            tmp_path / "other.db",
            country="BF",
            commune="22",
            centre="01",
            office_name="Mairie 22",
            admin="admin",
            password="Other-Office-Baobab-9",
            kdf=FAST_KDF,
        ).ctx
        keys = tmp_path / "keys"
        keys.mkdir()
        export_public_key(other, keys / "BF-22-01.json")
        other.close()
        ops.run(file_trust, keys, owner=page, on_done=page._trusted)
        qtbot.waitUntil(lambda: page.trust_label.text().startswith("Clés : de keys"))
        page.verify_file(pdf)
        qtbot.waitUntil(lambda: page.verdicts != [], timeout=10_000)
        assert page.verdict.text() == "OFFICE INCONNU"
        assert "mettez à jour la liste des clés" in page.detail.text()
    finally:
        ops.stop()


def test_summary_and_an_altered_document(issued, login, tmp_path, qtbot, monkeypatch) -> None:
    """A forger reprints a genuine copy with another name and the genuine QR code: the code
    verifies, the page says ALTERED DOCUMENT in red."""
    from dataclasses import replace

    from civreg.certificates import render
    from civreg.services.certificate_data import certificate_data

    pdf, payload, act = issued
    registrar = login("registrar")
    page, ops = page_for(registrar, qtbot)
    try:
        page.verify_file(pdf)
        qtbot.waitUntil(lambda: page.verdicts != [], timeout=10_000)
        assert page.verdict.text() == "VALIDE"
        assert "Acte de naissance n° " + act.global_id in page.detail.text()
        assert "exactement le contenu signé" in page.detail.text()

        data = certificate_data(
            registrar, act, copy_kind="full", copy_number=1, issue_date=date.today()
        )
        child = replace(data.record.act.persons[0], given_names="Autre Prénom")
        persons = (child, *data.record.act.persons[1:])
        forged = replace(
            data, record=replace(data.record, act=replace(data.record.act, persons=persons))
        )
        monkeypatch.setattr(render, "make_payload", lambda *a: payload)  # the genuine code
        render.render_pdf([forged], tmp_path / "forged.pdf", object())
        page.verify_file(tmp_path / "forged.pdf")
        qtbot.waitUntil(lambda: page.verdict.text() == "DOCUMENT MODIFIÉ", timeout=10_000)
        assert "#fbdde0" in page.verdict.styleSheet()  # red
        assert "diffère de ce que l'office a signé" in page.detail.text()
    finally:
        ops.stop()
