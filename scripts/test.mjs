#!/usr/bin/env node
// `npm test`: every check, in order, with a summary. Steps after a failure still run when they
// can (a lint error should not hide a failing browser test); steps that need the build skip
// when it failed. Exits non-zero if anything failed. Under CI=true the browser suites are
// mandatory: a missing browser fails them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import pkg from '../package.json' with { type: 'json' };
import { browserPath } from './lib/browsers.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
mkdirSync('artifacts', { recursive: true });

/** @typedef {{ name: string; ok: boolean; seconds: number; passed: number; failed: number; skipped: boolean; failures?: string[] }} StepResult */
/** @type {StepResult[]} */
const results = [];

/**
 * @param {string} name @param {string} cmd @param {readonly string[]} args
 * @param {{ needs?: string; vitestReport?: string }} [opts]
 */
function step(name, cmd, args, opts = {}) {
  if (opts.needs && !results.find((r) => r.name === opts.needs)?.ok) {
    console.log(`\n── ${name}: skipped (${opts.needs} failed)`);
    results.push({ name, ok: false, seconds: 0, passed: 0, failed: 1, skipped: true });
    return;
  }
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const start = performance.now();
  if (opts.vitestReport) rmSync(opts.vitestReport, { force: true });
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  const seconds = (performance.now() - start) / 1000;
  const ok = r.status === 0;
  let passed = ok ? 1 : 0;
  let failed = ok ? 0 : 1;
  /** @type {string[]} */
  const failures = [];
  if (opts.vitestReport) {
    try {
      /** @type {VitestReport} */
      const report = JSON.parse(readFileSync(opts.vitestReport, 'utf8'));
      passed = report.numPassedTests;
      // A file that fails to load (e.g. a missing browser under CI) fails no test but its suite.
      failed = report.numFailedTests + (report.numFailedTests === 0 && !ok ? 1 : 0);
      failures.push(...failureLines(report));
    } catch {
      /* no report: the runner itself failed; counted as one failure */
    }
  }
  results.push({ name, ok, seconds, passed, failed, skipped: false, failures });
}

/**
 * @typedef {{
 *   numPassedTests: number; numFailedTests: number;
 *   testResults?: { name: string; status: string; message?: string;
 *     assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[]
 * }} VitestReport
 */

/**
 * One line per failed test (file, name, the first line of its error), so the summary at the end of
 * a long log (all a CI page may keep) still says what failed.
 * @param {VitestReport} report
 */
function failureLines(report) {
  const first = (/** @type {string | undefined} */ m) =>
    (m ?? '')
      .split('\n')
      .find((l) => l.trim())
      ?.trim()
      .slice(0, 240) ?? '';
  /** @type {string[]} */
  const lines = [];
  for (const file of report.testResults ?? []) {
    const rel = file.name.replace(process.cwd() + '/', '');
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) lines.push(`${rel} > ${a.fullName}: ${first(a.failureMessages?.[0])}`);
    if (failedTests.length === 0 && file.status === 'failed') lines.push(`${rel}: ${first(file.message)}`);
  }
  return lines;
}

const vitest = (/** @type {string} */ project) => {
  const report = `artifacts/vitest-${project}.json`;
  return /** @type {const} */ ([
    npx,
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    report,
  ]);
};

step('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('typecheck (node)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
step('lint', npx, ['eslint', '--max-warnings', '0', '.']);
step('format', npx, ['prettier', '--check', '.']);
{
  const [cmd, args, report] = vitest('unit');
  step('unit tests', cmd, args, { vitestReport: report });
}
step('build', process.execPath, ['scripts/build.mjs']);
step('package', process.execPath, ['scripts/package.mjs', '--no-build'], { needs: 'build' });
// The store artifact itself is what Mozilla's linter checks.
step('addons-linter', process.execPath, ['scripts/lint-firefox.mjs', `dist/news-context-${pkg.version}-firefox.zip`], { needs: 'package' });
{
  const [cmd, args, report] = vitest('e2e');
  step('browser tests', cmd, args, { needs: 'build', vitestReport: report });
}

if (browserPath('chromium') || process.env.CI === 'true') {
  step('demo (npm start)', process.execPath, ['scripts/start.mjs', '--headless', '--no-build'], { needs: 'build' });
} else {
  console.log('\n── demo (npm start): SKIPPING, chromium is not installed');
}

console.log('\n── summary');
for (const r of results) {
  const what = r.skipped ? 'SKIPPED' : r.ok ? 'ok' : 'FAILED';
  console.log(`  ${what.padEnd(7)} ${r.name.padEnd(18)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.passed} passed, ${r.failed} failed`);
}
const failureList = results.flatMap((r) => r.failures ?? []);
if (failureList.length > 0) {
  console.log('\nfailed:');
  for (const line of failureList) console.log(`  ✗ ${line}`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
