import { basename } from 'node:path';
import { stripInvisibleControls } from '@bisang/common';

/**
 * The name a client gave an uploaded PDF, made safe to keep and to send back in a header: no folders, no control,
 * bidirectional or zero-width characters, no quotes, at most 255 characters, ending in .pdf. Only ever shown, never used as a storage key.
 */
export function cleanPdfFileName(raw: string): string {
  // Browsers (WHATWG multipart/form-data) send ", CR and LF in a file name as %22, %0D and %0A.
  const decoded = raw.replace(/%22/gi, '"').replace(/%0[ad]/gi, ' ');
  let name = stripInvisibleControls(basename(decoded.replace(/\\/g, '/')).normalize('NFC'))
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|*?:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name || name === '.' || name === '..') name = 'resume.pdf';
  if (!/\.pdf$/i.test(name)) name = `${name}.pdf`;
  const chars = [...name];
  if (chars.length > 255) name = chars.slice(0, 251).join('') + '.pdf';
  return name;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._ ()-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
