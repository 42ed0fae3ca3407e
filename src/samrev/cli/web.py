"""`samrev web`: Webappen: lokal server for gjennomgang og verifisering.

Django is imported inside the commands only, so that ``samrev --help`` stays fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Webappen: lokal server for gjennomgang og verifisering.",
    no_args_is_help=True,
)


@app.command("check")
def check(
    as_json: bool = typer.Option(False, "--json", help="Skriv resultatet som JSON."),
) -> None:
    """Kontroller databasen: koble til, kjør ventende migrasjoner og vis status."""
    from samrev.cli._common import out, print_json
    from samrev.store.bootstrap import ensure_ready

    status = ensure_ready()
    if as_json:
        print_json(
            {
                "database": status.database,
                "vendor": status.vendor,
                "applied_now": list(status.applied_now),
                "applied_total": status.applied_total,
                "pending": list(status.pending),
            }
        )
        return
    out.print(f"Database: {status.database} ({status.vendor})")
    if status.applied_now:
        out.print(f"Migrasjoner: {len(status.applied_now)} nye kjørt nå, {status.applied_total} i alt.")
    else:
        out.print(f"Migrasjoner: oppdatert ({status.applied_total} i alt).")


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Adressen serveren lytter på."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Porten serveren lytter på."),
) -> None:
    """Start webappen (Djangos utviklingsserver, uten automatisk omstart)."""
    from samrev.cli._common import out
    from samrev.store.bootstrap import ensure_ready

    status = ensure_ready()
    from django.contrib import admin
    from django.core.management import call_command

    admin.autodiscover()  # before runserver's system checks, so they check the admin's registrations
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    out.print(f"Database: {status.database}")
    out.print(f"Åpne http://{address}/admin/ i nettleseren. Stopp med Ctrl+C.")
    # insecure_serving: serve the admin's static files without DEBUG (a laptop, not a server).
    call_command("runserver", address, use_reloader=False, insecure_serving=True)


@app.command("createuser")
def createuser(
    name: str = typer.Argument(..., help="Brukernavnet."),
    email: str = typer.Option("", "--email", help="E-postadresse (valgfri)."),
) -> None:
    """Opprett en administrator for webappen (spør etter passord)."""
    from samrev.cli._common import out
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()
    from samrev.store.actions import create_user

    password = typer.prompt("Passord", hide_input=True, confirmation_prompt="Gjenta passordet")
    create_user(name, password, email=email, superuser=True)
    out.print(f"Brukeren «{name}» er opprettet som administrator.")
