import { AppConfig, validateEnv } from '@bisang/config';
import { MailLinkTokens } from './mail-link-tokens';

const links = new MailLinkTokens(new AppConfig(validateEnv({ JWT_SECRET: 'x'.repeat(40) })));
const other = new MailLinkTokens(new AppConfig(validateEnv({ JWT_SECRET: 'y'.repeat(40) })));
const userId = '7b0f3c1e-3f55-4b8e-9d2a-0c5d1b7e9a11';

describe('mail link tokens', () => {
  it('verification: names the user and the address; forged, foreign or expired tokens are refused', () => {
    const token = links.verification(userId, 'Minji@Example.kr');
    expect(links.readVerification(token)).toEqual({ userId, email: 'minji@example.kr' });
    expect(other.readVerification(token)).toBeNull();
    const [body, sig] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ u: userId, x: Date.now() + 1e9, d: 'evil@example.kr' })).toString('base64url');
    expect(links.readVerification(`${forgedBody}.${sig}`)).toBeNull();
    expect(links.readVerification(`${body}.${sig}x`)).toBeNull();
    expect(links.readVerification(links.verification(userId, 'a@b.kr', Date.now() - 8 * 24 * 3600_000))).toBeNull();
  });

  it('a token of one purpose is worthless for another', () => {
    const unsubscribe = links.unsubscribe(userId, 'applications');
    expect(links.readUnsubscribe(unsubscribe)).toEqual({ userId, category: 'applications' });
    expect(links.readVerification(unsubscribe)).toBeNull();
    expect(links.checkPasswordReset(unsubscribe, 'hash')).toBe(false);
  });

  it('password reset: keyed by the password hash, so a changed password voids it; it expires', () => {
    const token = links.passwordReset(userId, 'hash-1', new Date(Date.now() + 60_000));
    expect(links.passwordResetUser(token)).toBe(userId);
    expect(links.checkPasswordReset(token, 'hash-1')).toBe(true);
    expect(links.checkPasswordReset(token, 'hash-2')).toBe(false);
    expect(links.checkPasswordReset(links.passwordReset(userId, 'hash-1', new Date(Date.now() - 1)), 'hash-1')).toBe(false);
  });
});
