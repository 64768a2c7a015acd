/**
 * The declutter script of article pages (declutter.js): ad-blocker walls and the boilerplate
 * around the article, found with the corpus pipeline's article finder. Run by the background
 * (scripting.executeScript) only in the top frame of article pages where declutter is on, so other
 * pages never pay for the finder it carries. See ./injected.ts.
 */
import { findArticle } from '../corpus/extract-html';
import { markBoilerplate } from '../page/declutter/boilerplate';
import { startDeclutter } from './injected';

void startDeclutter('full', { find: findArticle, mark: markBoilerplate });
