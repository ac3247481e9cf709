/**
 * English, Swedish and Norwegian bokmål. The language is taken from the browser at first and can be
 * switched on every page. A signed-in user's choice is kept on their account (PATCH /api/users/me)
 * and applied at every sign-in, in any browser; this browser also remembers the last choice made in
 * it, for the sign-in page. Only the language is stored here, never the session.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'sv', label: 'Svenska' },
  { value: 'nb', label: 'Norsk bokmål' },
] as const;
export type Language = (typeof LANGUAGES)[number]['value'];

const KEY = 'qms.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.value === value);
}

/** The browser's preferred language among ours (Norwegian nn and no fall back to bokmål). */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sv') return 'sv';
    if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

function stored(key: string): Language | undefined {
  try {
    const value = localStorage.getItem(key);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The last language chosen in this browser. */
export function rememberedLanguage(): Language | undefined {
  return stored(KEY);
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    /* storage refused (private mode): the choice lasts for this page only */
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

// English is in the first download (it is also the fallback); Swedish and Norwegian load when chosen.
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Record<string, unknown> }>> = {
  sv: () => import('./sv.json'),
  nb: () => import('./nb.json'),
};

/** Loads the language's texts if they are not loaded yet, then switches to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', (await LOADERS[language]()).default);
  }
  await i18n.changeLanguage(language);
}

/** The language to start in: remembered in this browser, else the browser's own. */
export const initialLanguage: Language = rememberedLanguage() ?? browserLanguage();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));
document.documentElement.setAttribute('lang', currentLanguage());

export default i18n;

/** Text in the user's language from a procedure's `{ en, sv, nb }`, falling back to English, then any. */
export function localised(text: unknown, language: Language = currentLanguage()): string {
  if (typeof text === 'string') return text;
  if (!text || typeof text !== 'object') return '';
  const t = text as Record<string, unknown>;
  const value = t[language] ?? t.en ?? Object.values(t)[0];
  return typeof value === 'string' ? value : '';
}
