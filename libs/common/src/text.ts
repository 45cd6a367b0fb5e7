/**
 * Bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM) and zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner,
 * BOM, Mongolian vowel separator). In a name or a file name they only serve to disguise it: `invoice\u202Efdp.exe`
 * shows as `invoiceexe.pdf`, and `김\u200B민지` looks like another user's `김민지`.
 */
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u180E]/g;

/** The text without bidirectional or zero-width control characters. */
export const stripInvisibleControls = (text: string): string => text.replace(INVISIBLE_CONTROLS, '');

/** class-transformer `@Transform` for a name: invisible controls dropped, then trimmed; anything else is left to the validators. */
export const cleanName = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? stripInvisibleControls(value).trim() : value);
