"""The registrar compares a possible duplicate side by side with the declaration and decides:
"not a duplicate" (recorded, audited, the candidate is no longer shown) or "same person" (the
existing act is opened). A draft not saved yet is saved first."""

from __future__ import annotations

from civreg.domain.acts import ActKind
from tests.ui.screens import sample_birth


def audit_entries(ctx, operation: str) -> list[str]:
    from sqlalchemy import select

    from civreg.models.audit import AuditEntry

    with ctx.store.read() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.operation == operation)))


def test_not_a_duplicate_then_same_person(login, ui_settings, qtbot) -> None:
    from civreg.services.drafts import create_draft
    from civreg.services.duplicates import decisions_for
    from civreg.services.registration import register_act
    from civreg.ui.act_view import ActPage
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    ctx = login("registrar")
    existing = register_act(ctx, create_draft(ctx, sample_birth()).id)
    ops = Operations()
    try:
        win = MainWindow(ctx, ops, ui_settings)
        qtbot.addWidget(win)
        win.show()
        form = win.new_act(ActKind.BIRTH)
        form.set_input(sample_birth())  # the same child declared again, not saved yet
        assert form.draft_id is None
        form._find_duplicates()
        panel = form.dup_panel
        qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)
        assert panel.current().act_id == existing.id
        compare = panel.compare.text()
        assert "Cette déclaration" in compare and f"Acte n° {existing.number:04d}" in compare
        assert "OUÉDRAOGO Aïcha" in compare and "Nom" in compare
        assert panel.not_dup.isVisible() and panel.same.isEnabled()

        panel.not_dup.click()
        qtbot.waitUntil(lambda: form.draft_id is not None and panel.list.count() == 0, timeout=5000)
        assert panel.note.text() == "Enregistré : pas un doublon."
        [d] = decisions_for(ctx, existing.id)
        assert (d.act_id, d.candidate_act_id, d.decision) == (
            form.draft_id,
            existing.id,
            "not_duplicate",
        )
        assert len(audit_entries(ctx, "duplicate.decide")) == 1

        # A second declaration of the same child: this time it is the same person.
        again = win.new_act(ActKind.BIRTH)
        again.set_input(sample_birth())
        again._find_duplicates()
        qtbot.waitUntil(lambda: again.dup_panel.list.count() >= 1, timeout=5000)
        row = [c.act_id for c in again.dup_panel.candidates].index(existing.id)
        again.dup_panel.list.setCurrentRow(row)
        again.dup_panel.same.click()
        qtbot.waitUntil(lambda: isinstance(win.detail, ActPage), timeout=5000)
        assert win.detail.act_id == existing.id
        assert [x.decision for x in decisions_for(ctx, existing.id)] == [
            "not_duplicate",
            "same_person",
        ]
        assert len(audit_entries(ctx, "duplicate.decide")) == 2
    finally:
        ops.stop()


def test_clerk_sees_candidates_but_cannot_decide(login, ui_settings, qtbot) -> None:
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act
    from civreg.ui.act_form import ActForm
    from civreg.ui.operations import Operations

    registrar = login("registrar")
    register_act(registrar, create_draft(registrar, sample_birth()).id)
    ops = Operations()
    try:
        form = ActForm(login("clerk"), ops, ui_settings, ActKind.BIRTH)
        qtbot.addWidget(form)
        form.show()
        form.set_input(sample_birth())
        form._find_duplicates()
        qtbot.waitUntil(lambda: form.dup_panel.list.count() == 1, timeout=5000)
        assert not form.dup_panel.not_dup.isVisible() and not form.dup_panel.same.isVisible()
        form.decide_duplicate(form.dup_panel.current().act_id, "not_duplicate")
        assert form.draft_id is None and not ops.busy  # nothing saved, nothing recorded
    finally:
        ops.stop()
