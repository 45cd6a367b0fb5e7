import { headerSafe, layOut } from './mail-layout';
import { mailsFor } from './mail-rules';

describe('mail layout', () => {
  it('never lets a line break into a header (no header injection through names or titles)', () => {
    expect(headerSafe('Hello\r\nBcc: victim@example.kr')).toBe('Hello Bcc: victim@example.kr');
    const mail = layOut({ subject: '[비상] A\nBcc: x@y.kr', greeting: '<b>김</b>', paragraphs: ['a & b'], action: { label: 'Go', url: 'https://x.kr/?a=1&b=2' } }, 'ko');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain('&lt;b&gt;김&lt;/b&gt;');
    expect(mail.html).toContain('href="https://x.kr/?a=1&amp;b=2"');
    expect(mail.html).toContain('<html lang="ko">');
    expect(mail.text).toContain('Go: https://x.kr/?a=1&b=2');
  });

  it('mails the seeker of a move, but not of their own withdrawal', () => {
    const facts = { applicationId: 'a', fairId: 'f', boothId: 'b', companyId: 'c', postingId: 'p', postingTitle: 't', companyName: 'n', seekerId: 's' };
    const moved = (movedBy: string) =>
      mailsFor({ id: 1, type: 'application.moved', fairId: 'f', occurredAt: '', payload: { ...facts, from: 'applied', to: 'withdrawn', movedBy } });
    expect(moved('s')).toEqual([]);
    expect(moved('r')).toEqual([{ kind: 'application-moved', userId: 's' }]);
  });
});
