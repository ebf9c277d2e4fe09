/** The options page: display settings, lexicon management and export of the current map. */
import '../shared/ui.css';
import './options.css';
import type { Settings } from '../../settings/settings';
import type { UiDeps } from '../shared/ui-deps';
import useSettings from '../shared/use-settings';
import DisplaySettings from './display-settings';
import LibraryPrivacy from '../shared/library-privacy';
import LexiconManager from './lexicon-manager';
import MapExport from './map-export';
import ShowAnywayChoices from './show-anyway-choices';

export default function OptionsApp({ deps }: { deps: UiDeps }) {
  const { settings, update } = useSettings(deps.settings);
  const patch = (change: Partial<Settings>) => void update((current) => ({ ...current, ...change }));

  return (
    <main class="options">
      <header>
        <h1>Perspective Map for YouTube — Options</h1>
        <p class="muted">Changes are saved at once; open watch pages update by themselves.</p>
      </header>
      {settings ? (
        <>
          <DisplaySettings settings={settings} onChange={patch} />
          <LexiconManager deps={deps} settings={settings} update={update} />
          <section aria-label="Episode library">
            <h2>Your library</h2>
            <p>
              Every episode you map is kept in your library on this computer.{' '}
              <button type="button" class="link" data-action="open-library" onClick={() => void deps.openLibraryPage()}>
                Open the library
              </button>
            </p>
            <LibraryPrivacy settings={settings} update={update} idPrefix="options" />
          </section>
        </>
      ) : (
        <p class="muted">Loading settings…</p>
      )}
      <ShowAnywayChoices deps={deps} />
      <MapExport deps={deps} />
      <p class="muted small">
        Captions are an imperfect primary source: they mis-hear names and terms, so read the map as a guide, not a verdict.
      </p>
    </main>
  );
}
