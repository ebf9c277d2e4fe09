/**
 * Loads the transcript drawer's body on first open (the content-script budget of DESIGN §9.1): the drawer — its
 * virtual list, find, highlighting, keyboard and copy — is about 4 KB gzip that most visits never use.
 *
 * The body is built apart as `transcript-drawer.js` (build/drawer-chunk.ts), listed in `web_accessible_resources`
 * for YouTube pages, and imported with a dynamic `import()` of its extension URL: in Chrome and in Firefox a module
 * imported by a content script runs in the content script's isolated world, not in the page's. It brings no
 * preact: `bindPreact` hands it this script's own hooks and JSX runtime first.
 */
import { Component, h, type ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { browser } from 'wxt/browser';
import type { TranscriptDrawerProps } from './components/transcript-drawer';
import { DRAWER_CHUNK_FILE, type DrawerPreactName } from './drawer-chunk';

export type DrawerBody = ComponentType<TranscriptDrawerProps>;

interface DrawerChunk {
  bindPreact(runtime: Record<DrawerPreactName, unknown>): void;
  TranscriptDrawerBody: DrawerBody;
}

const PREACT: Record<DrawerPreactName, unknown> = { useEffect, useLayoutEffect, useMemo, useRef, useState, jsx, jsxs, Fragment, Component, h };

/**
 * The drawer's body. The browser's module map fetches and evaluates the chunk once per page; a later call (another
 * panel after navigation) gets the same module back, so binding it again is a no-op in effect.
 */
export async function loadDrawerBody(): Promise<DrawerBody> {
  // A file the build adds (not an entrypoint or public/ file), so WXT's PublicPath type does not list it.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${DRAWER_CHUNK_FILE}`);
  const chunk = (await import(/* @vite-ignore */ url)) as DrawerChunk;
  chunk.bindPreact(PREACT);
  return chunk.TranscriptDrawerBody;
}
