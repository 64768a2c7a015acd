/** User settings. Stored in the `settings` object store (a user store: survives corpus upgrades). */

export interface FeatureSwitches {
  highlights: boolean;
  declutter: boolean;
}

export interface GlobalSettings extends FeatureSwitches {
  theme: 'system' | 'light' | 'dark';
  /** Reading memory (core/memory.ts): off until the reader says yes. */
  memory: boolean;
  /** Reading memory paused: nothing new is remembered; what is remembered still serves. */
  memoryPaused: boolean;
  /** The reader was asked about reading memory (in the popup or side panel), whatever they answered. */
  memoryAsked: boolean;
}

/** The switches of settings that are on or off, globally (and per site for the features). */
export const SETTING_SWITCHES = ['highlights', 'declutter', 'memory', 'memoryPaused', 'memoryAsked'] as const;

/**
 * Per-site overrides; an absent field means "follow the global switch". `memory: false` excludes the
 * site from reading memory (there is no per-site "on": memory follows the global switch elsewhere).
 */
export type SiteSettings = Partial<FeatureSwitches> & { memory?: boolean };

/** The per-site switches: the features, and memory's exclusion. */
export const SITE_SWITCHES = ['highlights', 'declutter', 'memory'] as const;
export type SiteSwitch = (typeof SITE_SWITCHES)[number];

export const DEFAULT_SETTINGS: GlobalSettings = {
  highlights: true,
  declutter: true,
  theme: 'system',
  memory: false,
  memoryPaused: false,
  memoryAsked: false,
};

/** Whether an article read on `site` may be remembered: memory on, not paused, the site not excluded. */
export function remembersOn(global: GlobalSettings, site: SiteSettings | undefined): boolean {
  return global.memory && !global.memoryPaused && site?.memory !== false;
}

/** What actually applies on a site: the site's override, else the global switch. */
export function effectiveSwitches(global: GlobalSettings, site: SiteSettings | undefined): FeatureSwitches {
  return {
    highlights: site?.highlights ?? global.highlights,
    declutter: site?.declutter ?? global.declutter,
  };
}

/**
 * The key a site's settings are stored under: the URL's host without a leading "www.".
 * Returns null for URLs that are not web pages (we never analyse those).
 */
export function siteKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return u.hostname.toLowerCase().replace(/^www\./, '');
}
