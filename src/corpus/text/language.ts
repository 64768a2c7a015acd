/**
 * The language of a page for the classifier: core's detectLanguage first (sv, en, de, fr, es, pt),
 * then the classifier's own function-word lists (it, nl, da, nb, id, ru), then the script
 * (Hangul → ko, kana → ja, Han → zh). "und" when nothing is clear.
 */
import { detectLanguage } from '../../core/lang';
import { FUNCTION_WORDS } from './lexicon';

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Devanagari}/gu, 'hi'],
];

export function guessLanguage(sample: string): string {
  const core = detectLanguage(sample);
  if (core.lang !== 'und') return core.lang;
  const text = sample.slice(0, 20_000);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 'und';
  for (const [re, lang] of SCRIPTS) {
    const n = text.match(re)?.length ?? 0;
    // Japanese text is mostly Han with some kana: a little kana is enough.
    if (n / letters > (lang === 'ja' ? 0.1 : 0.3)) return lang;
  }
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (tokens.length < 20) return 'und';
  let best = 'und';
  let bestShare = 0;
  let second = 0;
  for (const [lang, words] of FUNCTION_WORDS) {
    let hits = 0;
    for (const t of tokens) if (words.has(t)) hits++;
    const share = hits / tokens.length;
    if (share > bestShare) {
      second = bestShare;
      bestShare = share;
      best = lang;
    } else if (share > second) second = share;
  }
  return bestShare >= 0.15 && bestShare >= second * 1.25 ? best : 'und';
}
