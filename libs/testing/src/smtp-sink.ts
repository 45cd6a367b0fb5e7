import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as a test reads it: parsed by mailparser from exactly what the SMTP server received. */
export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** The `text/calendar` part, when there is one. */
  calendar: string | null;
  raw: string;
}

/**
 * A real SMTP server inside the test (the `smtp-server` package): what the product sends arrives here over TCP and
 * is parsed with `mailparser`. `stop()` and `start()` on the same port stand for an SMTP outage.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = this.port): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              const calendarPart =
                parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString('utf8') ??
                /BEGIN:VCALENDAR[\s\S]*END:VCALENDAR/.exec(raw)?.[0] ??
                null;
              const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to).value[0]?.address ?? '' : '';
              this.mails.push({
                messageId: parsed.messageId ?? '',
                to: to.toLowerCase(),
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                headers: parsed.headers,
                calendar: calendarPart,
                raw,
              });
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A client that dies mid-session (a SIGKILLed worker) resets its connection: nothing for the sink to report.
    server.on('error', () => undefined);
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    // Pooled client connections stay open: end them too, as a real outage would.
    for (const conn of (server as unknown as { connections: Set<{ close(): void }> }).connections ?? []) conn.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to === address.toLowerCase());
  }
}

/** A header's value exactly as sent (unfolded), or null: mailparser turns some headers (List-*) into objects. */
export function rawHeader(mail: ReceivedMail, name: string): string | null {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

/** The link of a given path in a mail's text (with its token). */
export function linkIn(mail: ReceivedMail, path: string): URL {
  const match = new RegExp(`https?://[^\\s"<>]*${path.replace(/[/?]/g, '\\$&')}[^\\s"<>]*`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}"`);
  return new URL(match[0]);
}
