/** Replaced at build time (vite.config.ts `define`); dead branches are removed from each bundle. */
declare const __BROWSER__: 'chrome' | 'firefox';
/** Identifies the bundled corpus.json of this build. */
declare const __CORPUS_BUILD__: string;

/** Stylesheets imported for their side effect; Vite bundles them. */
declare module '*.css';
