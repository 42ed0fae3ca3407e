"""Django admin for the store.

Projects and rounds can be edited here (each change also goes to the audit log).  Everything
ingest and analysis write is view-only: documents and passages (evidence offsets point into the
stored text, so editing it would break them), document sources, judgements (append-only:
verification happens through :func:`samrev.store.actions.verify`) and the audit log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest

from samrev.store import models
from samrev.store.actions import append_audit_event

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Any]
    _TabularInline = admin.TabularInline[Any, Any]
else:  # the admin classes are not subscriptable at run time
    _ModelAdmin = admin.ModelAdmin
    _TabularInline = admin.TabularInline

admin.site.site_header = "samrev – administrasjon"
admin.site.site_title = "samrev"
admin.site.index_title = "Oversikt"


class AuditedAdmin(_ModelAdmin):
    """Appends an AuditEvent for every save and delete made in the admin."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool) -> None:
        super().save_model(request, obj, form, change)
        self._audit(request, obj, "changed" if change else "created", {"fields": form.changed_data})

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self._audit(request, obj, "deleted", {"repr": str(obj)})
        super().delete_model(request, obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            self._audit(request, obj, "created", {})
        for obj, fields in formset.changed_objects:
            self._audit(request, obj, "changed", {"fields": fields})
        for obj in formset.deleted_objects:
            self._audit(request, obj, "deleted", {"repr": str(obj)})

    def _audit(self, request: HttpRequest, obj: Model, what: str, data: dict[str, Any]) -> None:
        label = obj._meta.model_name or ""
        append_audit_event(
            f"{label}.{what}",
            actor=request.user.get_username(),
            object_type=label,
            object_id=str(obj.pk),
            data={"via": "admin", **data},
        )


class ReadOnlyAdmin(_ModelAdmin):
    """View-only: no add, change or delete through the admin."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReviewRoundInline(_TabularInline):
    model = models.ReviewRound
    extra = 0
    fields = ("name", "year", "registry_structure")
    show_change_link = True


@admin.register(models.Project)
class ProjectAdmin(AuditedAdmin):
    list_display = ("name", "slug", "created_at")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012
    inlines = (ReviewRoundInline,)


@admin.register(models.ReviewRound)
class ReviewRoundAdmin(AuditedAdmin):
    list_display = ("name", "project", "year", "registry_structure", "created_at")
    list_filter = ("project", "year", "registry_structure")
    search_fields = ("name",)


@admin.register(models.Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ("content_hash", "format", "pages", "characters", "language", "needs_ocr", "created_at")
    list_filter = ("format", "language", "needs_ocr")
    search_fields = ("content_hash", "sources__path")
    date_hierarchy = "created_at"


@admin.register(models.DocumentSource)
class DocumentSourceAdmin(ReadOnlyAdmin):
    list_display = ("path", "document", "round", "previous_version", "created_at")
    list_filter = ("round",)
    search_fields = ("path", "document__content_hash")
    list_select_related = ("document", "round", "previous_version")


@admin.register(models.Passage)
class PassageAdmin(ReadOnlyAdmin):
    list_display = ("document", "index", "page", "start", "end", "language")
    list_filter = ("language",)
    search_fields = ("document__content_hash", "text")
    list_select_related = ("document",)


@admin.register(models.Judgement)
class JudgementAdmin(ReadOnlyAdmin):
    list_display = (
        "item_type",
        "item_id",
        "subject",
        "value",
        "provenance",
        "confidence",
        "supersedes",
        "created_at",
    )
    list_filter = ("provenance_kind", "item_type", "round")
    search_fields = ("item_id", "subject", "provenance", "run_key")
    date_hierarchy = "created_at"
    list_select_related = ("supersedes",)


@admin.register(models.AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("actor", "object_id")
    date_hierarchy = "at"
