"""Screenshots of each main screen at 1366×768 (the counter laptops' screen).

    QT_QPA_PLATFORM=offscreen python -m civreg.ui.shots OUTDIR [--store PATH] [--lang fr|en]

Without ``--store`` a demo store with synthetic acts is created in a temporary folder (users
and password of ``civreg demo``). Screens are taken as the registrar (and the administrator
for the administration screen); a draft, the act view, the print preview and the login are
included.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)


def _settle(app, ops, rounds: int = 60) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        if not ops.busy:
            app.processEvents()
            return
        time.sleep(0.02)


def take(out: Path, store: Path, password: str, lang: str) -> list[Path]:
    from PySide6.QtWidgets import QWidget

    from civreg.domain.acts import ActKind
    from civreg.i18n import set_language
    from civreg.services.drafts import list_drafts
    from civreg.services.queries import ActFilter, act_ids
    from civreg.services.store_access import login
    from civreg.ui import errors
    from civreg.ui.app import make_qapp
    from civreg.ui.import_page import ImportPage
    from civreg.ui.login import LoginDialog
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations
    from civreg.ui.settings import Settings
    from civreg.ui.translations import Translations

    app = make_qapp()
    errors.modal = False
    set_language(lang)
    translations = Translations()
    translations.install(lang)
    ops = Operations()
    settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini")
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def shot(widget: QWidget, name: str, prepare: Callable[[], None] | None = None) -> None:
        if prepare:
            prepare()
        _settle(app, ops)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    dlg = LoginDialog(ops, store, login, last_user="registrar")
    dlg.show()
    shot(dlg, "01-login")
    dlg.close()

    ctx = login(store, "registrar", password)
    win = MainWindow(ctx, ops, settings)
    win.resize(*SIZE)
    win.show()
    for i, key in enumerate(win.keys):
        shot(win, f"{i + 2:02d}-{key}", partial(win.show_page, key))
        if key == "search":

            def search(win=win) -> None:
                win.search_box.setText("ouedrago")
                win.search.text_changed("ouedrago")
                win.search.run_now()

            shot(win, f"{i + 2:02d}-search-results", search)
        if key == "statistics":

            def all_years(win=win) -> None:
                page = win.pages["statistics"]
                page.year.setCurrentIndex(0)
                page.load()

            shot(win, f"{i + 2:02d}-statistics-all-years", all_years)
        if key == "verify":
            shot(win, f"{i + 2:02d}-verify-valid", lambda: _verify_sample(ctx, win))
    win.show_page("births")
    form = win.new_act(ActKind.BIRTH)
    drafts = list_drafts(ctx)
    if drafts:
        form = win.open_form(ActKind(drafts[0].kind), drafts[0])
        form._show_all = True
        form.run_check()
        form._find_duplicates()
    shot(win, "20-entry-form")
    ids = act_ids(ctx, ActFilter(kind="birth", status="registered"), descending=True, limit=1)
    if ids:
        from civreg.services.queries import get_act

        again = win.open_form(ActKind.BIRTH, None)  # the newest birth declared a second time
        again.set_input(get_act(ctx, ids[0]).data)
        shot(win, "20-entry-form-duplicate", again._find_duplicates)
    win.new_act(ActKind.MARRIAGE)
    shot(win, "21-marriage-form")
    if ids:
        page = win.open_act(ids[0])
        shot(win, "22-act-view")
        from civreg.ui.actions import certificate_pdf

        pdf, capacities, act = certificate_pdf(ctx, ids[0], "full")
        preview = win.commands.preview(pdf, ids[0], "full", capacities, act)
        shot(preview, "23-print-preview")
        preview.close()
        del page
    win.close()
    ctx.close()
    admin = login(store, "admin", password)
    awin = MainWindow(admin, ops, settings)
    awin.resize(*SIZE)
    awin.show()
    if "administration" in awin.keys:
        shot(awin, "30-administration", lambda: awin.show_page("administration"))
    awin.close()
    admin.close()
    batch = _incoming_batch(Path(tempfile.mkdtemp()), store, password)
    district = login(store, "district", password)
    dwin = MainWindow(district, ops, settings)
    dwin.resize(*SIZE)
    dwin.show()
    if "import" in dwin.keys:
        import_page = dwin.pages["import"]
        assert isinstance(import_page, ImportPage)
        shot(dwin, "31-import", lambda: dwin.show_page("import"))
        shot(dwin, "32-import-report", lambda: import_page.import_files([batch]))
    dwin.close()
    district.close()
    from civreg.ui.wizard import FirstRunWizard

    wiz = FirstRunWizard(ops, Path(tempfile.mkdtemp()) / "new.db")
    wiz.show()
    shot(wiz, "00-first-run")
    ops.stop()
    translations.install("en")  # keep the translators alive until every shot is taken
    return saved


def _verify_sample(ctx, win) -> None:
    """Verify the QR code of a copy of the newest birth act on the Verify screen."""
    from civreg.certificates.verify import read_pdf_payloads
    from civreg.services.queries import ActFilter, act_ids

    ids = act_ids(ctx, ActFilter(kind="birth", status="registered"), descending=True, limit=1)
    if not ids:
        return
    pdf = Path(tempfile.mkdtemp()) / "copy.pdf"
    from civreg.services.certificates import issue_certificate
    from civreg.services.copies import Requester

    who = Requester("Demandeur de démonstration", "person")
    pdf.write_bytes(issue_certificate(ctx, ids[0], "extract", requester=who).pdf)
    page = win.pages["verify"]
    page.qr.setText(read_pdf_payloads(pdf, "text")[0][1])
    page.qr.setCursorPosition(0)
    page.verify_text()


def _incoming_batch(folder: Path, store: Path, password: str) -> Path:
    """A batch from a second (small) commune whose key the store trusts: for the import shot."""
    from civreg.demo.build import fill
    from civreg.security.keyfile import FAST_KDF
    from civreg.services.keys import export_public_key, trust_key
    from civreg.services.store_access import create_store, login
    from civreg.services.transmission import export_batch
    from civreg.services.users import add_user

    other = folder / "other.db"
    created = create_store(
        other,
        country="BF",
        commune="BLK02",
        centre="01",
        office_name="Centre d'état civil de Sabou",
        admin="admin",
        password=password,
        kdf=FAST_KDF,
    )
    for user in ("clerk", "registrar"):
        add_user(created.ctx, user, password, [user], full_name=user.title(), kdf=FAST_KDF)
    clerk, registrar = login(other, "clerk", password), login(other, "registrar", password)
    fill(clerk, registrar, acts=40, seed=7, today=date.today())
    batch = folder / "BF-BLK02-01-000001.civreg-batch"
    export_batch(registrar, batch)
    export_public_key(created.ctx, folder / "key.json")
    for ctx in (clerk, registrar, created.ctx):
        ctx.close()
    admin = login(store, "admin", password)
    trust_key(admin, folder / "key.json")
    admin.close()
    return batch


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m civreg.ui.shots")
    p.add_argument("outdir", type=Path)
    p.add_argument("--store", type=Path)
    p.add_argument("--password", default=None, help="password of registrar and admin")
    p.add_argument("--lang", choices=["fr", "en"], default="fr")
    p.add_argument("--acts", type=int, default=150)
    args = p.parse_args(argv)
    store, password = args.store, args.password
    if store is None:
        from civreg.demo.build import DEMO_PASSWORD, build_demo
        from civreg.security.keyfile import FAST_KDF

        store = Path(tempfile.mkdtemp()) / "demo.db"
        build_demo(store, acts=args.acts, kdf=FAST_KDF)
        password = password or DEMO_PASSWORD
    for path in take(args.outdir, store, password or "", args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
