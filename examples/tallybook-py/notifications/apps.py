from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"

    def ready(self):
        # Segment's module-level client reads its key from this attribute.
        import segment.analytics as analytics
        from django.conf import settings

        analytics.write_key = settings.SEGMENT_WRITE_KEY
        analytics.send = bool(settings.SEGMENT_WRITE_KEY)
