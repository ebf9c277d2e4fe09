/**
 * The non-WEB clients the same-origin `youtubei/v1/player` request is made as, in the order they are tried, all
 * in one place. ANDROID's caption URLs are not token-gated (fixture player_android_2025-06_GJLlxj_dtq8.json, client
 * 20.10.38), but it answers "confirm you're not a bot" more and more; then ANDROID_VR is asked (FACTS §8:
 * Ivorisnoob/Koda PR #96 switched to it) before the transcript panel.
 *
 * INFERRED: ANDROID_VR's client fields. No source we hold documents them (FACTS §8 names the client only). The
 * values below are the Oculus Quest build other open-source clients are known to send; correct them here from a
 * capture. `headerId` is the numeric `x-youtube-client-name`.
 */
export interface PlayerClient {
  /** `context.client.clientName`: also what the panel's "what was tried" list and the diagnostics name. */
  clientName: 'ANDROID' | 'ANDROID_VR';
  clientVersion: string;
  headerId: string;
  /** The rest of `context.client`. */
  fields: Readonly<Record<string, string | number>>;
  /** Where the fields come from. */
  provenance: 'fixture' | 'inferred';
}

export const ANDROID_CLIENT: PlayerClient = {
  clientName: 'ANDROID',
  clientVersion: '20.10.38',
  headerId: '3',
  fields: { androidSdkVersion: 30 },
  provenance: 'fixture',
};

export const ANDROID_VR_CLIENT: PlayerClient = {
  clientName: 'ANDROID_VR',
  clientVersion: '1.62.27',
  headerId: '28',
  fields: { deviceMake: 'Oculus', deviceModel: 'Quest 3', androidSdkVersion: 32, osName: 'Android', osVersion: '12L' },
  provenance: 'inferred',
};

/** Tried in this order; the next one only when the previous answered the bot check. */
export const CLEAN_URL_CLIENTS: readonly PlayerClient[] = [ANDROID_CLIENT, ANDROID_VR_CLIENT];
