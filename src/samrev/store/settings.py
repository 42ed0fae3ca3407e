"""Django settings for samrev, used both by library code (the store) and by the web app.

The database comes from :func:`samrev.core.settings.database_url`: SQLite in ``SAMREV_HOME``
unless ``SAMREV_DATABASE_URL`` names another database (PostgreSQL for a team server).

Environment:

- ``SAMREV_SECRET_KEY``: Django's secret key; when unset, one is generated on first use and kept
  in ``SAMREV_HOME/secret_key`` (mode 0600).
- ``SAMREV_ALLOWED_HOSTS``: comma-separated host names the web app answers to
  (default ``localhost,127.0.0.1,[::1]``).
- ``SAMREV_DEBUG=1``: Django's DEBUG (never on a shared server).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url

from samrev.core.settings import database_url, debug, samrev_home

HOME = samrev_home()

# SQLite on a laptop: WAL lets the web app read while a worker writes; IMMEDIATE transactions
# take the write lock up front (no deadlock when two readers upgrade), and the busy timeout
# makes a writer wait for the lock instead of failing with "database is locked".
SQLITE_OPTIONS: dict[str, Any] = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
POSTGRES_OPTIONS: dict[str, Any] = {"connect_timeout": 5}


def _database(url: str) -> dict[str, Any]:
    config: dict[str, Any] = dict(dj_database_url.parse(url))
    engine = str(config.get("ENGINE", ""))
    options: dict[str, Any] = dict(config.get("OPTIONS") or {})
    if engine.endswith("sqlite3"):
        config["OPTIONS"] = {**SQLITE_OPTIONS, **options}
    elif engine.endswith("postgresql"):
        config["OPTIONS"] = {**POSTGRES_OPTIONS, **options}
        config["CONN_MAX_AGE"] = 60
        config["CONN_HEALTH_CHECKS"] = True
    return config


def _secret_key(home: Path) -> str:
    env = os.environ.get("SAMREV_SECRET_KEY", "").strip()
    if env:
        return env
    path = home / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    return key


SECRET_KEY = _secret_key(HOME)
DEBUG = debug()
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("SAMREV_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

DATABASES = {"default": _database(database_url())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # The admin without autodiscovery at start-up: samrev.web.urls discovers the admin modules when
    # the web app loads its URLs, so a CLI command that only stores data does not import them.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "samrev.store",
    "samrev.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "samrev.web.urls"
WSGI_APPLICATION = "samrev.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"

LOGIN_URL = "admin:login"
