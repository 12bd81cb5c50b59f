"""Each REVIEW check fires on a flawed snippet and stays quiet on the fixed one (TS and Python)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_review_support import PY_HEAD, TS_HEAD, review_files, rules

# (rule, positive repo, negative repo). Each pair differs only in what the rule is about.
Case = tuple[str, dict[str, str], dict[str, str]]


def ts(body: str, name: str = "src/lib/personize.ts") -> dict[str, str]:
    return {name: TS_HEAD + body}


def py(body: str, name: str = "app/personalize.py") -> dict[str, str]:
    return {name: PY_HEAD + body}


TS_TRY = """
export async function remember(email: string, note: string) {
  try {
    await client.memory.memorize({ email, content: note, enhanced: true });
  } catch (err) {
    console.warn('personize failed');
  }
}
"""
PY_TRY = """

def remember(email, note):
    try:
        client.memory.memorize(email=email, content=note, enhanced=True)
    except Exception:
        pass
"""

TS_CASES: list[Case] = [
    ("hardcoded_key",
     {"src/p.ts": "import { Personize } from '@personize/sdk';\nconst client = new Personize({ secretKey: 'sk_live_abcdefgh12345678' });\n" + TS_TRY},
     ts(TS_TRY)),
    ("shared_provider_key",
     {"src/p.ts": "import { Personize } from '@personize/sdk';\nconst client = new Personize({ secretKey: process.env.OPENAI_API_KEY ?? '' });\n" + TS_TRY},
     ts(TS_TRY)),
    ("nonstandard_key_var",
     {"src/p.ts": "import { Personize } from '@personize/sdk';\nconst client = new Personize({ secretKey: process.env.PZ_KEY ?? '' });\n" + TS_TRY},
     ts(TS_TRY)),
    ("key_unchecked",
     {"src/p.ts": "import { Personize } from '@personize/sdk';\nconst client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY! });\n" + TS_TRY},
     ts(TS_TRY)),
    ("client_side_call",
     {"src/Widget.tsx": "'use client';\n" + TS_HEAD + TS_TRY},
     {"src/widget.ts": TS_HEAD + TS_TRY}),
    ("unhandled_error",
     ts("\nexport async function remember(email: string) {\n  await client.memory.memorize({ email, content: 'x', enhanced: true });\n}\n"),
     ts(TS_TRY)),
    ("unhandled_error",  # a fire-and-forget promise with no .catch is not handled either
     ts("\nexport function remember(email: string) {\n  try {\n    void client.memory.memorize({ email, content: 'x', enhanced: true });\n  } catch {}\n}\n"),
     ts("\nexport function remember(email: string) {\n  void client.memory.memorize({ email, content: 'x', enhanced: true }).catch(() => undefined);\n}\n")),
    ("blocking_request_path",
     {"app/api/signup/route.ts": TS_HEAD.replace(", timeout: 3000", "") + """
export async function POST(request: Request) {
  const body = await request.json();
  try {
    await client.memory.memorize({ email: body.email, content: 'signed up', enhanced: true });
  } catch {}
  return Response.json({ ok: true });
}
"""},
     {"app/api/signup/route.ts": TS_HEAD.replace(", timeout: 3000", "") + """
export async function POST(request: Request) {
  const body = await request.json();
  void client.memory.memorize({ email: body.email, content: 'signed up', enhanced: true }).catch(() => undefined);
  return Response.json({ ok: true });
}
"""}),
    ("blocking_request_path",  # an Express route
     {"src/routes/signup.ts": TS_HEAD.replace(", timeout: 3000", "") + """import express from 'express';
export const router = express.Router();
router.post('/signup', async (req, res) => {
  try {
    await client.memory.memorize({ email: req.body.email, content: 'signed up', enhanced: true });
  } catch {}
  res.json({ ok: true });
});
"""},
     {"src/routes/signup.ts": TS_HEAD.replace(", timeout: 3000", "") + """import express from 'express';
export const router = express.Router();
router.post('/signup', async (req, res) => {
  res.json({ ok: true });
  void client.memory.memorize({ email: req.body.email, content: 'signed up', enhanced: true }).catch(() => undefined);
});
"""}),
    ("memorize_without_identifier",
     ts(TS_TRY.replace("email, content", "content")),
     ts(TS_TRY)),
    ("extraction_unspecified",
     ts(TS_TRY.replace(", enhanced: true", "")),
     ts(TS_TRY)),
    ("memorize_in_loop",
     ts("\nexport async function syncAll(users: { email: string }[]) {\n  for (const u of users) {\n    try { await client.memory.memorize({ email: u.email, content: 'x', enhanced: false }); } catch {}\n  }\n}\n"),
     ts("\nexport async function syncAll(rows: object[]) {\n  try { await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email' }, rows }); } catch {}\n}\n" + TS_TRY)),
    ("memorize_in_loop",  # a per-row callback is a loop too
     ts("\nexport function syncAll(users: { email: string }[]) {\n  users.forEach((u) => client.memory.memorize({ email: u.email, content: 'x', enhanced: false }).catch(() => undefined));\n}\n"),
     ts(TS_TRY)),
    ("hardcoded_collection_id",
     ts(TS_TRY.replace("enhanced: true", "enhanced: true, actionId: 'col_8f2a61bd'")),
     ts(TS_TRY)),
    ("memory_never_read",
     ts(TS_TRY),
     ts(TS_TRY + "\nexport async function context(email: string) {\n  try { return await client.memory.smartDigest({ email, token_budget: 500 }); } catch { return null; }\n}\n")),
    ("digest_default_budget",
     ts("\nexport async function context(email: string) {\n  try { return await client.memory.smartDigest({ email }); } catch { return null; }\n}\n"),
     ts("\nexport async function context(email: string) {\n  try { return await client.memory.smartDigest({ email, token_budget: 500 }); } catch { return null; }\n}\n")),
    ("recall_without_min_score",
     ts("\nexport async function facts(email: string, query: string) {\n  try { return await client.memory.smartRecall({ email, query }); } catch { return null; }\n}\n"),
     ts("\nexport async function facts(email: string, query: string) {\n  try { return await client.memory.smartRecall({ email, query, minScore: 0.6 }); } catch { return null; }\n}\n")),
]

GENERATE_TS = """
export async function draft(email: string) {
  try {
    GUIDELINES
    const digest = await client.memory.smartDigest({ email, token_budget: 2000 });
    const result = await client.ai.prompt({ ARGS });
    AFTER
    return result.data?.text;
  } catch {
    return null;
  }
}
"""
GUIDE = "const rules = await client.ai.smartGuidelines({ message: 'tone', mode: 'fast' });"
GOOD_ARGS = "instructions: ['Write the email'], outputs: [{ name: 'BODY' }], evaluate: true, context: digest.data?.compiledContext"


def generate_ts(guidelines: str = GUIDE, args: str = GOOD_ARGS, after: str = "") -> dict[str, str]:
    body = GENERATE_TS.replace("GUIDELINES", guidelines).replace("ARGS", args).replace("AFTER", after)
    return ts(body)


TS_CASES += [
    ("prompt_without_guidelines", generate_ts(guidelines=""), generate_ts()),
    ("guidelines_after_prompt", generate_ts(guidelines="", after=GUIDE), generate_ts()),
    ("prompt_without_memory",
     ts("\nexport async function draft() {\n  try {\n    " + GUIDE + "\n    return await client.ai.prompt({ instructions: ['Write'], evaluate: true });\n  } catch { return null; }\n}\n"),
     generate_ts()),
    ("prompt_and_instructions", generate_ts(args="prompt: 'Write', " + GOOD_ARGS), generate_ts()),
    ("byok_without_key", generate_ts(args="model: 'claude-sonnet-4-5', " + GOOD_ARGS),
     generate_ts(args="model: 'claude-sonnet-4-5', openrouterApiKey: process.env.OPENROUTER_KEY, " + GOOD_ARGS)),
    ("prompt_without_evaluation", generate_ts(args=GOOD_ARGS.replace("evaluate: true, ", "")), generate_ts()),
    ("prompt_without_structure",
     generate_ts(args="prompt: 'Write the email', evaluate: true, context: digest.data?.compiledContext"),
     generate_ts()),
    ("string_cast_result",
     generate_ts(after="const text = String(result.data);"),
     generate_ts(after="const text = result.data?.text ?? '';")),
    ("hardcoded_voice",
     generate_ts(args=GOOD_ARGS.replace("'Write the email'", "'Write the email. Brand voice: warm, never mention competitors.'")),
     generate_ts()),
]

SEND_TS = """import nodemailer from 'nodemailer';
import { Personize } from '@personize/sdk';
const client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY ?? '', timeout: 3000 });
const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });

export async function sendFollowUp(email: string) {
  try {
    const rules = await client.ai.smartGuidelines({ message: 'follow-up tone', mode: 'fast' });
    const digest = await client.memory.smartDigest({ email, token_budget: 2000 });
    const result = await client.ai.prompt({ instructions: ['Write'], EVAL context: digest.data?.compiledContext });
    const body = result.data?.text ?? '';
    CHECK
    await transporter.sendMail({ to: email, subject: 'Hello', text: body });
    AFTER
  } catch {
    return;
  }
}
"""


def send_ts(evaluate: str = "evaluate: true,", check: str = "if (body.length > 2000) return;",
            after: str = "await client.memory.memorize({ email, content: `Sent: ${body}`, tags: ['generated'], enhanced: false });") -> dict[str, str]:
    return {"src/jobs/follow-up.ts": SEND_TS.replace("EVAL", evaluate).replace("CHECK", check).replace("AFTER", after)}


TS_CASES += [
    ("unchecked_ai_delivery", send_ts(evaluate="", check=""), send_ts()),
    ("delivery_not_memorized", send_ts(after=""), send_ts()),
    ("untouched_touchpoint",
     {**ts(TS_TRY), "src/mail.ts": "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport async function sendInvite(to: string) {\n  await t.sendMail({ to, subject: 'Join us', text: 'hi' });\n}\n"},
     ts(TS_TRY)),
    ("llm_without_governance",
     {**ts(TS_TRY), "src/ai.ts": "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function summarize(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });\n}\n"},
     ts(TS_TRY)),
    ("no_rate_limit_handling",
     ts("\nexport async function syncAll(rows: object[]) {\n  try { await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email' }, rows }); } catch (err) { console.warn(err); }\n}\n"),
     ts("\nexport async function syncAll(rows: object[]) {\n  const limits = await client.me();\n  try { await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email' }, rows }); } catch (err: any) {\n    if (err?.status === 429) await new Promise((r) => setTimeout(r, (err.retryAfterSeconds ?? 60) * 1000));\n  }\n}\n")),
    ("limits_not_read",
     ts("\nexport async function syncAll(rows: object[]) {\n  try { await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email' }, rows }); } catch (err) { console.warn(err); }\n}\n"),
     ts("\nexport async function syncAll(rows: object[]) {\n  try {\n    const me = await client.me();\n    await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email' }, rows });\n  } catch (err) { console.warn(err); }\n}\n")),
]

PRISMA = "model User {\n  id    String @id\n  email String @unique\n  name  String?\n  notes String?\n}\n"
TS_BATCH = "\nexport async function syncUsers(rows: object[]) {\n  try { await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email' }, rows }); } catch {}\n}\n"
DJANGO_MODEL = "from django.db import models\n\n\nclass Customer(models.Model):\n    email = models.EmailField(unique=True)\n    name = models.CharField(max_length=100)\n    notes = models.TextField(blank=True)\n"
PY_BATCH = "\n\ndef sync_customers(rows):\n    try:\n        client.memory.memorize_batch(source=\"db\", mapping={\"email\": \"email\"}, rows=rows)\n    except Exception:\n        pass\n"

TS_CASES.append(("models_not_synced", {"prisma/schema.prisma": PRISMA, **ts(TS_TRY)},
                 {"prisma/schema.prisma": PRISMA, **ts(TS_TRY + TS_BATCH)}))

PY_CASES: list[Case] = [
    ("models_not_synced", {"crm/models.py": DJANGO_MODEL, **py(PY_TRY)},
     {"crm/models.py": DJANGO_MODEL, **py(PY_TRY + PY_BATCH)}),
    ("hardcoded_collection_id", py(PY_TRY.replace("enhanced=True", "enhanced=True, collection_id=\"col_8f2a61bd\"")), py(PY_TRY)),
    ("hardcoded_key",
     {"app/p.py": "from personize import Personize\n\nclient = Personize(secret_key=\"sk_live_abcdefgh12345678\")\n" + PY_TRY},
     py(PY_TRY)),
    ("shared_provider_key",
     {"app/p.py": "import os\n\nfrom personize import Personize\n\nclient = Personize(secret_key=os.environ.get(\"SENDGRID_API_KEY\"))\n" + PY_TRY},
     py(PY_TRY)),
    ("nonstandard_key_var",
     {"app/p.py": "import os\n\nfrom personize import Personize\n\nclient = Personize(secret_key=os.getenv(\"PZ_KEY\"))\n" + PY_TRY},
     py(PY_TRY)),
    ("key_unchecked",
     {"app/p.py": "import os\n\nfrom personize import Personize\n\nclient = Personize(secret_key=os.environ[\"PERSONIZE_SECRET_KEY\"])\n" + PY_TRY},
     py(PY_TRY)),
    ("unhandled_error",
     py("\n\ndef remember(email):\n    client.memory.memorize(email=email, content=\"x\", enhanced=True)\n"),
     py(PY_TRY)),
    ("blocking_request_path",
     py("\n\n@app.post(\"/signup\")\ndef signup(body: dict):\n    try:\n        client.memory.memorize(email=body[\"email\"], content=\"signed up\", enhanced=True)\n    except Exception:\n        pass\n    return {\"ok\": True}\n"),
     py("\n\n@app.post(\"/signup\")\ndef signup(body: dict):\n    try:\n        client.memory.memorize(email=body[\"email\"], content=\"signed up\", enhanced=True, timeout=2)\n    except Exception:\n        pass\n    return {\"ok\": True}\n")),
    ("blocking_request_path",  # a Django view: `request` first
     py("\n\ndef signup_view(request):\n    try:\n        client.memory.memorize(email=request.user.email, content=\"signed up\", enhanced=True)\n    except Exception:\n        pass\n"),
     py("\n\ndef signup_view(request):\n    transaction.on_commit(lambda: remember(request.user.email, \"signed up\"))\n" + PY_TRY)),
    ("memorize_without_identifier", py(PY_TRY.replace("email=email, ", "")), py(PY_TRY)),
    ("extraction_unspecified", py(PY_TRY.replace(", enhanced=True", "")), py(PY_TRY)),
    ("memorize_in_loop",
     py("\n\ndef sync_all(users):\n    for user in users:\n        try:\n            client.memory.memorize(email=user.email, content=user.bio, enhanced=True)\n        except Exception:\n            pass\n"),
     py("\n\ndef sync_all(rows):\n    try:\n        client.memory.memorize_batch(source=\"db\", mapping={\"email\": \"email\"}, rows=rows)\n    except Exception:\n        pass\n" + PY_TRY)),
    ("memory_never_read",
     py(PY_TRY),
     py(PY_TRY + "\n\ndef context(email):\n    try:\n        return client.memory.smart_digest(email=email, token_budget=500)\n    except Exception:\n        return None\n")),
    ("digest_default_budget",
     py("\n\ndef context(email):\n    try:\n        return client.memory.smart_digest(email=email)\n    except Exception:\n        return None\n"),
     py("\n\ndef context(email):\n    try:\n        return client.memory.smart_digest(email=email, token_budget=500)\n    except Exception:\n        return None\n")),
    ("digest_default_budget",  # the REST API called directly
     {"app/rest.py": "import httpx\n\n\ndef context(email):\n    try:\n        return httpx.post(\"https://agent.personize.ai/api/v1/smart-memory-digest\", json={\"email\": email}, timeout=3)\n    except httpx.HTTPError:\n        return None\n"},
     {"app/rest.py": "import httpx\n\n\ndef context(email):\n    try:\n        return httpx.post(\"https://agent.personize.ai/api/v1/smart-memory-digest\", json={\"email\": email, \"token_budget\": 500}, timeout=3)\n    except httpx.HTTPError:\n        return None\n"}),
    ("recall_without_min_score",
     py("\n\ndef facts(email, query):\n    try:\n        return client.memory.smart_recall(email=email, query=query)\n    except Exception:\n        return None\n"),
     py("\n\ndef facts(email, query):\n    try:\n        return client.memory.smart_recall(email=email, query=query, min_score=0.6)\n    except Exception:\n        return None\n")),
    ("prompt_without_guidelines",
     py("\n\ndef draft(email):\n    try:\n        digest = client.memory.smart_digest(email=email, token_budget=2000)\n        return client.ai.prompt(instructions=[\"Write\"], evaluate=True, context=str(digest))\n    except Exception:\n        return None\n"),
     py("\n\ndef draft(email):\n    try:\n        rules = client.ai.smart_guidelines(message=\"tone\", mode=\"fast\")\n        digest = client.memory.smart_digest(email=email, token_budget=2000)\n        return client.ai.prompt(instructions=[\"Write\"], evaluate=True, context=str(digest) + str(rules))\n    except Exception:\n        return None\n")),
    ("prompt_without_evaluation",
     py("\n\ndef draft(email):\n    try:\n        rules = client.ai.smart_guidelines(message=\"tone\", mode=\"fast\")\n        return client.ai.prompt(instructions=[\"Write\"], context=str(rules))\n    except Exception:\n        return None\n"),
     py("\n\ndef draft(email):\n    try:\n        rules = client.ai.smart_guidelines(message=\"tone\", mode=\"fast\")\n        return client.ai.prompt(instructions=[\"Write\"], evaluate=True, context=str(rules))\n    except Exception:\n        return None\n")),
    ("untouched_touchpoint",
     {**py(PY_TRY), "app/mail.py": "from django.core.mail import send_mail\n\n\ndef send_invite(to):\n    send_mail(\"Join us\", \"hi\", \"team@example.com\", [to])\n"},
     py(PY_TRY)),
    ("llm_without_governance",
     {**py(PY_TRY), "app/ai.py": "import anthropic\n\n_client = anthropic.Anthropic()\n\n\ndef draft(text):\n    return _client.messages.create(model=\"claude\", max_tokens=300, messages=[{\"role\": \"user\", \"content\": text}])\n"},
     py(PY_TRY)),
    ("no_rate_limit_handling",
     py("\n\ndef sync_all(rows):\n    try:\n        client.memory.memorize_batch(source=\"db\", mapping={\"email\": \"email\"}, rows=rows)\n    except Exception:\n        pass\n"),
     py("\n\ndef sync_all(rows):\n    try:\n        client.memory.memorize_batch(source=\"db\", mapping={\"email\": \"email\"}, rows=rows)\n    except RateLimited as exc:\n        time.sleep(exc.retry_after or 60)\n")),
]


GENERATE_PY = """


def draft(email):
    try:
        GUIDELINES
        digest = client.memory.smart_digest(email=email, token_budget=2000)
        result = client.ai.prompt(ARGS)
        AFTER
        return result["data"]["text"]
    except Exception:
        return None
"""
GUIDE_PY = 'rules = client.ai.smart_guidelines(message="tone", mode="fast")'
GOOD_ARGS_PY = 'instructions=["Write the email"], outputs=[{"name": "BODY"}], evaluate=True, context=str(digest)'


def generate_py(guidelines: str = GUIDE_PY, args: str = GOOD_ARGS_PY, after: str = "pass") -> dict[str, str]:
    body = GENERATE_PY.replace("GUIDELINES", guidelines or "pass").replace("ARGS", args).replace("AFTER", after)
    return py(body)


SEND_PY = """import os

from django.core.mail import send_mail
from personize import Personize

client = Personize(secret_key=os.environ.get("PERSONIZE_SECRET_KEY", ""), timeout=3)


def send_follow_up(email):
    try:
        rules = client.ai.smart_guidelines(message="follow-up tone", mode="fast")
        digest = client.memory.smart_digest(email=email, token_budget=2000)
        result = client.ai.prompt(instructions=["Write"], EVAL context=str(rules) + str(digest))
        body = result["data"]["text"]
        CHECK
        send_mail("Hello", body, "team@example.com", [email])
        AFTER
    except Exception:
        return
"""


def send_py(evaluate: str = "evaluate=True,", check: str = "if len(body) > 2000:\n            return",
            after: str = 'client.memory.memorize(email=email, content=f"Sent: {body}", tags=["generated"], enhanced=False)') -> dict[str, str]:
    return {"app/follow_up.py": SEND_PY.replace("EVAL", evaluate).replace("CHECK", check or "pass").replace("AFTER", after or "pass")}


PY_CASES += [
    ("guidelines_after_prompt", generate_py(guidelines="", after=GUIDE_PY), generate_py()),
    ("prompt_without_memory",
     py("\n\ndef draft():\n    try:\n        " + GUIDE_PY + "\n        return client.ai.prompt(instructions=[\"Write\"], evaluate=True)\n    except Exception:\n        return None\n"),
     generate_py()),
    ("prompt_and_instructions", generate_py(args='prompt="Write", ' + GOOD_ARGS_PY), generate_py()),
    ("byok_without_key", generate_py(args='model="claude-sonnet-4-5", ' + GOOD_ARGS_PY),
     generate_py(args='model="claude-sonnet-4-5", openrouter_api_key=os.environ.get("OPENROUTER_KEY"), ' + GOOD_ARGS_PY)),
    ("prompt_without_structure", generate_py(args='prompt="Write the email", evaluate=True, context=str(digest)'), generate_py()),
    ("hardcoded_voice",
     generate_py(args=GOOD_ARGS_PY.replace('"Write the email"', '"Write the email. Brand voice: warm, never mention competitors."')),
     generate_py()),
    ("unchecked_ai_delivery", send_py(evaluate="", check=""), send_py()),
    ("delivery_not_memorized", send_py(after=""), send_py()),
    ("limits_not_read",
     py("\n\ndef sync_all(rows):\n    try:\n        client.memory.memorize_batch(source=\"db\", mapping={\"email\": \"email\"}, rows=rows)\n    except Exception:\n        pass\n"),
     py("\n\ndef sync_all(rows):\n    try:\n        limits = client.me()\n        client.memory.memorize_batch(source=\"db\", mapping={\"email\": \"email\"}, rows=rows)\n    except Exception:\n        pass\n")),
]

TS_CASES.append((
    "extract_everything",
    ts("\nexport async function syncAll(rows: object[]) {\n  try {\n    await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email', properties: {\n      email_address: { sourceField: 'email', extractMemories: true,\n        collectionId: undefined },\n    } }, rows });\n  } catch {}\n}\n"),
    ts("\nexport async function syncAll(rows: object[]) {\n  try {\n    await client.memory.memorizeBatch({ source: 'db', mapping: { entityType: 'contact', email: 'email', properties: {\n      notes: { sourceField: 'notes', extractMemories: true },\n    } }, rows });\n  } catch {}\n}\n"),
))


def _assert_pair(tmp_path: Path, rule: str, flawed: dict[str, str], fixed: dict[str, str]) -> None:
    bad = review_files(tmp_path / "flawed", flawed)
    good = review_files(tmp_path / "fixed", fixed)
    assert good.integrated, "the fixed repo must still call Personize, or the check is vacuous"
    assert rule in rules(bad)
    assert rule not in rules(good)
    finding = next(f for f in bad.findings if f.rule == rule)
    assert finding.file in flawed and finding.what and finding.fix and finding.why


def _ids(cases: list[Case]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for rule, _, _ in cases:
        seen[rule] = seen.get(rule, 0) + 1
        out.append(rule if seen[rule] == 1 else f"{rule}-{seen[rule]}")
    return out


@pytest.mark.parametrize(("rule", "flawed", "fixed"), TS_CASES, ids=_ids(TS_CASES))
def test_typescript_check(tmp_path: Path, rule: str, flawed: dict[str, str], fixed: dict[str, str]) -> None:
    _assert_pair(tmp_path, rule, flawed, fixed)


@pytest.mark.parametrize(("rule", "flawed", "fixed"), PY_CASES, ids=_ids(PY_CASES))
def test_python_check(tmp_path: Path, rule: str, flawed: dict[str, str], fixed: dict[str, str]) -> None:
    _assert_pair(tmp_path, rule, flawed, fixed)


SETTINGS_KEY = 'PERSONIZE_SECRET_KEY = "sk_live_9xYq2LmN4pQr7sTv"\n'


def test_a_key_in_settings_is_found_outside_the_calling_code(tmp_path: Path) -> None:
    artifact = review_files(tmp_path, {"app/settings.py": SETTINGS_KEY, **py(PY_TRY)})
    leak = next(f for f in artifact.findings if f.rule == "hardcoded_key")
    assert (leak.file, leak.line, leak.severity) == ("app/settings.py", 1, "high")
    assert "sk_live_9xYq2LmN4pQr7sTv" not in leak.evidence


def test_a_key_without_any_integration_is_still_reported(tmp_path: Path) -> None:
    artifact = review_files(tmp_path, {"app/settings.py": SETTINGS_KEY, "app/views.py": "def index():\n    return 1\n"})
    assert not artifact.integrated
    assert [f.rule for f in artifact.findings] == ["hardcoded_key"]
    assert {a.id: a.status for a in artifact.areas}["security"] == "fail"


def test_other_providers_keys_are_not_personize_leaks(tmp_path: Path) -> None:
    artifact = review_files(tmp_path, {"app/settings.py": 'STRIPE_SECRET_KEY = "sk_live_9xYq2LmN4pQr7sTv"\n', **py(PY_TRY)})
    assert "hardcoded_key" not in {f.rule for f in artifact.findings}


def test_another_providers_bearer_header_is_not_the_personize_key(tmp_path: Path) -> None:
    openai_call = (
        "\nexport async function complete(prompt: string) {\n"
        "  return fetch('https://api.openai.com/v1/responses', {\n"
        "    method: 'POST',\n"
        "    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },\n"
        "    body: JSON.stringify({ input: prompt }),\n"
        "  });\n}\n"
    )
    filler = "\n".join(f"// {i}" for i in range(40))
    artifact = review_files(tmp_path, ts(TS_TRY + filler + openai_call))
    assert artifact.integrated
    assert not {"shared_provider_key", "nonstandard_key_var"} & {f.rule for f in artifact.findings}


def test_a_raw_personize_request_with_another_providers_key(tmp_path: Path) -> None:
    code = (
        "export async function remember(email: string) {\n"
        "  try {\n"
        "    await fetch('https://agent.personize.ai/api/v1/memorize', {\n"
        "      method: 'POST',\n"
        "      headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },\n"
        "      body: JSON.stringify({ email, content: 'x', enhanced: true }),\n"
        "    });\n"
        "  } catch {}\n}\n"
    )
    artifact = review_files(tmp_path, {"src/remember.ts": code})
    assert artifact.integration.calls == {"memorize": 1}
    assert "shared_provider_key" in {f.rule for f in artifact.findings}


def test_a_timeout_set_where_the_client_is_built_bounds_every_call(tmp_path: Path) -> None:
    route = """import { client } from '../../../src/lib/client';
export async function POST(request: Request) {
  const body = await request.json();
  try {
    await client.memory.memorize({ email: body.email, content: 'signed up', enhanced: true });
  } catch {}
  return Response.json({ ok: true });
}
"""
    client = "import { Personize } from '@personize/sdk';\nexport const client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY ?? '', TIMEOUT });\n"
    slow = review_files(tmp_path / "slow", {"app/api/signup/route.ts": route, "src/lib/client.ts": client.replace(", TIMEOUT", "")})
    bounded = review_files(tmp_path / "bounded", {"app/api/signup/route.ts": route, "src/lib/client.ts": client.replace("TIMEOUT", "timeout: 2000")})
    assert "blocking_request_path" in {f.rule for f in slow.findings}
    assert bounded.integrated and "blocking_request_path" not in {f.rule for f in bounded.findings}


def test_a_client_file_that_does_not_parse_is_named_not_passed(tmp_path: Path) -> None:
    broken = TS_HEAD + "export async function f(email: string) {\n  await client.memory.memorize({ email, content: 'x'\n"
    artifact = review_files(tmp_path, {"src/lib/personize.ts": broken})
    assert any("could not be parsed" in step and "src/lib/personize.ts" in step for step in artifact.next_steps)
