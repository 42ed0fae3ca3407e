"""Small views of the web app."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """``{"status": "ok"}`` when the database answers (for a team server's monitoring)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "feil", "database": connection.vendor}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})
