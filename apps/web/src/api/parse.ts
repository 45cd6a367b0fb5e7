/** `value` when it is one of `allowed` (a form field or a URL parameter read as a vocabulary word), else undefined. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined {
  return allowed.find((a) => a === value);
}
