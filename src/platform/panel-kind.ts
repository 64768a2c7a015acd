/** What the browser calls its panel: Chrome's side panel, Firefox's sidebar (apart from ./panel.ts, so the content script need not carry the polyfill). */
export const SIDE_PANEL_KIND: 'side panel' | 'sidebar' = __BROWSER__ === 'chrome' ? 'side panel' : 'sidebar';
