import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The replica's `<video>` source: a silent PCM WAV (8-bit mono at 3 kHz, Chromium's lowest accepted rate), so a
 * real media element loads, plays and seeks anywhere in the longest episode without ffmpeg or a binary fixture
 * in git. 3,000 bytes per second: a 2.5 h episode costs ~27 MB, written once into tests/e2e/.cache/.
 */
export const SAMPLE_RATE = 3000;
const HEADER_BYTES = 44;

export function wavHeader(seconds: number): Buffer {
  const dataBytes = Math.ceil(seconds) * SAMPLE_RATE;
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16); // PCM chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE, 28); // byte rate
  h.writeUInt16LE(1, 32); // block align
  h.writeUInt16LE(8, 34); // bits per sample
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** Duration of an existing silence file, or 0 when it is missing or not ours. */
export function wavSeconds(file: string): number {
  if (!existsSync(file)) return 0;
  const fd = openSync(file, 'r');
  try {
    const h = Buffer.alloc(HEADER_BYTES);
    readSync(fd, h, 0, HEADER_BYTES, 0);
    if (h.toString('ascii', 0, 4) !== 'RIFF' || h.readUInt32LE(24) !== SAMPLE_RATE) return 0;
    const dataBytes = h.readUInt32LE(40);
    return statSync(file).size === HEADER_BYTES + dataBytes ? dataBytes / SAMPLE_RATE : 0;
  } finally {
    closeSync(fd);
  }
}

/** Writes the file unless an existing one is already long enough. Returns its duration in seconds. */
export function ensureSilenceWav(file: string, minSeconds: number): number {
  const existing = wavSeconds(file);
  if (existing >= minSeconds) return existing;
  mkdirSync(dirname(file), { recursive: true });
  const seconds = Math.ceil(minSeconds);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, wavHeader(seconds));
    const block = Buffer.alloc(SAMPLE_RATE * 60, 0x80); // 8-bit PCM silence is the midpoint 0x80
    for (let left = seconds * SAMPLE_RATE; left > 0; left -= block.length) writeSync(fd, block, 0, Math.min(block.length, left));
  } finally {
    closeSync(fd);
  }
  return seconds;
}
