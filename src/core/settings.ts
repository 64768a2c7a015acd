/** User settings. Stored in the `settings` object store (a user store: survives corpus upgrades). */

export interface FeatureSwitches {
  highlights: boolean;
  declutter: boolean;
}

export interface GlobalSettings extends FeatureSwitches {
  theme: 'system' | 'light' | 'dark';
}

/** Per-site overrides; an absent field means "follow the global switch". */
export type SiteSettings = Partial<FeatureSwitches>;

export const DEFAULT_SETTINGS: GlobalSettings = { highlights: true, declutter: true, theme: 'system' };

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
