"""The admin is installed without autodiscovery at start-up (store-only commands skip it); the web
app's URLs discover the admin modules, and Django's system checks then pass."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_urls_register_the_admin_and_checks_pass() -> None:
    from django.contrib import admin
    from django.core.management import call_command
    from django.urls import reverse

    from samrev.store import models

    assert reverse("admin:index") == "/admin/"  # loads samrev.web.urls
    assert admin.site.is_registered(models.Document) and admin.site.is_registered(models.Passage)
    call_command("check", fail_level="ERROR")


def test_store_settings_do_not_autodiscover_the_admin() -> None:
    from django.conf import settings

    assert "django.contrib.admin.apps.SimpleAdminConfig" in settings.INSTALLED_APPS
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
