import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, isLanguage, rememberLanguage } from '../i18n/i18n';
import { useAuth } from './auth';

/** A real <select>: every browser and screen reader knows how to use it, also on a phone. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  return (
    <NativeSelect
      label={t('language.label')}
      data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
      value={currentLanguage()}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (!isLanguage(value)) return;
        rememberLanguage(value, user?.id);
        void i18n.changeLanguage(value);
      }}
      size="xs"
      className="language-select"
    />
  );
}
