/**
 * Korean particles chosen by the word they follow, so messages say "박람회를" and "공지사항을", never
 * "박람회을(를)". A Hangul syllable has a final consonant (받침) when (code − 0xAC00) % 28 ≠ 0; digits and Latin
 * letters are read the way Koreans say them ("3" 삼 → 을, "2" 이 → 를; "file" → 을 for l/m/n endings).
 */
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8;

/** The final consonant of the word's last sound: 'none', 'rieul' (ㄹ, which takes 로) or 'other'. */
function finalSound(word: string): 'none' | 'rieul' | 'other' {
  const last = [...word.trim().replace(/[\s)\]}"'’”.,!?]+$/u, '')].pop();
  if (!last) return 'none';
  const code = last.codePointAt(0)!;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const jong = (code - HANGUL_FIRST) % 28;
    return jong === 0 ? 'none' : jong === RIEUL ? 'rieul' : 'other';
  }
  if (/[0-9]/.test(last)) return ({ '1': 'rieul', '7': 'rieul', '8': 'rieul', '0': 'other', '3': 'other', '6': 'other' } as const)[last as '1'] ?? 'none';
  if (/[lL]/.test(last)) return 'rieul';
  if (/[mnMN]/.test(last)) return 'other';
  return 'none';
}

export type ParticlePair = '을/를' | '이/가' | '은/는' | '과/와' | '으로/로' | '이에요/예요';

/** The word with the particle that fits it: `withParticle('박람회', '을/를')` → "박람회를". */
export function withParticle(word: string, pair: ParticlePair): string {
  const sound = finalSound(word);
  if (pair === '으로/로') return word + (sound === 'other' ? '으로' : '로');
  const [withFinal, withoutFinal] = pair.split('/') as [string, string];
  return word + (sound === 'none' ? withoutFinal : withFinal);
}
