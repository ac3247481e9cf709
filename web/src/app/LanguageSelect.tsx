import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, isLanguage } from '../i18n/i18n';
import { useAuth } from './auth';

/** A real <select>: every browser and screen reader knows how to use it, also on a phone. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const { chooseLanguage } = useAuth();
  return (
    <NativeSelect
      label={t('language.label')}
      data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
      value={currentLanguage()}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (!isLanguage(value)) return;
        // Signed in, the choice is kept on the account; if that fails, it still holds in this tab.
        chooseLanguage(value).catch(() => undefined);
      }}
      size="xs"
      className="language-select"
    />
  );
}
