// Intentionally empty. tsconfig.extension.json resolves `/// <reference types="node" />` here: WXT's typings import
// vite's, which reference Node's types, and would otherwise make `process`, `Buffer` and `node:*` typecheck in
// extension code (code that runs in a browser).
export {};
