/**
 * Lexicon management: every lexicon with its switch, export as JSON, removal of custom ones, and import
 * of a custom lexicon from a JSON file (validated; errors listed with their paths; replacing an existing
 * custom lexicon needs a confirmation).
 */
import { useState } from 'preact/hooks';
import type { Lexicon } from '../../lexicons/lexicon';
import type { Settings } from '../../settings/settings';
import { addCustomLexicon, planLexiconImport, removeCustomLexicon, type ImportPlan } from '../shared/custom-lexicons';
import lexiconCatalog from '../shared/lexicon-catalog';
import { LAST_SPECTRUM_REASON, isLastSpectrum, toggleLexicon } from '../shared/lexicon-selection';
import type { UiDeps } from '../shared/ui-deps';
import type { SettingsHandle } from '../shared/use-settings';

interface Props {
  deps: Pick<UiDeps, 'builtinLexicons' | 'validateCustomLexicon' | 'download'>;
  settings: Settings;
  update: SettingsHandle['update'];
}

/** What a file input hands over; only these two members are used, so tests can pass plain objects. */
export interface TextFile {
  name: string;
  text(): Promise<string>;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'errors'; fileName: string; errors: string[] }
  | { kind: 'confirm'; plan: Extract<ImportPlan, { kind: 'replace' }> }
  | { kind: 'done'; message: string };

export function lexiconFileName(lexicon: Lexicon): string {
  return `${lexicon.id.replace(/[^A-Za-z0-9_-]/g, '_')}.lexicon.json`;
}

export default function LexiconManager({ deps, settings, update }: Props) {
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const [notice, setNotice] = useState('');
  const catalog = lexiconCatalog(deps.builtinLexicons, settings.customLexicons);
  const enabled = new Set(settings.enabledLexicons);

  const importFile = async (file: TextFile) => {
    setNotice('');
    const text = await file.text();
    const plan = planLexiconImport(text, settings, deps.validateCustomLexicon);
    if (plan.kind === 'invalid') setImportState({ kind: 'errors', fileName: file.name, errors: plan.errors });
    else if (plan.kind === 'replace') setImportState({ kind: 'confirm', plan });
    else await commit(plan.lexicon, 'Imported');
  };

  const commit = async (lexicon: Lexicon, verb: string) => {
    await update((current) => addCustomLexicon(current, lexicon));
    setImportState({ kind: 'done', message: `${verb} “${lexicon.name}” (${lexicon.id}, version ${lexicon.version}) and turned it on.` });
  };

  const toggle = async (id: string, on: boolean) => setNotice(await toggleLexicon(update, deps.builtinLexicons, id, on));

  const remove = async (lexicon: Lexicon) => {
    await update((current) => removeCustomLexicon(current, lexicon.id, deps.builtinLexicons));
    setNotice(`Removed “${lexicon.name}”.`);
  };

  return (
    <section class="card" aria-labelledby="lexicons-title">
      <h2 id="lexicons-title">Lexicons</h2>
      <p class="muted small">
        Spectrum lexicons score each part from risk-forward to opportunity-forward; lens lexicons decide the lens. Hover a
        name for its description.
      </p>
      <table class="lexicon-table">
        <thead>
          <tr>
            <th scope="col">On</th>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Version</th>
            <th scope="col">Entries</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {catalog.map(({ lexicon, builtin }) => {
            const locked = isLastSpectrum(settings, catalog, lexicon.id);
            return (
              <tr key={lexicon.id} data-lexicon-id={lexicon.id}>
                <td>
                  <input
                    type="checkbox"
                    role="switch"
                    class="switch"
                    aria-label={`Use ${lexicon.name}`}
                    title={locked ? LAST_SPECTRUM_REASON : undefined}
                    checked={enabled.has(lexicon.id)}
                    disabled={locked}
                    onChange={(e) => toggle(lexicon.id, (e.currentTarget as HTMLInputElement).checked)}
                  />
                </td>
                <th scope="row" title={lexicon.description}>
                  {lexicon.name}
                  <span class="tag">{builtin ? 'built-in' : 'custom'}</span>
                  <div class="muted small mono">{lexicon.id}</div>
                </th>
                <td>{lexicon.kind}</td>
                <td>{lexicon.version}</td>
                <td>{lexicon.entries.length}</td>
                <td class="actions">
                  <button
                    type="button"
                    aria-label={`Export ${lexicon.name} as JSON`}
                    onClick={() => deps.download(lexiconFileName(lexicon), JSON.stringify(lexicon, null, 2) + '\n', 'application/json')}
                  >
                    Export
                  </button>
                  {!builtin && (
                    <button type="button" class="danger" aria-label={`Remove ${lexicon.name}`} onClick={() => remove(lexicon)}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="status small" role="status" aria-live="polite">
        {notice}
      </p>

      <h3>Import a custom lexicon</h3>
      <p class="muted small">
        A JSON file with <code>id</code>, <code>name</code>, <code>version</code>, <code>description</code>, <code>kind</code>{' '}
        (<code>spectrum</code> or <code>lens</code>) and <code>entries</code> of <code>{'{ pattern, weight, concept?, lens? }'}</code>.
        Export a built-in lexicon to start from an example.
      </p>
      <label for="lexicon-file">Lexicon file (JSON)</label>{' '}
      <input
        id="lexicon-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) void importFile(file).finally(() => (input.value = ''));
        }}
      />
      <ImportFeedback
        state={importState}
        onConfirm={(lexicon) => void commit(lexicon, 'Replaced with')}
        onCancel={() => setImportState({ kind: 'done', message: 'Import cancelled; nothing changed.' })}
      />
    </section>
  );
}

function ImportFeedback({
  state,
  onConfirm,
  onCancel,
}: {
  state: ImportState;
  onConfirm(lexicon: Lexicon): void;
  onCancel(): void;
}) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'done') {
    return (
      <p class="status small" role="status" data-testid="import-status">
        {state.message}
      </p>
    );
  }
  if (state.kind === 'errors') {
    return (
      <div class="import-errors" role="alert" data-testid="import-errors">
        <p class="error">
          “{state.fileName}” was not imported ({state.errors.length} {state.errors.length === 1 ? 'problem' : 'problems'}):
        </p>
        <ul>
          {state.errors.map((error, i) => (
            <li key={i} class="mono small">
              {error}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const { lexicon, existing } = state.plan;
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="replace-question" data-testid="import-confirm">
      <p id="replace-question">
        A custom lexicon with id <code>{lexicon.id}</code> already exists (“{existing.name}”, version {existing.version}). Replace
        it with “{lexicon.name}”, version {lexicon.version}?
      </p>
      <button type="button" class="primary" onClick={() => onConfirm(lexicon)}>
        Replace
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
