/**
 * The walls-only declutter script (walls.js): undoes ad-blocker walls on any page where declutter
 * is on, article or not (a front page can carry a wall too). Small, without the article finder.
 * Run by the background in the top frame once the content script has reported. See ./injected.ts.
 */
import { startDeclutter } from './injected';

void startDeclutter('walls');
