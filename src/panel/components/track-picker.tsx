/** The caption track the map was made from, and a picker to map another one. */
import { isMachineTranslated, type TrackRef } from '../../captions/caption-track';

export interface TrackPickerProps {
  track?: TrackRef;
  tracks?: readonly TrackRef[];
  onTrackChange(vssId: string): void;
}

export function TrackPicker({ track, tracks, onTrackChange }: TrackPickerProps) {
  const choices = tracks ?? [];
  if (!track && choices.length === 0) return null;
  // The lexicons are English: a map of YouTube's translation says so next to the track (issue 8).
  const note = track && isMachineTranslated(track) ? (
    <span class="track-note" data-machine-translated="true">
      machine-translated
    </span>
  ) : null;
  if (choices.length <= 1 || !track) {
    return (
      <span class="track">
        Captions: {track?.name ?? choices[0]?.name}
        {note}
      </span>
    );
  }
  return (
    <label class="track">
      Captions:{' '}
      <select
        value={track.vssId}
        onChange={(event) => {
          const vssId = (event.currentTarget as HTMLSelectElement).value;
          if (vssId && vssId !== track.vssId) onTrackChange(vssId);
        }}
      >
        {choices.map((t) => (
          <option key={t.vssId} value={t.vssId}>
            {t.name}
          </option>
        ))}
      </select>
      {note}
    </label>
  );
}
