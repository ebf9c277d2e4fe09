/**
 * Where one episode sits against the user's other mapped episodes of the same channel (pure): the panel's
 * one line, e.g. "More risk-forward than 4 of your 5 other episodes from this channel". Positions are
 * `entryPosition` (stance, else median); only shown with at least MIN_OTHERS others, so one or two earlier
 * episodes do not pass for a channel's habit.
 */
import { entryPosition } from './library-entry';
import type { ChannelBaseline, LibraryEntry } from './library-schema';

export type { ChannelBaseline };

export const MIN_OTHERS = 3;

export function channelBaseline(
  self: Pick<LibraryEntry, 'videoId' | 'headline'>,
  channelEntries: readonly Pick<LibraryEntry, 'videoId' | 'headline'>[],
): ChannelBaseline | null {
  const others = channelEntries.filter((entry) => entry.videoId !== self.videoId);
  if (others.length < MIN_OTHERS) return null;
  const position = entryPosition(self);
  let moreRiskForwardThan = 0;
  let moreOpportunityForwardThan = 0;
  for (const other of others) {
    const theirs = entryPosition(other);
    if (position < theirs) moreRiskForwardThan++;
    else if (position > theirs) moreOpportunityForwardThan++;
  }
  const n = others.length;
  const of = `of your ${n} other episodes from this channel`;
  let sentence: string;
  if (moreRiskForwardThan === 0 && moreOpportunityForwardThan === 0) sentence = `Level with all ${n} of your other episodes from this channel`;
  else if (moreRiskForwardThan >= moreOpportunityForwardThan) sentence = `More risk-forward than ${moreRiskForwardThan} ${of}`;
  else sentence = `More opportunity-forward than ${moreOpportunityForwardThan} ${of}`;
  return { others: n, moreRiskForwardThan, moreOpportunityForwardThan, sentence };
}

export default channelBaseline;
