/**
 * Minimal ambient declarations for the delivery providers' npm packages, so the channel
 * snippets type-check without installing the packages. Each block restates only the part
 * of the real package's public typings that the snippets use, with the real names and
 * module shapes (`export =` where the package uses it; import them with esModuleInterop).
 */

// @sendgrid/mail 8.x: the default export is a MailService instance (`export = mail`).
declare module '@sendgrid/mail' {
  namespace mail {
    type EmailData = string | { name?: string; email: string };

    interface MailContent {
      type: string;
      value: string;
    }

    interface MailData {
      to?: EmailData | EmailData[];
      cc?: EmailData | EmailData[];
      bcc?: EmailData | EmailData[];
      from: EmailData;
      replyTo?: EmailData;
      subject?: string;
      text?: string;
      html?: string;
      content?: MailContent[];
      templateId?: string;
      categories?: string[];
      customArgs?: { [key: string]: unknown };
      headers?: { [key: string]: string };
      sendAt?: number;
      batchId?: string;
    }

    /** At least one of text, html, templateId or content is required. */
    type MailDataRequired = MailData &
      ({ text: string } | { html: string } | { templateId: string } | { content: MailContent[] });

    interface ClientResponse {
      statusCode: number;
      body: object;
      headers: Record<string, string | string[] | undefined>;
    }

    /** Thrown by `send` when SendGrid answers with an error status. */
    interface ResponseError extends Error {
      code: number;
      response: { headers: Record<string, string>; body: unknown };
    }
  }

  class MailService {
    setApiKey(apiKey: string): void;
    setTimeout(timeout: number): void;
    send(
      data: mail.MailDataRequired | mail.MailDataRequired[],
      isMultiple?: boolean,
    ): Promise<[mail.ClientResponse, {}]>;
  }

  const mail: MailService & { MailService: typeof MailService };
  export = mail;
}

// @slack/web-api 7.x
declare module '@slack/web-api' {
  export interface WebClientOptions {
    timeout?: number;
    retryConfig?: { retries?: number };
  }

  export interface WebAPICallResult {
    ok: boolean;
    error?: string;
    response_metadata?: { warnings?: string[]; messages?: string[] };
  }

  export interface MrkdwnElement {
    type: 'mrkdwn';
    text: string;
    verbatim?: boolean;
  }

  export interface PlainTextElement {
    type: 'plain_text';
    text: string;
    emoji?: boolean;
  }

  export interface SectionBlock {
    type: 'section';
    block_id?: string;
    text?: MrkdwnElement | PlainTextElement;
    fields?: Array<MrkdwnElement | PlainTextElement>;
  }

  export interface ContextBlock {
    type: 'context';
    block_id?: string;
    elements: Array<MrkdwnElement | PlainTextElement>;
  }

  export interface DividerBlock {
    type: 'divider';
    block_id?: string;
  }

  export type KnownBlock = SectionBlock | ContextBlock | DividerBlock;

  export interface ChatPostMessageArguments {
    channel: string;
    text?: string;
    blocks?: KnownBlock[];
    mrkdwn?: boolean;
    thread_ts?: string;
    unfurl_links?: boolean;
    unfurl_media?: boolean;
    metadata?: { event_type: string; event_payload: Record<string, unknown> };
  }

  export interface ChatPostMessageResponse extends WebAPICallResult {
    channel?: string;
    ts?: string;
    message?: { text?: string; ts?: string };
  }

  export interface ConversationsOpenResponse extends WebAPICallResult {
    channel?: { id?: string };
  }

  export class WebClient {
    constructor(token?: string, options?: WebClientOptions);
    readonly chat: {
      postMessage(options: ChatPostMessageArguments): Promise<ChatPostMessageResponse>;
    };
    readonly conversations: {
      open(options: { users: string; return_im?: boolean }): Promise<ConversationsOpenResponse>;
    };
  }

  /** Error thrown for `ok: false` answers; `data.error` holds Slack's code. */
  export interface WebAPIPlatformError extends Error {
    code: 'slack_webapi_platform_error';
    data: WebAPICallResult & { error: string };
  }
}

// twilio 5.x: the module itself is the client factory (`export = TwilioSDK`).
declare module 'twilio' {
  namespace TwilioSDK {
    interface ClientOpts {
      accountSid?: string;
      region?: string;
      edge?: string;
    }

    interface MessageListInstanceCreateOptions {
      to: string;
      from?: string;
      messagingServiceSid?: string;
      body?: string;
      mediaUrl?: string[];
      statusCallback?: string;
      validityPeriod?: number;
    }

    interface MessageInstance {
      sid: string;
      status: 'queued' | 'sending' | 'sent' | 'failed' | 'delivered' | 'undelivered' | 'receiving' | 'received' | 'accepted' | 'scheduled' | 'read' | 'partially_delivered' | 'canceled';
      to: string;
      from: string;
      body: string;
      numSegments: string;
      errorCode: number | null;
      errorMessage: string | null;
      dateCreated: Date;
    }

    interface Twilio {
      messages: {
        create(options: MessageListInstanceCreateOptions): Promise<MessageInstance>;
      };
    }

    /** Checks an `X-Twilio-Signature` header on an incoming webhook. */
    function validateRequest(
      authToken: string,
      twilioHeader: string,
      url: string,
      params: Record<string, unknown>,
    ): boolean;
  }

  function TwilioSDK(
    accountSid?: string,
    authToken?: string,
    opts?: TwilioSDK.ClientOpts,
  ): TwilioSDK.Twilio;

  export = TwilioSDK;
}

// resend 4.x
declare module 'resend' {
  export interface Tag {
    name: string;
    value: string;
  }

  export interface CreateEmailOptions {
    from: string;
    to: string | string[];
    subject: string;
    html?: string;
    text?: string;
    cc?: string | string[];
    bcc?: string | string[];
    replyTo?: string | string[];
    headers?: Record<string, string>;
    tags?: Tag[];
    scheduledAt?: string;
  }

  export interface CreateEmailRequestOptions {
    idempotencyKey?: string;
  }

  export interface ErrorResponse {
    message: string;
    name: string;
  }

  export interface CreateEmailResponseSuccess {
    id: string;
  }

  /** Resend does not throw on API errors: exactly one of `data` / `error` is set. */
  export type CreateEmailResponse =
    | { data: CreateEmailResponseSuccess; error: null }
    | { data: null; error: ErrorResponse };

  export class Resend {
    constructor(key?: string);
    readonly emails: {
      send(
        payload: CreateEmailOptions,
        options?: CreateEmailRequestOptions,
      ): Promise<CreateEmailResponse>;
    };
  }
}

// postmark 4.x
declare module 'postmark' {
  export namespace Models {
    interface Header {
      Name: string;
      Value: string;
    }

    enum LinkTrackingOptions {
      TextOnly = 'TextOnly',
      HtmlOnly = 'HtmlOnly',
      HtmlAndText = 'HtmlAndText',
      None = 'None',
    }

    interface Message {
      From: string;
      To?: string;
      Cc?: string;
      Bcc?: string;
      Subject?: string;
      HtmlBody?: string;
      TextBody?: string;
      ReplyTo?: string;
      Tag?: string;
      TrackOpens?: boolean;
      TrackLinks?: LinkTrackingOptions;
      Headers?: Header[];
      Metadata?: { [key: string]: string };
      MessageStream?: string;
    }

    interface MessageSendingResponse {
      To?: string;
      SubmittedAt: string;
      MessageID?: string;
      ErrorCode: number;
      Message: string;
    }
  }

  export class ServerClient {
    constructor(serverToken: string, configOptions?: { timeout?: number });
    sendEmail(message: Models.Message): Promise<Models.MessageSendingResponse>;
  }
}
