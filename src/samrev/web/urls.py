"""URLs of the samrev web app (ROOT_URLCONF)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

from samrev.web import views

# The admin app is installed as SimpleAdminConfig (see samrev.store.settings): its modules are
# discovered here, before the admin site's URLs are built.
admin.autodiscover()

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False), name="home"),
    path("admin/", admin.site.urls),
    path("helse/", views.health, name="health"),
]
