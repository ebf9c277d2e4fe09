/**
 * The episode library's privacy switches (on the options page and the library page; the popup has the pause
 * switch alone): recording on or paused, and the optional retention limits. Written to settings at once.
 */
import type { Settings } from '../../settings/settings';
import type { SettingsHandle } from './use-settings';

const DEFAULT_KEEP_EPISODES = 1000;
const DEFAULT_KEEP_DAYS = 365;

type Library = Settings['library'];

export function RecordingToggle({ settings, update, idPrefix }: { settings: Settings; update: SettingsHandle['update']; idPrefix: string }) {
  const set = (recording: boolean) => void update((s) => ({ ...s, library: { ...s.library, recording } }));
  return (
    <label class="toggle" for={`${idPrefix}-recording`}>
      <input id={`${idPrefix}-recording`} type="checkbox" data-setting="library-recording" checked={settings.library.recording} onChange={(e) => set((e.currentTarget as HTMLInputElement).checked)} />
      Record the episodes I map in my library{settings.library.recording ? '' : ' (paused)'}
    </label>
  );
}

export default function LibraryPrivacy({ settings, update, idPrefix }: { settings: Settings; update: SettingsHandle['update']; idPrefix: string }) {
  const lib = settings.library;
  const patch = (change: Partial<Library>) => void update((s) => ({ ...s, library: { ...s.library, ...change } }));
  return (
    <fieldset class="library-privacy">
      <legend>Episode library</legend>
      <RecordingToggle settings={settings} update={update} idPrefix={idPrefix} />
      <RetentionLimit
        value={lib.keepEpisodes}
        fallback={DEFAULT_KEEP_EPISODES}
        max={1_000_000}
        setting="library-keep-episodes"
        label="Episodes to keep"
        before="Keep at most"
        after="episodes (the least recently watched go first)"
        onChange={(keepEpisodes) => patch({ keepEpisodes })}
      />
      <RetentionLimit
        value={lib.keepDays}
        fallback={DEFAULT_KEEP_DAYS}
        max={36_500}
        setting="library-keep-days"
        label="Days to keep"
        before="Forget episodes not watched for"
        after="days"
        onChange={(keepDays) => patch({ keepDays })}
      />
      <p class="muted small">The library stays on this computer. Nothing is recorded from private windows. Limits apply at the next recording and when the library page opens.</p>
    </fieldset>
  );
}

/**
 * One optional retention limit: a switch (`<setting>-on`; null when off, `fallback` when switched on) and its
 * whole number from 1 to `max` (anything else typed is ignored).
 */
function RetentionLimit(props: { value: number | null; fallback: number; max: number; setting: string; label: string; before: string; after: string; onChange: (value: number | null) => void }) {
  const { value, fallback, max, setting, onChange } = props;
  return (
    <label class="toggle">
      <input type="checkbox" data-setting={`${setting}-on`} checked={value !== null} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? fallback : null)} />
      {props.before}
      <input
        type="number"
        min={1}
        max={max}
        class="small-number"
        aria-label={props.label}
        data-setting={setting}
        disabled={value === null}
        value={value ?? fallback}
        onChange={(e) => {
          const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
          if (Number.isFinite(n) && n >= 1 && n <= max) onChange(n);
        }}
      />
      {props.after}
    </label>
  );
}
