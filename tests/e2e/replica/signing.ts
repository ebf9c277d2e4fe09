import { createHmac } from 'node:crypto';

/**
 * YouTube signs caption URLs: `sparams` lists the signed parameters and `signature` is a digest over them, so
 * changing any of them breaks the request (Igalia/wolvic#961). The real algorithm is private; the replica
 * models the constraint with an HMAC over the `sparams` values plus `lang` and `kind` (which pick the track),
 * so a client can change `fmt`/`tlang` and append the player tail, but cannot point a URL at another track or
 * video, strip `exp=xpe`, or extend `expire`.
 */
export interface Signer {
  sign(params: URLSearchParams): string;
  verify(params: URLSearchParams): boolean;
  /** The proof-of-origin token the replica's player attaches: bound to the video id, not to the language. */
  potFor(videoId: string): string;
  verifyPot(videoId: string, pot: string | null): boolean;
}

export function createSigner(secret: string): Signer {
  const signedNames = (params: URLSearchParams): string[] => [
    ...(params.get('sparams') ?? '').split(',').filter(Boolean),
    'lang',
    'kind',
  ];
  const digest = (params: URLSearchParams): string => {
    const h = createHmac('sha1', secret);
    for (const name of signedNames(params)) h.update(`${name}=${params.get(name) ?? ''}\n`);
    const hex = h.digest('hex').toUpperCase();
    // Shaped like YouTube's "40HEX.40HEX" signatures.
    const second = createHmac('sha1', secret).update(hex).digest('hex').toUpperCase();
    return `${hex}.${second}`;
  };
  const potFor = (videoId: string): string => {
    const a = createHmac('sha256', secret).update(`pot:${videoId}`).digest();
    const b = createHmac('sha256', secret).update(a).digest();
    return `Mn${Buffer.concat([a, b]).toString('base64url')}`;
  };
  return {
    sign: digest,
    verify: (params) => params.get('signature') === digest(params),
    potFor,
    verifyPot: (videoId, pot) => pot !== null && pot === potFor(videoId),
  };
}
