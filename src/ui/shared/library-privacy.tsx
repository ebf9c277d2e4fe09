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
  const whole = (value: string, min: number, max: number): number | null => {
    const n = Math.round(Number(value));
    return Number.isFinite(n) && n >= min && n <= max ? n : null;
  };
  return (
    <fieldset class="library-privacy">
      <legend>Episode library</legend>
      <RecordingToggle settings={settings} update={update} idPrefix={idPrefix} />
      <label class="toggle">
        <input type="checkbox" data-setting="library-keep-episodes-on" checked={lib.keepEpisodes !== null} onChange={(e) => patch({ keepEpisodes: (e.currentTarget as HTMLInputElement).checked ? DEFAULT_KEEP_EPISODES : null })} />
        Keep at most
        <input
          type="number"
          min={1}
          max={1000000}
          class="small-number"
          aria-label="Episodes to keep"
          data-setting="library-keep-episodes"
          disabled={lib.keepEpisodes === null}
          value={lib.keepEpisodes ?? DEFAULT_KEEP_EPISODES}
          onChange={(e) => {
            const n = whole((e.currentTarget as HTMLInputElement).value, 1, 1_000_000);
            if (n !== null) patch({ keepEpisodes: n });
          }}
        />
        episodes (the least recently watched go first)
      </label>
      <label class="toggle">
        <input type="checkbox" data-setting="library-keep-days-on" checked={lib.keepDays !== null} onChange={(e) => patch({ keepDays: (e.currentTarget as HTMLInputElement).checked ? DEFAULT_KEEP_DAYS : null })} />
        Forget episodes not watched for
        <input
          type="number"
          min={1}
          max={36500}
          class="small-number"
          aria-label="Days to keep"
          data-setting="library-keep-days"
          disabled={lib.keepDays === null}
          value={lib.keepDays ?? DEFAULT_KEEP_DAYS}
          onChange={(e) => {
            const n = whole((e.currentTarget as HTMLInputElement).value, 1, 36_500);
            if (n !== null) patch({ keepDays: n });
          }}
        />
        days
      </label>
      <p class="muted small">The library stays on this computer. Nothing is recorded from private windows. Limits apply at the next recording and when the library page opens.</p>
    </fieldset>
  );
}
