/** The languages of the console, of procedure texts and of reports: English, Swedish, Norwegian bokmål. */
export const USER_LANGUAGES = ['en', 'sv', 'nb'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];
