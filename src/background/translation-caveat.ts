import type { Confidence, PerspectiveMap } from '../scoring/perspective-map';

/**
 * SHIM until the scorer takes `machineTranslated` itself (/work/notes/stance-ui-requests.md §1): a map made
 * from YouTube's machine translation is one confidence step lower, with the reason listed. Idempotent — a
 * map whose reasons already mention the translation (the scorer's own step) is returned as it is.
 */
export const TRANSLATION_REASON = "machine-translated captions (YouTube's English translation): the wording is the translator's";

const LOWER: Readonly<Record<Confidence, Confidence>> = { high: 'medium', medium: 'low', low: 'low' };

export function withTranslationCaveat(map: PerspectiveMap, machineTranslated: boolean): PerspectiveMap {
  if (!machineTranslated) return map;
  const reasons = map.headline.confidenceReasons;
  if (reasons.some((reason) => /machine[- ]translat/i.test(reason))) return map;
  return {
    ...map,
    headline: { ...map.headline, confidence: LOWER[map.headline.confidence], confidenceReasons: [...reasons, TRANSLATION_REASON] },
  };
}
