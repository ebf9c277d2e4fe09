/**
 * The current settings, kept live: changes made elsewhere (the other UI page, the panel collapsing)
 * re-render, and `update` edits the stored value (src/settings/stored-settings.ts): it starts from what is stored and
 * writes only the fields it changed, so two pages (or a page and the watch page) never overwrite each other's change.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../settings/settings';
import type { SettingsStore } from './ui-deps';

export interface SettingsHandle {
  /** null until the first read resolves. */
  settings: Settings | null;
  /** Applies `change` to the stored settings; `change` may return null to write nothing. */
  update(change: (current: Settings) => Settings | null): Promise<Settings | null>;
}

export default function useSettings(store: SettingsStore): SettingsHandle {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let live = true;
    void store.getValue().then((value) => {
      if (live) setSettings(value);
    });
    const unwatch = store.watch((value) => {
      if (live && value) setSettings(value);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [store]);

  const update = useCallback(
    async (change: (current: Settings) => Settings | null) => {
      const next = await store.edit(change);
      if (next !== null) setSettings(next);
      return next;
    },
    [store],
  );

  return { settings, update };
}
