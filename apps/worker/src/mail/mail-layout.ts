import type { Language } from '@bisang/contracts';

/** A mail's content before layout: paragraphs (plain text, escaped when laid out) and at most one action. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Further choices beside the action (an offer's decline), each a link of its own. */
  moreActions?: { label: string; url: string }[];
  /** Small print at the end (why the user got this mail, how to stop it). */
  footer?: string[];
}

export interface LaidOutMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Header values never carry a line break (no header injection through names or titles), and stay short. */
export const headerSafe = (s: string, max = 200) => s.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim().slice(0, max);

/**
 * Plain text and HTML from one content: the HTML is one column, with the language declared, real text (no
 * images), a visible link with its address written out too, so it reads in any client and with a screen reader.
 */
export function layOut(content: MailContent, language: Language): LaidOutMail {
  const subject = headerSafe(content.subject);
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.moreActions ?? []).flatMap((a) => [`${a.label}: ${a.url}`, '']),
    '-- ',
    ...(content.footer ?? []),
    'Bisang (비상)',
  ].join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:13px;color:#4b5563">${escapeHtml(content.action.url)}</p>`
    : '';
  const more = (content.moreActions ?? [])
    .map((a) => `<p style="margin:12px 0"><a href="${escapeHtml(a.url)}" style="color:#1d4ed8">${escapeHtml(a.label)}</a></p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Apple SD Gothic Neo','Malgun Gothic',sans-serif;color:#111827;line-height:1.6">
<main style="max-width:560px;margin:0 auto">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${action}
${more}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">
<footer style="font-size:13px;color:#4b5563">${(content.footer ?? []).map((f) => `<p>${escapeHtml(f)}</p>`).join('')}<p>Bisang (비상)</p></footer>
</main></body></html>`;
  return { subject, text, html };
}
