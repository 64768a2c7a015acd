// The machine a benchmark ran on.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { findBrowser } from '../lib/browsers.mjs';

export function machine() {
  let chromium = 'not found';
  try {
    chromium = execFileSync(findBrowser('chromium'), ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    /* no Chromium: the page-cost part is skipped too */
  }
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}
