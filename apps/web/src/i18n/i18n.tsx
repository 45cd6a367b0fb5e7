import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { ko, type MessageKey } from './ko';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { ko, en };
const STORAGE_KEY = 'bisang.lang';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Picks the language's half of a server message written "한국어 / English". */
  serverText: (message: string) => string;
  /** A label object {ko, en} in the current language. */
  label: (l: { ko: string; en: string } | undefined, fallback?: string) => string;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ko' || saved === 'en') return saved;
  } catch {
    // storage unavailable
  }
  return 'ko'; // Korean first, whatever the browser says
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage unavailable: the choice lasts for this tab
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[lang];
    return {
      lang,
      setLang,
      t: (key, params) => format(catalogue[key], params),
      serverText: (message) => {
        const parts = message.split(' / ');
        if (parts.length < 2) return message;
        return lang === 'ko' ? parts[0]! : parts.slice(1).join(' / ');
      },
      label: (l, fallback = '') => (l ? l[lang] : fallback),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
