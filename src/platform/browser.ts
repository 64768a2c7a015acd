/** The single import point of webextension-polyfill: promise-based `browser.*` in both browsers. */
import browser from 'webextension-polyfill';

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export default browser;

/** Our own extension's id and page origin, for sender checks. */
export function selfIdentity(): { id: string; origin: string } {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('') };
}
