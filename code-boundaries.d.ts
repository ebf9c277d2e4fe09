/** Types of code-boundaries.js (plain JS so that eslint.config.js can import it). */
export declare const PURE_CORE: readonly string[];
export declare const NODE_ONLY: readonly string[];
export declare const EXTENSION_CODE: readonly string[];
export declare function globsOf(entries: readonly string[]): string[];
