"""Batch-7 labels for Reactive Resume 4.5.5 (pnpm/nx monorepo: NestJS server + React client), GitHub snapshot.

Written by reading the code with grep before the scanner was ever run on this repository.
"""

from bench.labels.resolve import no, tp

PACKAGE = "reactive-resume"
OUTPUT = "bench/labels/batch7/reactive-resume.json"
ROOT = "/tmp/fc7/reactive-resume"
SOURCE = {
    "source": "github",
    "repo": "AmruthPillai/Reactive-Resume",
    "commit": "91c8624d8043fdb78424d4a1641b2fc3efdbd016",
}

MAIL = "apps/server/src/mail/mail.service.ts"
AUTHS = "apps/server/src/auth/auth.service.ts"
AUTHC = "apps/server/src/auth/auth.controller.ts"
USERC = "apps/server/src/user/user.controller.ts"
OAI = "apps/client/src/services/openai"
AIA = "apps/client/src/components/ai-actions.tsx"
PRISMA = "tools/prisma/schema.prisma"
RS = "apps/server/src/resume/resume.service.ts"


def email(file, at, symbol, nth=0, **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **kw)


def llm(file, at, symbol, **kw):
    return tp("llm_call", file, at, symbol, provider="openai", **kw)


SPEC = {
    "notes": [
        "Reactive Resume 4.5.5 at commit 91c8624d (GitHub snapshot of the whole monorepo). Paths relative to the repo root. Labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: tools/prisma/migrations/**, *.spec.ts / *.test.ts, apps/client/public/** (static resume template JSON, locales), node_modules and build output (none in the archive).",
        "email_send: MailService.sendEmail (apps/server/src/mail) wraps @nestjs-modules/mailer MailerService.sendMail (nodemailer SMTP transport configured in mail.module.ts; when SMTP_URL is unset it only logs). AuthService.sendVerificationEmail is a named email wrapper with call sites in AuthService.register, AuthController.resendVerificationEmail and UserController.update. AuthService.forgotPassword sends the reset mail but is not named for it: its def and its controller call are ambiguous; the sendEmail call inside it is a call site.",
        "llm_call: client-side only (browser OpenAI SDK with the user's own key, dangerouslyAllowBrowser). services/openai/{improve-writing,fix-grammar,change-tone}.ts each wrap openai().chat.completions.create; their call sites are in components/ai-actions.tsx. The openai() client factory (services/openai/client.ts) makes no call: ambiguous.",
        "notification: none (no SMS/chat/push/webhook delivery). UI toasts (hooks/use-toast) are not notifications.",
        "event_tracking: no analytics SDK or snippet. ResumeService.incrementViewCountForOne / the download counter in printResume maintain per-resume view/download Statistics rows: an in-house counter, ambiguous.",
        "webhook_handler: none. OAuth github/google/openid callback routes are browser redirects: not.",
        "scheduled_job: none in the app. .github/workflows/sync-crowdin-translations.yml has a daily cron that syncs translations (repo maintenance): ambiguous. The client's setInterval token refresh is not a schedule.",
        "personize_call: none.",
        "data_model: Prisma User and Resume are touchpoints; Secrets (credentials/tokens of a user) and Statistics (view/download counts of a resume) are ambiguous. The zod DTO schemas in libs/dto mirror the Prisma rows: userSchema and resumeSchema ambiguous (duplicates of the Prisma models), request bodies not. libs/schema (the resume document JSON: basics, experience, education...) describes a person's resume content stored inside Resume.data: basicsSchema and resumeDataSchema ambiguous; the per-section item schemas and the import-format schemas in libs/parser (LinkedIn export, JSON Resume, v3) are not entity definitions.",
    ],
    "touchpoints": [
        # ---- email
        email(MAIL, "async sendEmail(options: ISendMailOptions)", "MailService.sendEmail",
              note="wrapper: @nestjs-modules/mailer sendMail"),
        email(MAIL, "return this.mailerService.sendMail(options);", "MailService.sendEmail",
              provider="nodemailer"),
        email(AUTHS, "await this.mailService.sendEmail({ to: email, subject, text });",
              "AuthService.forgotPassword", nth=1, note="call site of MailService.sendEmail (password reset)"),
        email(AUTHS, "async sendVerificationEmail(email: string)", "AuthService.sendVerificationEmail",
              note="wrapper: verification email via MailService.sendEmail"),
        email(AUTHS, "await this.mailService.sendEmail({ to: email, subject, text });",
              "AuthService.sendVerificationEmail", nth=2, note="call site of MailService.sendEmail"),
        email(AUTHS, "void this.sendVerificationEmail(user.email);", "AuthService.register",
              note="call site of sendVerificationEmail"),
        email(AUTHC, "await this.authService.sendVerificationEmail(email);",
              "AuthController.resendVerificationEmail", note="call site of sendVerificationEmail"),
        email(USERC, "await this.authService.sendVerificationEmail(updateUserDto.email);",
              "UserController.update", note="call site of sendVerificationEmail"),
        # ---- llm
        llm(f"{OAI}/improve-writing.ts", "export const improveWriting = async", "improveWriting",
            note="wrapper: OpenAI chat completion (improve writing)"),
        llm(f"{OAI}/improve-writing.ts", "const result = await openai().chat.completions.create({", "improveWriting"),
        llm(f"{OAI}/fix-grammar.ts", "export const fixGrammar = async", "fixGrammar",
            note="wrapper: OpenAI chat completion (fix grammar)"),
        llm(f"{OAI}/fix-grammar.ts", "const result = await openai().chat.completions.create({", "fixGrammar"),
        llm(f"{OAI}/change-tone.ts", "export const changeTone = async", "changeTone",
            note="wrapper: OpenAI chat completion (change tone)"),
        llm(f"{OAI}/change-tone.ts", "const result = await openai().chat.completions.create({", "changeTone"),
        llm(AIA, 'if (action === "improve") result = await improveWriting(value);', "AiActions",
            note="call site of improveWriting"),
        llm(AIA, 'if (action === "fix") result = await fixGrammar(value);', "AiActions",
            note="call site of fixGrammar"),
        llm(AIA, 'if (action === "tone" && mood) result = await changeTone(value, mood);', "AiActions",
            note="call site of changeTone"),
        # ---- data models
        tp("data_model", PRISMA, "model User {", "User", entity="User", framework="prisma"),
        tp("data_model", PRISMA, "model Resume {", "Resume", entity="Resume", framework="prisma"),
    ],
    "not_touchpoints": [
        no("email_send", "apps/server/src/mail/mail.module.ts", "const emptyTransporter = nodemailer.createTransport({});",
           "transport configuration; sends nothing"),
        no("email_send", "apps/server/src/mail/mail.module.ts", "MailerModule.forRootAsync({",
           "mailer module configuration"),
        no("email_send", "apps/client/src/services/auth/password-recovery/forgot-password.ts",
           "return axios.post<undefined, AxiosResponse<undefined>, ForgotPasswordDto>(",
           "client API call to the server's forgot-password route"),
        no("email_send", AUTHC, "async verifyEmail(", "verifies a token; sends nothing"),
        no("notification", "apps/client/src/hooks/use-toast.ts", "function toast({ ...props }: Toast) {", "UI toast"),
        no("webhook_handler", AUTHC, '@Get("github/callback")', "OAuth browser redirect"),
        no("webhook_handler", AUTHC, '@Get("google/callback")', "OAuth browser redirect"),
        no("webhook_handler", AUTHC, '@Get("openid/callback")', "OAuth browser redirect"),
        no("scheduled_job", "apps/client/src/providers/auth-refresh.tsx",
           "intervalId.current = setInterval(_refreshToken, 5 * 60 * 1000);", "client token refresh timer"),
        no("llm_call", "apps/server/src/translation/translation.service.ts",
           "const response = await this.httpService.axiosRef.get(", "Crowdin translation progress API"),
        no("data_model", "libs/dto/src/auth/register.ts", "export const registerSchema = userSchema", "request body"),
        no("data_model", "libs/dto/src/user/update-user.ts", "export const updateUserSchema", "request body"),
        no("data_model", "libs/dto/src/resume/create.ts", "export const createResumeSchema", "request body"),
        no("data_model", "libs/dto/src/resume/import.ts", "export const importResumeSchema", "request body"),
        no("data_model", "libs/dto/src/auth/login.ts", "export const loginSchema", "request body"),
        no("data_model", "libs/dto/src/contributors/index.ts", "export const contributorSchema", "GitHub/Crowdin contributor list item"),
        no("data_model", "libs/schema/src/metadata/index.ts", "export const metadataSchema", "resume layout/theme settings"),
        no("data_model", "libs/schema/src/sections/experience.ts", "export const experienceSchema", "resume section item inside Resume.data"),
        no("data_model", "libs/parser/src/linkedin/schema/index.ts", "export const linkedInSchema", "import-format schema of a LinkedIn export"),
        no("data_model", "libs/parser/src/json-resume/schema.ts", "export const jsonResumeSchema", "import-format schema (JSON Resume)"),
    ],
    "ambiguous": [
        no("email_send", AUTHS, "async forgotPassword(email: string)",
           "sends the password-reset email but is not named for it"),
        no("email_send", AUTHC, "await this.authService.forgotPassword(email);",
           "call of the ambiguous forgotPassword"),
        no("llm_call", f"{OAI}/client.ts", "export const openai = () => {",
           "OpenAI client factory; makes no call"),
        no("event_tracking", RS, "async incrementViewCountForOne(resumeId: string)",
           "in-house per-resume view counter (Statistics row)"),
        no("event_tracking", "apps/server/src/resume/resume.controller.ts",
           "await this.resumeService.incrementViewCountForOne(resume.id);", "call of the view counter"),
        no("event_tracking", RS, "update: { downloads: { increment: 1 } },", "in-house download counter in printResume"),
        no("scheduled_job", ".github/workflows/sync-crowdin-translations.yml", "- cron: 0 0 * * *",
           "daily Crowdin translation sync: repo maintenance, not the app"),
        no("data_model", PRISMA, "model Secrets {", "a user's credentials and tokens (technical, 1:1 with User)"),
        no("data_model", PRISMA, "model Statistics {", "view/download counters of a resume"),
        no("data_model", "libs/dto/src/user/user.ts", "export const userSchema = z.object({",
           "zod DTO duplicating the Prisma User row"),
        no("data_model", "libs/dto/src/resume/resume.ts", "export const resumeSchema = z.object({",
           "zod DTO duplicating the Prisma Resume row"),
        no("data_model", "libs/dto/src/secrets/secrets.ts", "export const secretsSchema = z.object({",
           "zod DTO duplicating Secrets"),
        no("data_model", "libs/dto/src/statistics/index.ts", "export const statisticsSchema = z.object({",
           "zod DTO of the resume statistics"),
        no("data_model", "libs/schema/src/basics/index.ts", "export const basicsSchema = z.object({",
           "the resume owner's personal details (name, email, phone...) inside Resume.data"),
        no("data_model", "libs/schema/src/index.ts", "export const resumeDataSchema = z.object({",
           "the resume document stored in Resume.data"),
    ],
}
