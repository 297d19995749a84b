import type { LocaleCode } from '../../api/wire';
import { LOCALE_NAMES, toBcp47 } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import './style.css';

interface Props {
  locales: readonly LocaleCode[];
  onChange(locale: LocaleCode): void;
}

export function LanguageSwitcher({ locales, onChange }: Props) {
  const { t, locale } = useT();
  const choices = locales.includes(locale) ? locales : [locale, ...locales];
  return (
    <label class="language-switcher">
      <span class="visually-hidden">{t('language.label')}</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" class="language-switcher__icon">
        <path
          fill="currentColor"
          d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4a14 14 0 0 1 1.9 4h-3.8A14 14 0 0 1 12 4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h2.9a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16zM8 8H5.1a8 8 0 0 1 4.3-3.6A15.7 15.7 0 0 0 8 8zm4 12a14 14 0 0 1-1.9-4h3.8A14 14 0 0 1 12 20zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6a15.7 15.7 0 0 0 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4z"
        />
      </svg>
      <select
        class="language-switcher__select"
        value={locale}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as LocaleCode)}
      >
        {choices.map((code) => (
          <option key={code} value={code} lang={toBcp47(code)}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
