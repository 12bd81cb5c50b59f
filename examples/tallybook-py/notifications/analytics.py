from django.conf import settings
from posthog import Posthog

posthog = Posthog(project_api_key=settings.POSTHOG_API_KEY, host="https://eu.i.posthog.com")


def track(user, event: str, **properties) -> None:
    """Product analytics; event names are Title Case ("Invoice Sent")."""
    if not settings.POSTHOG_API_KEY:
        return
    posthog.capture(distinct_id=str(user.pk), event=event, properties=properties)
