import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane (about 25 ms of CPU per hash on this machine). */
const PRODUCTION = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
/**
 * The fair drill's: 1 MiB, 1 iteration. The drill compresses a 50-day fair into minutes, so 15,000 sign-ups that a
 * real fair spreads over weeks arrive at 20 a second, and at the production cost their hashing alone would take a
 * third of a 2-core machine. Allowed only on the drill's scaled clock (`CLOCK=scaled`), never with the real one.
 */
const DRILL = { algorithm: Algorithm.Argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function passwordHashOptions(env: NodeJS.ProcessEnv): typeof PRODUCTION | typeof DRILL {
  const kind = env.PASSWORD_HASH ?? 'production';
  if (kind === 'production' || kind === '') return PRODUCTION;
  if (kind !== 'drill') throw new Error(`PASSWORD_HASH must be "production" or "drill", not "${kind}"`);
  if (env.CLOCK !== 'scaled') throw new Error('PASSWORD_HASH=drill is only for the fair drill: it needs CLOCK=scaled');
  return DRILL;
}

const OPTIONS = passwordHashOptions(process.env);

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are registered. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hash('decoy-password-for-timing', OPTIONS));
