/**
 * Loads the content script's lazy parts on first use (the content-script budget of DESIGN §9.1): the transcript
 * drawer's body (virtual list, find, highlighting, keyboard and copy: ~6 KB gzip that most visits never use), the
 * diagnostics box (shown only when a part of the page or every caption strategy failed) and the reader of YouTube's
 * transcript panel (the last-resort caption strategy).
 *
 * Each is built apart (build/lazy-chunks.ts), listed in `web_accessible_resources` for YouTube pages, and imported
 * with a dynamic `import()` of its extension URL: in Chrome and in Firefox a module imported by a content script
 * runs in the content script's isolated world, not in the page's. It brings no preact: `bindPreact` hands it this
 * script's own hooks and JSX runtime first.
 */
import { Component, h, type ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { browser } from 'wxt/browser';
import type { DiagnosticsBoxProps } from './components/diagnostics-box';
import type { TranscriptDrawerProps } from './components/transcript-drawer';
import { DIAGNOSTICS_CHUNK_FILE, DRAWER_CHUNK_FILE, TRANSCRIPT_PANEL_READER_CHUNK_FILE, type ChunkPreactName } from './lazy-chunks';
import type { TranscriptPanelReader } from '../acquisition/panel-strategy';

export type DrawerBody = ComponentType<TranscriptDrawerProps>;
export type DiagnosticsBoxView = ComponentType<DiagnosticsBoxProps>;

interface Chunk {
  bindPreact(runtime: Record<ChunkPreactName, unknown>): void;
}

const PREACT: Record<ChunkPreactName, unknown> = { useEffect, useLayoutEffect, useMemo, useRef, useState, jsx, jsxs, Fragment, Component, h };

/**
 * A chunk's module, bound to this script's preact. The browser's module map fetches and evaluates a chunk once per
 * page; a later call (another panel after navigation) gets the same module back, so binding it again is a no-op in
 * effect. A failed import is not kept: the next call fetches the file again (checked in Chromium 156: a dynamic
 * import that got a 404 succeeded on the next call), which is how the panel retries.
 */
async function loadChunk<T>(file: string): Promise<T> {
  // A file the build adds (not an entrypoint or public/ file), so WXT's PublicPath type does not list it.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${file}`);
  const chunk = (await import(/* @vite-ignore */ url)) as Chunk & T;
  chunk.bindPreact(PREACT);
  return chunk;
}

/** The transcript drawer's body (transcript-drawer.js). */
export async function loadDrawerBody(): Promise<DrawerBody> {
  return (await loadChunk<{ TranscriptDrawerBody: DrawerBody }>(DRAWER_CHUNK_FILE)).TranscriptDrawerBody;
}

/** The diagnostics box (diagnostics-box.js). */
export async function loadDiagnosticsBox(): Promise<DiagnosticsBoxView> {
  return (await loadChunk<{ DiagnosticsBox: DiagnosticsBoxView }>(DIAGNOSTICS_CHUNK_FILE)).DiagnosticsBox;
}

/** The `panel` caption strategy's reader (transcript-panel-reader.js). */
export async function loadTranscriptPanelReader(): Promise<TranscriptPanelReader> {
  return (await loadChunk<{ readTranscriptPanel: TranscriptPanelReader }>(TRANSCRIPT_PANEL_READER_CHUNK_FILE)).readTranscriptPanel;
}
