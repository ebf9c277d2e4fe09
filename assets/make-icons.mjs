#!/usr/bin/env node
/**
 * Generates the extension icons (public/icon/{16,32,48,128}.png; WXT puts them in the manifest).
 * An original design: a dark rounded tile with an "episode arc" of bars rising and falling around a
 * zero line, coloured along the panel's amber → cyan → white scale. No image libraries: RGBA pixels,
 * 4× supersampling for smooth edges, PNG written with node:zlib.
 *
 *   node assets/make-icons.mjs            # writes the PNGs next to the manifest's public/ folder
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const SIZES = [16, 32, 48, 128];

// Bars: signed heights (−1…1 of half the tile) and their score on the −100…100 scale (for colour).
const BARS = [
  { h: -0.55, score: -90 },
  { h: 0.3, score: -20 },
  { h: 0.75, score: 20 },
  { h: -0.35, score: -55 },
  { h: 0.95, score: 95 },
];

const AMBER = [255, 176, 0];
const CYAN = [34, 199, 224];
const WHITE = [255, 255, 255];
const TILE = [24, 24, 28];

function colourFor(score) {
  const f = (Math.max(-100, Math.min(100, score)) + 100) / 200;
  const [a, b, t] = f <= 0.5 ? [AMBER, CYAN, f / 0.5] : [CYAN, WHITE, (f - 0.5) / 0.5];
  return a.map((c, i) => c + (b[i] - c) * t);
}

/** Colour (RGBA 0…255) of the design at a point in unit coordinates (0…1), or null for transparent. */
function shade(x, y) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const pad = 0.14;
  const slot = (1 - 2 * pad) / BARS.length;
  const i = Math.floor((x - pad) / slot);
  const bar = BARS[i];
  if (bar && x >= pad && x < 1 - pad) {
    const within = (x - pad - i * slot) / slot;
    const half = 0.34; // half the arc's height
    const top = bar.h > 0 ? 0.5 - bar.h * half : 0.5;
    const bottom = bar.h > 0 ? 0.5 : 0.5 - bar.h * half;
    if (within > 0.14 && within < 0.86 && y >= top && y <= bottom) return [...colourFor(bar.score), 255];
  }
  if (Math.abs(y - 0.5) < 0.012 && x > pad * 0.7 && x < 1 - pad * 0.7) return [120, 120, 128, 255]; // zero line
  return [...TILE, 255];
}

function render(size) {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round(a / (ss * ss));
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`${file} (${size}×${size})`);
}
