/**
 * INFERRED — YouTube's Content-Security-Policy header for watch pages.
 *
 * Source: YOUTUBE-FACTS §3 (the header quoted in ghostery/trackerdb#1146, May 2026, and an identical anonymous
 * capture dated 2026-08-16): three policies joined by commas in one header. The quotes elide the middle of the
 * first policy's host allowlist ("https://www.google.com …") and the report endpoints; those parts are filled
 * in here by guess and matter little, because the binding constraints are:
 *  - `require-trusted-types-for 'script'` (innerHTML & co. throw without a TrustedHTML; no `trusted-types`
 *    allowlist, so any policy name may be created, `default` only once);
 *  - a per-response nonce with `'strict-dynamic'`: only scripts carrying the nonce (and what they load) run.
 * Correct this file from a real capture; nothing else needs to change.
 */
export function contentSecurityPolicy(nonce: string): string {
  const allowlist = [
    "script-src 'unsafe-eval' 'self' 'unsafe-inline' https://www.google.com https://apis.google.com",
    'https://ssl.gstatic.com https://www.gstatic.com https://www.googletagmanager.com https://www.google-analytics.com',
    'https://*.youtube.com https://*.google.com https://*.gstatic.com https://youtube.com https://www.youtube.com',
    'https://*.googlevideo.com https://*.ytimg.com https://*.doubleclick.net https://fonts.googleapis.com',
    ';report-uri /cspreport/allowlist',
  ].join(' ');
  const trustedTypes = "require-trusted-types-for 'script'";
  const strict = `base-uri 'self';object-src 'none';script-src 'report-sample' 'nonce-${nonce}' 'unsafe-inline' 'strict-dynamic' https: http: 'unsafe-eval';report-uri /cspreport/strict`;
  return [allowlist, trustedTypes, strict].join(', ');
}
