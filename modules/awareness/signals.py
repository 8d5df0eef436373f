"""React to the kernteam publishing, unpublishing or deleting a session: a cancellation
informs everybody registered, a new time sends an updated appointment, extra places are
offered to the waitlist, unpublishing tells everybody it is off, and deleting keeps the
attendance history. Connected in ``AwarenessConfig.ready``."""

from __future__ import annotations

from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from core.changes import people_changed
from modules.awareness.models import Registration, SessionPage
from modules.awareness.services import session_cancel, session_deleted, session_unpublished
from modules.awareness.services import session_published as published


def session_published(sender, instance, **kwargs) -> None:
    now = timezone.now()
    if instance.is_cancelled:
        session_cancel(session=instance, now=now)
    else:
        published(session=instance, now=now)


def session_was_unpublished(sender, instance, **kwargs) -> None:
    """Wagtail's unpublish action (also a scheduled expiry) sends ``page_unpublished``."""
    session_unpublished(session=instance, now=timezone.now())


def keep_session_snapshot(sender, instance, **kwargs) -> None:
    """Before a session page is deleted, its registrations (kept by ``SET_NULL``, see
    :class:`modules.awareness.models.Registration`) get the session's title and times, so a
    person's history still says what they attended and when, plus the page's id and last
    publication, so its calendar cancellation can still be sent for the same UID (and a
    higher SEQUENCE) after the page is gone. ``pre_delete`` runs before the collector nulls
    the foreign key, also when Wagtail deletes the page with its parent.

    A session that has not started is off for everybody in it: their places, offers and
    waitlist places are cancelled (an offer left open would never lapse: ``offers_expire``
    works per session), and whoever was not told yet (by an unpublish) gets the cancellation
    now, once (``cancellation_sent_at``)."""
    now = timezone.now()
    registrations = Registration.objects.filter(session_id=instance.pk)
    user_ids = list(registrations.values_list("user_id", flat=True))
    registrations.update(
        session_title=instance.title,
        session_starts_at=instance.starts_at,
        session_ends_at=instance.ends_at,
        session_page_id=instance.pk,
        session_published_at=instance.last_published_at or instance.first_published_at,
    )
    if now < instance.starts_at:
        session_deleted(session=instance, now=now)
    # update() and the collector's SET_NULL send no post_save: a place in it no longer counts
    # as "bezig" (core.changes tells the caches and the summary).
    people_changed(user_ids=user_ids, reason="registration")


def connect() -> None:
    page_published.connect(session_published, sender=SessionPage, dispatch_uid="awareness-publish")
    page_unpublished.connect(
        session_was_unpublished, sender=SessionPage, dispatch_uid="awareness-unpublish"
    )
    pre_delete.connect(
        keep_session_snapshot, sender=SessionPage, dispatch_uid="awareness-keep-history"
    )
