/** Display settings: palette, the progress-bar strip and the preferred caption language. */
import type { PaletteId, Settings } from '../../settings/settings';
import { CAPTION_LANGUAGES } from './caption-languages';

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

const PALETTES: { value: PaletteId; label: string; hint: string }[] = [
  { value: 'default', label: 'Default', hint: 'Amber → cyan → white, as on the source site.' },
  { value: 'colorblind', label: 'Colour-blind-safe', hint: 'Colours that stay distinct with the common kinds of colour blindness.' },
];

const BROWSER_DEFAULT = '';

export default function DisplaySettings({ settings, onChange }: Props) {
  const languages = CAPTION_LANGUAGES.some((l) => l.code === settings.preferredLanguage) || settings.preferredLanguage === null
    ? CAPTION_LANGUAGES
    : [...CAPTION_LANGUAGES, { code: settings.preferredLanguage, label: settings.preferredLanguage }];
  return (
    <section class="card" aria-labelledby="display-title">
      <h2 id="display-title">Display</h2>

      <fieldset class="field">
        <legend>Palette</legend>
        {PALETTES.map((p) => (
          <label key={p.value} class="choice" title={p.hint}>
            <input
              type="radio"
              name="palette"
              value={p.value}
              checked={settings.palette === p.value}
              onChange={() => onChange({ palette: p.value })}
            />
            {p.label}
            <span class="muted small"> — {p.hint}</span>
          </label>
        ))}
      </fieldset>

      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            role="switch"
            class="switch"
            checked={settings.progressBarStrip}
            onChange={(e) => onChange({ progressBarStrip: (e.currentTarget as HTMLInputElement).checked })}
          />
          Show the map as a thin strip in the player's progress bar
        </label>
      </div>

      <div class="field">
        <label for="preferred-language">Preferred caption language</label>
        <select
          id="preferred-language"
          value={settings.preferredLanguage ?? BROWSER_DEFAULT}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            onChange({ preferredLanguage: value === BROWSER_DEFAULT ? null : value });
          }}
        >
          <option value={BROWSER_DEFAULT}>Browser default</option>
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </select>
        <p class="muted small">
          Used when the video has captions in it; uploaded captions are preferred over auto-generated ones. The lexicons are English: a video
          with English captions is mapped from those, and one without is mapped from YouTube's English translation (marked “machine-translated”).
        </p>
      </div>
    </section>
  );
}
