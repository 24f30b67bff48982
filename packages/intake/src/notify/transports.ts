/**
 * How notices leave: e-mail through SMTP (nodemailer), SMS through an adapter. The log
 * adapters write the notice to a log instead; they are the default when nothing is configured,
 * so a fresh install works and nothing is silently dropped.
 */
export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface SmsAdapter {
  send(to: string, text: string): Promise<void>;
}

export type Log = (line: string) => void;

export class LogMail implements MailTransport {
  constructor(private readonly log: Log) {}
  async send(m: { to: string; subject: string }): Promise<void> {
    this.log(`[mail, not sent: no SMTP_URL] to=${m.to} subject=${JSON.stringify(m.subject)}`);
  }
}

export class LogSms implements SmsAdapter {
  constructor(private readonly log: Log) {}
  async send(to: string, text: string): Promise<void> {
    this.log(`[sms, not sent: no SMS_GATEWAY_URL] to=${to} ${JSON.stringify(text)}`);
  }
}

/** SMTP from a URL such as `smtp://user:pass@mail.example.gov.vn:587`. */
export async function smtpMail(url: string, from: string): Promise<MailTransport> {
  const { default: nodemailer } = await import('nodemailer');
  const transporter = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

/**
 * An HTTP SMS gateway (the brand-name SMS services Vietnamese agencies contract): POSTs JSON
 * `{ to, text }` with an optional bearer token; any non-2xx answer is a failure to retry.
 */
export class HttpSmsGateway implements SmsAdapter {
  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly timeoutMs = 10_000,
  ) {}
  async send(to: string, text: string): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ to, text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}
