/**
 * The lexicons as switches, grouped Spectrum / Lens. The last enabled spectrum lexicon's switch is
 * disabled and says why (the rule lives in lexicon-selection.ts).
 */
import type { LexiconKind } from '../../lexicons/lexicon';
import type { Settings } from '../../settings/settings';
import { catalogOfKind, type CatalogEntry } from './lexicon-catalog';
import { LAST_SPECTRUM_REASON, isLastSpectrum } from './lexicon-selection';

interface Props {
  catalog: readonly CatalogEntry[];
  settings: Settings;
  onToggle(id: string, enabled: boolean): void;
  /** Prefix for element ids, so two lists on one page don't collide. */
  idPrefix?: string;
}

const GROUPS: { kind: LexiconKind; title: string; hint: string }[] = [
  { kind: 'spectrum', title: 'Spectrum', hint: 'Score each part from risk-forward to opportunity-forward.' },
  { kind: 'lens', title: 'Lens', hint: 'Decide which lens the episode is primarily in.' },
];

export default function LexiconToggles({ catalog, settings, onToggle, idPrefix = 'lex' }: Props) {
  const enabled = new Set(settings.enabledLexicons);
  const reasonId = `${idPrefix}-last-spectrum`;
  return (
    <div class="lexicon-groups">
      {GROUPS.map(({ kind, title, hint }) => {
        const entries = catalogOfKind(catalog, kind);
        const lockedId = kind === 'spectrum' ? entries.find((e) => isLastSpectrum(settings, catalog, e.lexicon.id)) : undefined;
        return (
          <fieldset class="lexicon-group" key={kind}>
            <legend title={hint}>{title}</legend>
            {entries.length === 0 && <p class="muted small">No {title.toLowerCase()} lexicons.</p>}
            <ul class="toggle-list">
              {entries.map(({ lexicon, builtin }) => {
                const inputId = `${idPrefix}-${lexicon.id}`;
                const locked = lockedId?.lexicon.id === lexicon.id;
                return (
                  <li key={lexicon.id} class="toggle-row" title={lexicon.description}>
                    <input
                      type="checkbox"
                      role="switch"
                      id={inputId}
                      class="switch"
                      checked={enabled.has(lexicon.id)}
                      disabled={locked}
                      aria-describedby={[lexicon.description ? `${inputId}-what` : '', locked ? reasonId : ''].filter(Boolean).join(' ') || undefined}
                      onChange={(event) => onToggle(lexicon.id, (event.currentTarget as HTMLInputElement).checked)}
                    />
                    <span class="toggle-text">
                      <label for={inputId}>
                        {lexicon.name}
                        {!builtin && ' '}
                        {!builtin && <span class="tag">custom</span>}
                      </label>
                      {/* What the lexicon measures, from its own data (shown, not only on hover). */}
                      {lexicon.description && (
                        <span id={`${inputId}-what`} class="toggle-description">
                          {lexicon.description}
                        </span>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
            {lockedId && (
              <p id={reasonId} class="muted small note" role="note">
                {LAST_SPECTRUM_REASON}
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
