from __future__ import annotations

from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "samrev.store"
    label = "store"
    verbose_name = "Datalager"
    default_auto_field = "django.db.models.BigAutoField"
