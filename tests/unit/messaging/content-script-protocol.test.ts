import { describe, expect, expectTypeOf, it } from 'vitest';
import { CONTENT_SCRIPT_PROTOCOL } from '../../../src/messaging/content-script-protocol';
import { createMessageChecks, PROTOCOL_TAG } from '../../../src/messaging/message-checks';
import { BACKGROUND_MESSAGE_TYPES, MESSAGE_TYPES, TAB_MESSAGE_TYPES, type ContentScriptMessageType } from '../../../src/messaging/message-directions';
import { PROTOCOL } from '../../../src/messaging/protocol';

/**
 * The watch-page content script checks its messages against its half of the protocol (content-script-protocol.ts);
 * every other context against the whole (protocol.ts). The two must never drift: the half's entries are the very
 * schema objects PROTOCOL holds, and it covers every message the content script sends or receives.
 */
const SENT = BACKGROUND_MESSAGE_TYPES.filter((type) => type.startsWith('cs-bg:'));
const HALF = CONTENT_SCRIPT_PROTOCOL as Record<string, { args: unknown; answer?: unknown }>;

describe('the content script’s half of the protocol', () => {
  it('lists every type the protocol has, once, by direction', () => {
    expect([...MESSAGE_TYPES].sort()).toEqual(Object.keys(PROTOCOL).sort());
  });

  it('holds exactly the messages the content script sends (cs-bg) and receives (tab messages)', () => {
    expect(Object.keys(CONTENT_SCRIPT_PROTOCOL).sort()).toEqual([...SENT, ...TAB_MESSAGE_TYPES].sort());
  });

  it.each(Object.keys(CONTENT_SCRIPT_PROTOCOL))('%s: the same args schema object as PROTOCOL', (type) => {
    expect(HALF[type]?.args).toBe(PROTOCOL[type as keyof typeof PROTOCOL].args);
  });

  it.each(SENT)('%s (sent by the content script): the same answer schema object as PROTOCOL', (type) => {
    expect(HALF[type]?.answer).toBeDefined();
    expect(HALF[type]?.answer).toBe(PROTOCOL[type].answer);
  });

  it.each(TAB_MESSAGE_TYPES)('%s (answered by the content script, checked by its sender): no answer schema in the half', (type) => {
    expect(HALF[type]).not.toHaveProperty('answer');
  });

  it('infers the same types as PROTOCOL for every entry it has', () => {
    type Half = typeof CONTENT_SCRIPT_PROTOCOL;
    type Full = typeof PROTOCOL;
    expectTypeOf<Half['cs-bg:lookup']>().toEqualTypeOf<Full['cs-bg:lookup']>();
    expectTypeOf<Half['cs-bg:score']>().toEqualTypeOf<Full['cs-bg:score']>();
    expectTypeOf<Half['cs-bg:uploadChunk']>().toEqualTypeOf<Full['cs-bg:uploadChunk']>();
    expectTypeOf<Half['cs-bg:transcript']>().toEqualTypeOf<Full['cs-bg:transcript']>();
    expectTypeOf<Half['bg-cs:progress']['args']>().toEqualTypeOf<Full['bg-cs:progress']['args']>();
    expectTypeOf<Half['ui-cs:summary']['args']>().toEqualTypeOf<Full['ui-cs:summary']['args']>();
    expectTypeOf<Half['ui-cs:rescore']['args']>().toEqualTypeOf<Full['ui-cs:rescore']['args']>();
    expectTypeOf<keyof Half>().toEqualTypeOf<ContentScriptMessageType>();
  });
});

describe('checks over the half', () => {
  const half = createMessageChecks(CONTENT_SCRIPT_PROTOCOL);
  const msg = (type: unknown, args: unknown) => ({ protocol: PROTOCOL_TAG, type, args });

  it('accepts and refuses tab messages like the whole protocol', () => {
    expect(half.validateMessage(msg('ui-cs:summary', {}), TAB_MESSAGE_TYPES).ok).toBe(true);
    expect(half.validateMessage(msg('ui-cs:rescore', { x: 1 }), TAB_MESSAGE_TYPES)).toEqual({
      ok: false,
      error: expect.stringContaining('Malformed "ui-cs:rescore" message') as string,
    });
    expect(half.validateMessage(msg('ui-bg:clearCache', {}), TAB_MESSAGE_TYPES)).toEqual({
      ok: false,
      error: 'Message type "ui-bg:clearCache" is not handled in this context',
    });
  });

  it('checks the answers of what it sends, and refuses to vouch for answers it has no schema for', () => {
    expect(half.validateAnswer('cs-bg:uploadChunk', { ok: true, value: { received: 3 } })).toEqual({ ok: true, value: { received: 3 } });
    expect(half.validateAnswer('cs-bg:uploadChunk', { ok: true, value: { received: -1 } })).toMatchObject({ ok: false, code: 'bad-answer' });
    expect(half.validateAnswer('ui-cs:summary', { ok: true, value: {} })).toMatchObject({ ok: false, code: 'bad-answer' });
    expect(half.validateMessageArgs('ui-bg:cacheStats', {})).toMatchObject({ ok: false });
  });
});
