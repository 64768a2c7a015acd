#!/usr/bin/env node
// Runs Mozilla's addons-linter on dist/firefox. Passes with 0 errors and 0 warnings from our own
// code. Known findings in third-party runtimes are allowed only by exact code and chunk, each
// with the reason (also listed in the README).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import linter from 'addons-linter';

/**
 * Each allowed finding names the code, the file and the code at the reported position, so that
 * an allowance for a library never covers our own code in the same bundle.
 * @type {{ code: string; file: RegExp; at: RegExp; why: string }[]}
 */
const ALLOWED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(?:assets\/vendor-preact-[\w-]+\.js|src\/content\/index\.js)$/,
    // Preact's diff: `e.innerHTML=f.__html` for the dangerouslySetInnerHTML prop.
    at: /^[\w$]+\.innerHTML=[\w$]+\.__html/,
    why: "Preact's support for dangerouslySetInnerHTML; our ESLint config forbids that prop, so no text reaches it.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^declutter\.js$/,
    // Readability.js: `page.innerHTML = pageCacheHtml` (restoring its own copy between attempts)
    // and `tmp.innerHTML = noscript.innerHTML` (images inside <noscript>).
    at: /^[\w$]+\.innerHTML=(?:[\w$]+,this\._attempts|[\w$]+\.innerHTML;)/,
    why: 'Readability.js re-parsing markup of the copy of the page it works on (findArticle clones the document: no browsing context, nothing loads or runs); no page text is written into the live page.',
  },
];

/** The built files, to read the code at a finding's position (the zip holds the same files). */
const BUILT = 'dist/firefox';

/** @param {{ file?: string; line?: number; column?: number }} f */
function codeAt(f) {
  if (!f.file || !f.line || f.column === undefined) return '';
  try {
    const line = readFileSync(join(BUILT, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
    // addons-linter columns point at the assignment's target: look a little to the left.
    const start = Math.max(0, f.column - 40);
    const window = line.slice(start, f.column + 60);
    const m = /[\w$]+\.innerHTML=[\w$]+\.__html/.exec(window) ?? /[\w$]+\.innerHTML=[^=]{0,40}/.exec(line.slice(Math.max(0, f.column - 5)));
    return m ? m[0] : window;
  } catch {
    return '';
  }
}

const dir = process.argv[2] ?? 'dist/firefox';
const instance = linter.createInstance({
  config: {
    _: [dir],
    logLevel: 'fatal',
    stack: false,
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: true,
    selfHosted: false,
    privileged: false,
    enableBackgroundServiceWorker: false,
  },
  runAsBinary: false,
});
/** @type {{ errors: Finding[]; warnings: Finding[]; notices: Finding[] }} */
const result = await instance.run();
/** @typedef {{ code: string; message: string; file?: string; line?: number; column?: number }} Finding */

/** @param {Finding} f */
const where = (f) => `${f.file ?? 'manifest'}${f.line ? `:${f.line}` : ''}`;
let failed = 0;
let allowedCount = 0;
for (const f of result.errors) {
  console.error(`error   ${f.code} ${where(f)}: ${f.message}`);
  failed++;
}
for (const f of result.warnings) {
  const allowed = ALLOWED.find((a) => a.code === f.code && a.file.test(f.file ?? '') && a.at.test(codeAt(f)));
  if (allowed) {
    allowedCount++;
    console.log(`allowed ${f.code} ${where(f)} (third-party: ${allowed.why})`);
  } else {
    console.error(`warning ${f.code} ${where(f)}: ${f.message}`);
    failed++;
  }
}
for (const f of result.notices) console.log(`notice  ${f.code} ${where(f)}: ${f.message}`);
console.log(
  `addons-linter ${dir}: ${result.errors.length} errors, ${result.warnings.length} warnings (${allowedCount} allowed third-party), ${result.notices.length} notices`,
);
process.exit(failed > 0 ? 1 : 0);
