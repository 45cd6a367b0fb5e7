import { passwordHashOptions } from './password';

describe('password hashing cost', () => {
  it('is OWASP’s argon2id baseline unless the drill asks otherwise', () => {
    expect(passwordHashOptions({})).toMatchObject({ memoryCost: 19456, timeCost: 2 });
    expect(passwordHashOptions({ PASSWORD_HASH: 'production', CLOCK: 'scaled' })).toMatchObject({ memoryCost: 19456, timeCost: 2 });
  });

  it('is cheaper only for the drill, on its scaled clock', () => {
    expect(passwordHashOptions({ PASSWORD_HASH: 'drill', CLOCK: 'scaled' })).toMatchObject({ memoryCost: 1024, timeCost: 1 });
    expect(() => passwordHashOptions({ PASSWORD_HASH: 'drill' })).toThrow('PASSWORD_HASH=drill is only for the fair drill: it needs CLOCK=scaled');
    expect(() => passwordHashOptions({ PASSWORD_HASH: 'drill', CLOCK: 'real' })).toThrow(/needs CLOCK=scaled/);
    expect(() => passwordHashOptions({ PASSWORD_HASH: 'weak' })).toThrow('PASSWORD_HASH must be "production" or "drill", not "weak"');
  });
});
