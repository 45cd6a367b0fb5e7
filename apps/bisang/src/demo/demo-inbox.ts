import { createServer, Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface InboxMail {
  id: number;
  at: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  calendar: boolean;
  headers: string;
}

const KEEP = 500;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The demo's local mail server: an SMTP server on 127.0.0.1 that keeps the last mails in memory, and a web inbox
 * listing them, so a newcomer sees the verification, booking and application mails without a real mailbox.
 * (Not maildev: its 3.x install pulls a large tree; smtp-server + mailparser were already needed by the tests.)
 */
export async function startDemoInbox(smtpPort: number, webPort: number): Promise<{ smtpUrl: string; inboxUrl: string; close(): Promise<void> }> {
  const logger = new Logger('DemoInbox');
  const mails: InboxMail[] = [];
  let next = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          const head = [...m.headerLines].map((h) => h.line).filter((l) => !/^(content-|mime-)/i.test(l)).join('\n');
          mails.unshift({
            id: next++,
            at: (m.date ?? new Date()).toISOString(),
            to: (Array.isArray(m.to) ? m.to[0] : m.to)?.text ?? '',
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            calendar: m.attachments.some((a) => a.contentType.startsWith('text/calendar')),
            headers: head,
          });
          mails.length = Math.min(mails.length, KEEP);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  smtp.on('error', (err: Error) => logger.warn(`demo SMTP: ${err.message}`));
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', () => resolve());
  });

  const web: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const one = /^\/mails\/(\d+)$/.exec(url.pathname);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (one) {
      const mail = mails.find((m) => m.id === Number(one[1]));
      if (!mail) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      res.end(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${esc(mail.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;margin:24px"><p><a href="/">← 받은 메일 / Inbox</a></p>
<h1 style="font-size:1.2rem">${esc(mail.subject)}</h1><pre style="background:#f3f4f6;padding:8px;white-space:pre-wrap">${esc(mail.headers)}</pre>
${mail.calendar ? '<p>📅 text/calendar</p>' : ''}
<iframe title="HTML" sandbox="allow-popups allow-popups-to-escape-sandbox" style="width:100%;height:480px;border:1px solid #ddd" srcdoc="${esc(mail.html)}"></iframe>
<h2 style="font-size:1rem">Text</h2><pre style="white-space:pre-wrap">${esc(mail.text)}</pre></body></html>`);
      return;
    }
    res.end(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Bisang demo inbox</title></head>
<body style="font-family:system-ui,sans-serif;margin:24px"><h1 style="font-size:1.3rem">비상 데모 받은 메일함 / Bisang demo inbox</h1>
<p>${mails.length} mail(s); every mail the demo sends lands here.</p><table style="border-collapse:collapse;width:100%">
<thead><tr><th align="left">At</th><th align="left">To</th><th align="left">Subject</th></tr></thead><tbody>
${mails.map((m) => `<tr><td>${esc(m.at)}</td><td>${esc(m.to)}</td><td><a href="/mails/${m.id}">${esc(m.subject)}</a>${m.calendar ? ' 📅' : ''}</td></tr>`).join('\n')}
</tbody></table></body></html>`);
  });
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(webPort, '127.0.0.1', () => resolve());
  });
  const inboxUrl = `http://localhost:${webPort}`;
  logger.log(`demo mail inbox: ${inboxUrl} (SMTP on 127.0.0.1:${smtpPort})`);
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl,
    close: async () => {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => web.close(() => r()));
    },
  };
}
