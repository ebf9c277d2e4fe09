/**
 * Preferred caption languages offered on the options page: YouTube's own language codes for the
 * languages with the most caption tracks, labelled in English and in the language itself.
 */
export interface CaptionLanguage {
  code: string;
  label: string;
}

export const CAPTION_LANGUAGES: readonly CaptionLanguage[] = [
  { code: 'en', label: 'English' },
  { code: 'es', label: 'Spanish — Español' },
  { code: 'fr', label: 'French — Français' },
  { code: 'de', label: 'German — Deutsch' },
  { code: 'pt', label: 'Portuguese — Português' },
  { code: 'it', label: 'Italian — Italiano' },
  { code: 'nl', label: 'Dutch — Nederlands' },
  { code: 'pl', label: 'Polish — Polski' },
  { code: 'sv', label: 'Swedish — Svenska' },
  { code: 'tr', label: 'Turkish — Türkçe' },
  { code: 'ru', label: 'Russian — Русский' },
  { code: 'uk', label: 'Ukrainian — Українська' },
  { code: 'ar', label: 'Arabic — العربية' },
  { code: 'hi', label: 'Hindi — हिन्दी' },
  { code: 'id', label: 'Indonesian — Bahasa Indonesia' },
  { code: 'vi', label: 'Vietnamese — Tiếng Việt' },
  { code: 'ja', label: 'Japanese — 日本語' },
  { code: 'ko', label: 'Korean — 한국어' },
  { code: 'zh-Hans', label: 'Chinese (Simplified) — 简体中文' },
  { code: 'zh-Hant', label: 'Chinese (Traditional) — 繁體中文' },
];
