import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tallybook.settings")

app = Celery("tallybook")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def setup_periodic_tasks(sender, **kwargs):
    # Registered here rather than in settings because it needs the task signature.
    sender.add_periodic_task(
        crontab(hour=2, minute=0),
        app.signature("billing.tasks.sync_stripe_subscriptions"),
        name="nightly stripe sync",
    )
