"""Common real-world shapes, each in a tiny repository written at test time."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def repo(root: Path, files: dict[str, str]) -> RepoScan:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"))
    return scan_repo(root, use_cache=False)


def found(scan: RepoScan, kind: Kind) -> set[str]:
    return {t.location() for t in scan.by_kind(kind)}


def test_vue_single_file_component_script(tmp_path: Path) -> None:
    scan = repo(tmp_path, {"src/Panel.vue": """
        <template><button @click="go">Go</button></template>
        <script setup lang="ts">
        import posthog from 'posthog-js'
        function go() { posthog.capture('clicked') }
        </script>
        """})
    assert found(scan, Kind.EVENT_TRACKING) == {"src/Panel.vue:4"}


def test_django_mail_module_and_background_task(tmp_path: Path) -> None:
    scan = repo(tmp_path, {
        "app/mailer.py": """
            from django.core import mail

            def send_receipt(address):
                mail.send_mail("Receipt", "Thanks", "shop@example.com", [address])
            """,
        "app/api.py": """
            from fastapi import APIRouter, BackgroundTasks
            from .mailer import send_receipt

            router = APIRouter()

            @router.post("/orders")
            def create_order(tasks: BackgroundTasks):
                tasks.add_task(send_receipt, "a@b.c")
            """,
    })
    assert found(scan, Kind.EMAIL_SEND) == {"app/mailer.py:3", "app/mailer.py:4", "app/api.py:8"}


def test_celery_delay_reaches_a_task_in_the_email_module(tmp_path: Path) -> None:
    scan = repo(tmp_path, {
        "app/email.py": """
            from flask_mail import Message
            from app.extensions import mail, celery

            @celery.task
            def send_reset(address):
                mail.send(Message("Reset", recipients=[address]))
            """,
        "app/extensions.py": """
            from celery import Celery
            from flask_mail import Mail

            mail = Mail()
            celery = Celery()
            """,
        "app/views.py": """
            from app.email import send_reset

            def forgot(address):
                send_reset.delay(address)
            """,
    })
    assert found(scan, Kind.EMAIL_SEND) == {"app/email.py:5", "app/email.py:6", "app/views.py:4"}


def test_outgoing_webhooks_and_notification_queues(tmp_path: Path) -> None:
    scan = repo(tmp_path, {"hooks.py": """
        import requests

        def send_order_webhook(order, url):
            requests.post(url, json=order)

        class Worker:
            def queue_notification(self, payload):
                self.notification_q.put(payload)

        def upload_backup(data):
            requests.put("https://storage.example.com/backup", data=data)
        """})
    channels = {t.location(): t.channel for t in scan.by_kind(Kind.NOTIFICATION)}
    assert channels["hooks.py:4"] == "webhook_out"
    assert "hooks.py:8" in channels
    assert "hooks.py:11" not in channels


def test_next_pages_api_vercel_cron_and_route_handlers(tmp_path: Path) -> None:
    scan = repo(tmp_path, {
        "vercel.json": '{"crons": [{"path": "/api/cron/digest", "schedule": "0 9 * * *"}]}',
        "pages/api/cron/digest.ts": "export default async function handler(req, res) { res.end() }\n",
        "pages/api/stripe-webhook.ts": """
            import Stripe from 'stripe';
            const stripe = new Stripe('k');
            export default async function handler(req, res) {
              const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], 's');
              res.json({ received: event.id });
            }
            """,
    })
    job = scan.by_kind(Kind.SCHEDULED_JOB)
    assert [(t.location(), t.schedule) for t in job] == [("pages/api/cron/digest.ts:1", "0 9 * * *")]
    hooks = scan.by_kind(Kind.WEBHOOK_HANDLER)
    assert [(t.location(), t.provider, t.route) for t in hooks] == [("pages/api/stripe-webhook.ts:3", "stripe", "/api/stripe-webhook")]


def test_nestjs_injected_service_and_cron_decorator(tmp_path: Path) -> None:
    scan = repo(tmp_path, {
        "src/mail.service.ts": """
            import { Injectable } from '@nestjs/common';
            import { MailerService } from '@nestjs-modules/mailer';

            @Injectable()
            export class MailService {
              constructor(private readonly mailer: MailerService) {}
              async sendWelcome(to: string) {
                await this.mailer.sendMail({ to, subject: 'Welcome' });
              }
            }
            """,
        "src/digest.job.ts": """
            import { Cron } from '@nestjs/schedule';
            import { MailService } from './mail.service';

            export class DigestJob {
              constructor(private readonly mail: MailService) {}

              @Cron('0 8 * * 1')
              async run() {
                await this.mail.sendWelcome('team@example.com');
              }
            }
            """,
    })
    assert found(scan, Kind.EMAIL_SEND) == {"src/mail.service.ts:7", "src/mail.service.ts:8", "src/digest.job.ts:9"}
    assert found(scan, Kind.SCHEDULED_JOB) == {"src/digest.job.ts:8"}


def test_configuration_tables_are_not_data_models(tmp_path: Path) -> None:
    scan = repo(tmp_path, {"app/models.py": """
        from django.db import models

        class EmailTemplate(models.Model):
            subject = models.CharField(max_length=100)
            body = models.TextField()

        class Ticket(models.Model):
            title = models.CharField(max_length=100)
            submitter_email = models.EmailField()

        class UserSettings(models.Model):
            user = models.OneToOneField("auth.User", on_delete=models.CASCADE)
            theme = models.CharField(max_length=20)
        """})
    assert {t.entity for t in scan.by_kind(Kind.DATA_MODEL)} == {"Ticket", "UserSettings"}


def test_kubernetes_cronjob_and_cron_named_routes(tmp_path: Path) -> None:
    scan = repo(tmp_path, {
        "deploy/digest.yaml": """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: weekly-digest
            spec:
              schedule: "0 8 * * 1"
            """,
        "deploy/compose.yml": "services:\n  web:\n    image: app\n",
        "app/api/cron/reminders/route.ts": "export async function GET() { return new Response('ok'); }\n",
    })
    jobs = {t.location(): (t.schedule, t.confidence) for t in scan.by_kind(Kind.SCHEDULED_JOB)}
    assert jobs == {
        "deploy/digest.yaml:6": ("0 8 * * 1", "high"),
        "app/api/cron/reminders/route.ts:1": (None, "medium"),
    }


def test_model_instances_from_queries_reach_model_methods(tmp_path: Path) -> None:
    scan = repo(tmp_path, {
        "app/models.py": """
            from django.core.mail import send_mail
            from django.db import models

            class Ticket(models.Model):
                email = models.EmailField()

                def send(self, subject):
                    send_mail(subject, "body", "help@example.com", [self.email])
            """,
        "app/views.py": """
            from .models import Ticket

            def close_all(request):
                for t in Ticket.objects.filter(open=True):
                    t.send("Closed")
                Ticket.objects.get(pk=1).send("Reopened")
            """,
    })
    calls = {t.location() for t in scan.by_kind(Kind.EMAIL_SEND) if t.wraps}
    assert calls == {"app/views.py:5", "app/views.py:6"}
