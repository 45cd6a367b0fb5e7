import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ValidationOptions, registerDecorator } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
const LIST = join('libs', 'auth', 'assets', 'common-passwords.txt');

export const PASSWORD_TOO_SHORT = `비밀번호는 ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다 / The password must be at least ${PASSWORD_MIN_LENGTH} characters`;
export const PASSWORD_TOO_COMMON =
  '너무 흔한 비밀번호입니다. 추측하기 어려운 다른 비밀번호를 쓰세요 / This password is too common; choose one that is harder to guess';
export const PASSWORD_TOO_LONG = `비밀번호는 ${PASSWORD_MAX_LENGTH}자 이하여야 합니다 / The password must be at most ${PASSWORD_MAX_LENGTH} characters`;

let common: Set<string> | undefined;

/** The shipped list, found next to the sources or the build (dist/ keeps a copy): read once. */
function commonPasswords(): Set<string> {
  if (common) return common;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, LIST);
    if (existsSync(candidate)) {
      const lines = readFileSync(candidate, 'utf8').split('\n');
      common = new Set(lines.filter((l) => l && !l.startsWith('#')));
      return common;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${LIST} is missing: the password policy cannot run without it`);
    dir = parent;
  }
}

/** Why a new password is refused, or null when it meets the policy (length, and not on the common list). */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return PASSWORD_TOO_SHORT;
  if (length > PASSWORD_MAX_LENGTH) return PASSWORD_TOO_LONG;
  if (commonPasswords().has(password.normalize('NFKC').toLowerCase())) return PASSWORD_TOO_COMMON;
  return null;
}

/** class-validator: the field is a string that passes the password policy; the message says which rule failed. */
export function IsAcceptablePassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      options: {
        message: (args) => (typeof args.value === 'string' ? (passwordProblem(args.value) ?? '') : `${propertyName} must be a string`),
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null },
    });
}
