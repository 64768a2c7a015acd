/**
 * The entity registry: a small list of what the text alone cannot give. The type of a well-known
 * name ("Meta" is a company), names in other languages ("Turingpriset" is the "Turing Award"),
 * and Wikidata ids. It is data (assets/registry.json), passed in by the caller: nothing here reads
 * files. Descriptions never come from the registry; they are always quoted from an article.
 */
import type { EntityType } from '../../core/corpus';
import { fold } from './tokens';

export const REGISTRY_VERSION = 1;

export interface RegistryEntry {
  /** Stable slug, used as the entity id ("meta", "turing-award"). */
  id: string;
  /** Display name ("Turing Award"). */
  name: string;
  type: EntityType;
  /** Other names and spellings, any language ("Turingpriset", "Turing-Preis"). Lower-case aliases match in any case. */
  aliases: string[];
  /** Wikidata item id ("Q185667"), or null. */
  wikidata: string | null;
}

export interface Registry {
  entries: RegistryEntry[];
}

/** A problem found by {@link parseRegistry}, with a JSON path that says where. */
export interface RegistryProblem {
  path: string;
  message: string;
}

export class RegistryError extends Error {
  constructor(readonly problems: RegistryProblem[]) {
    super(`invalid entity registry:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'RegistryError';
  }
}

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'product', 'place', 'event', 'concept', 'work'];

const SLUG = /^[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*$/u;
const QID = /^Q[1-9]\d*$/;
const KEYS = new Set(['id', 'name', 'type', 'aliases', 'wikidata']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates untrusted registry JSON and returns it typed. Throws a {@link RegistryError} listing
 * every problem with its JSON path (`$.entries[3].type: expected one of person, …`), so a bad file
 * is explained at once. No name may belong to two entries (after case and diacritic folding).
 */
export function parseRegistry(json: unknown): Registry {
  const problems: RegistryProblem[] = [];
  const report = (path: string, message: string) => {
    if (problems.length < 100) problems.push({ path, message });
  };
  if (!isObj(json)) throw new RegistryError([{ path: '$', message: 'expected an object' }]);
  if (json.version !== REGISTRY_VERSION) report('$.version', `expected ${REGISTRY_VERSION}, got ${JSON.stringify(json.version)}`);
  for (const k of Object.keys(json)) if (k !== 'version' && k !== 'entries' && k !== '$comment') report(`$.${k}`, 'unknown key');
  if (!Array.isArray(json.entries)) {
    report('$.entries', 'expected an array');
    throw new RegistryError(problems);
  }
  const entries: RegistryEntry[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, string>(); // folded name → id of the entry that has it
  json.entries.forEach((raw: unknown, i) => {
    const p = `$.entries[${i}]`;
    if (!isObj(raw)) return report(p, 'expected an object');
    for (const k of Object.keys(raw)) if (!KEYS.has(k)) report(`${p}.${k}`, 'unknown key');
    const { id, name, type, aliases, wikidata } = raw;
    let ok = true;
    if (typeof id !== 'string' || !SLUG.test(id)) {
      report(`${p}.id`, 'expected a lower-case slug like "turing-award"');
      ok = false;
    } else if (ids.has(id)) {
      report(`${p}.id`, `duplicate id "${id}" (also $.entries[${String(ids.get(id))}])`);
      ok = false;
    }
    if (typeof name !== 'string' || name.trim() === '' || name !== name.trim()) {
      report(`${p}.name`, 'expected a non-empty string without surrounding spaces');
      ok = false;
    }
    if (typeof type !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(type)) {
      report(`${p}.type`, `expected one of ${ENTITY_TYPES.join(', ')}`);
      ok = false;
    }
    const aliasList: string[] = [];
    if (aliases !== undefined) {
      if (!Array.isArray(aliases)) {
        report(`${p}.aliases`, 'expected an array of strings');
        ok = false;
      } else
        aliases.forEach((a: unknown, j) => {
          if (typeof a !== 'string' || a.trim() === '' || a !== a.trim()) {
            report(`${p}.aliases[${j}]`, 'expected a non-empty string without surrounding spaces');
            ok = false;
          } else aliasList.push(a);
        });
    }
    if (wikidata !== undefined && wikidata !== null && (typeof wikidata !== 'string' || !QID.test(wikidata))) {
      report(`${p}.wikidata`, 'expected a Wikidata id like "Q42", or null');
      ok = false;
    }
    if (!ok || typeof id !== 'string' || typeof name !== 'string') return;
    ids.set(id, i);
    const own = new Set<string>();
    const exact = new Set<string>();
    [name, ...aliasList].forEach((n, j) => {
      const key = fold(n);
      const path = j === 0 ? `${p}.name` : `${p}.aliases[${j - 1}]`;
      const other = names.get(key);
      // Case variants of one entry's names are fine ("Nvidia", "NVIDIA"); the same name twice, or
      // a name of another entry, is not: a mention could not tell which entry it names.
      if (other !== undefined) report(path, `"${n}" is already a name of "${other}"`);
      else if (exact.has(n)) report(path, `"${n}" repeats a name of this entry`);
      own.add(key);
      exact.add(n);
    });
    for (const k of own) if (!names.has(k)) names.set(k, id);
    entries.push({
      id,
      name,
      type: type as EntityType,
      aliases: aliasList,
      wikidata: typeof wikidata === 'string' ? wikidata : null,
    });
  });
  if (problems.length > 0) throw new RegistryError(problems);
  return { entries };
}
