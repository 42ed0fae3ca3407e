"""WSGI entry point for a team server (``gunicorn samrev.web.wsgi``).

Run ``samrev web check`` once after an upgrade: it applies pending migrations.
"""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samrev.store.settings")

application = get_wsgi_application()
