import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, isLanguage, rememberLanguage, switchLanguage } from '../i18n/i18n';
import { useAuth } from './auth';

/** A real <select>: every browser and screen reader knows how to use it, also on a phone. */
export function LanguageSelect() {
  const { t } = useTranslation();
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
        void switchLanguage(value);
      }}
      size="xs"
      className="language-select"
    />
  );
}
