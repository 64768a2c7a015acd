/** Marks every element of our own UI on a page, so that we never read, scan or observe it. */
export const OWN_UI_ATTR = 'data-news-context-ui';
