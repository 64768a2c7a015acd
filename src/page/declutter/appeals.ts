/**
 * Does a text appeal to the reader to disable an ad blocker? Pure (no DOM): the text of a
 * candidate wall goes in, a verdict comes out. An appeal names an ad blocker and asks for
 * something about it (disable, pause, allowlist, "we detected"). Paywalls ("subscribe to continue
 * reading") and cookie consent ("we use cookies") name no ad blocker and are never appeals; nor
 * is a text that names one beside paywall, consent or paid-route wording ("disable your ad blocker
 * or subscribe", "whitelist us or become a member"): mixed wording is a paywall, left alone.
 *
 * Languages: English, Swedish, German, French and Spanish, plus Italian, Dutch, Portuguese and
 * Danish/Norwegian where the words are cheap. Matching is case-insensitive and accent-insensitive
 * (the text is folded to lower case without diacritics), with letter boundaries on the left and
 * inflection endings allowed on the right ("Werbeblockern", "annonsblockeraren").
 */

/** Only the first few KB of a text are read: a wall's appeal is short. */
export const APPEAL_TEXT_LIMIT = 4000;

export type AppealLang = 'en' | 'sv' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'da';

export interface AppealScore {
  /** The verdict. */
  appeal: boolean;
  /** Mentions of an ad blocker. */
  blocker: number;
  /** Requests or statements about it: disable, pause, allowlist, "we detected". */
  action: number;
  /** Paywall, cookie-consent and paid-route vocabulary (subscribe, member, log in…): any of it and the text is no appeal. */
  negative: number;
  /** The language whose ad-blocker words and requests matched most, or null. */
  lang: AppealLang | null;
}

const LIGATURES: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', þ: 'th' };

/**
 * Lower case, no diacritics, no soft hyphens or zero-width characters, one space for any run of
 * white space, and Latin letters only as ASCII (ß → ss, ø → o): the patterns are plain ASCII
 * regular expressions, which browsers compile in well under a millisecond (Unicode property
 * classes took tens of milliseconds on first use).
 */
export function foldText(text: string): string {
  return text
    .slice(0, APPEAL_TEXT_LIMIT)
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/[ßøæœłđþ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\s+/g, ' ');
}

/** A pattern with a letter boundary on the left; the right end is up to the pattern (inflections). */
const words = (source: string): RegExp => new RegExp(`(?<![a-z0-9])(?:${source})`, 'g');
/** Same, with a boundary on the right too. */
const exact = (source: string): RegExp => new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z0-9])`, 'g');

/** Ad-blocker names per language (on folded text). English names are used everywhere. */
const BLOCKERS: Record<AppealLang, RegExp> = {
  en: words(
    [
      'ad[- ]?block(?:er|ers|ing|s)?(?![a-z])',
      'ads? blocking (?:software|extension|tool|plugin|add-?on)s?',
      'ad[- ]?filter(?:s|ing)?(?: (?:software|extension))?',
      'adblock ?plus',
      'u-?block(?: origin)?',
      'adguard',
      'ghostery',
      'content blocker',
      'blocking (?:our )?ads',
      'block(?:ing)? ads',
    ].join('|'),
  ),
  sv: words('(?:annons|reklam|ad)-?block(?:erare|erarna|eraren|erares|ering|eringen|eringsprogram)[a-z]*|blockerar (?:annonser|reklam)'),
  de: words(
    [
      'werbe-?block(?:er|ern|ers|ierer|ierern|ierung)[a-z]*',
      'ad-?blocker(?:n|s)?',
      'werbe-?filter[a-z]*',
      'werbung (?:blockier|block)[a-z]*',
      'blockier(?:en|st|t) (?:sie |du )?(?:unsere )?werbung',
    ].join('|'),
  ),
  fr: exact(
    [
      "bloqueurs? (?:de |d'|des )(?:pub(?:licite)?s?|annonces?)",
      'anti-?pubs?',
      'bloquez (?:les |nos )?(?:pub(?:licite)?s?|annonces)',
      'bloqueurs? de contenus? publicitaires?',
    ].join('|'),
  ),
  es: exact(
    [
      'bloqueador(?:es)? de (?:anuncios|publicidad|avisos)',
      'bloqueo de (?:anuncios|publicidad)',
      'bloquea(?:s|ndo)? (?:los |nuestros )?(?:anuncios|publicidad)',
    ].join('|'),
  ),
  it: exact(
    [
      'blocc(?:o|a|hi)[- ](?:degli |della |la |le )?(?:annunci|pubblicita)',
      'blocca ?pubblicita',
      'blocco (?:degli )?annunci',
      'bloccatore (?:di )?(?:annunci|pubblicita)',
    ].join('|'),
  ),
  nl: words('advertentie-?blokker[a-z]*|reclame-?blokker[a-z]*|ad-?blokker[a-z]*'),
  pt: exact('bloqueador(?:es)? de (?:anuncios|publicidade)|bloqueio de (?:anuncios|publicidade)'),
  da: words('(?:reklame|annonce|annonse)-?blok(?:ker|kere|keren|kering)[a-z]*'),
};

/** Requests and statements about the blocker, per language (on folded text). */
const ACTIONS: Record<AppealLang, RegExp> = {
  en: words(
    [
      'disabl[a-z]*',
      'deactivat[a-z]*',
      '(?:turn|switch)(?:ing)? (?:it |them |that )?off',
      'pause',
      'white-?list[a-z]*',
      'allow-?list[a-z]*',
      'allow (?:ads|advertising|advertisements)',
      'add us to',
      'support us',
      'detected',
      'noticed',
      '(?:we|it) (?:see|seems?|looks? like)',
      "you(?:'re| are) using",
      'you (?:seem|appear) to (?:be using|use|have)',
      'unblock',
      'exception',
    ].join('|'),
  ),
  sv: words(
    [
      'inaktiver[a-z]*',
      'avaktiver[a-z]*',
      'stang(?:a|er)? av',
      'sla av',
      'pausa',
      'vitlist[a-z]*',
      'tillat (?:annonser|reklam)',
      '(?:anvander|har) (?:en |du en )?(?:annons|reklam|ad)',
      'verkar (?:anvanda|som)',
      'upptackt',
      'undanta[a-z]*',
    ].join('|'),
  ),
  de: words(
    [
      'deaktivier[a-z]*',
      '(?:aus|ab)(?:zu)?schalten',
      'schalte[a-z]* (?:[a-z]+ ){0,3}(?:aus|ab)',
      'pausier[a-z]*',
      'werbung (?:zu)?(?:lassen|erlauben|zulassen)',
      'erlaube[a-z]*',
      'zulassen',
      'ausnahme[a-z]*',
      'whitelist[a-z]*',
      'erkannt',
      'festgestellt',
      '(?:nutzen|verwenden|benutzen) (?:sie|du) (?:einen|ein)',
      'unterstutz[a-z]*',
    ].join('|'),
  ),
  fr: words(
    [
      'desactiv[a-z]*',
      'mett(?:re|ez|ez-le) en pause',
      'liste blanche',
      'autoris[a-z]*',
      'utilis(?:ez|iez) (?:un|une)',
      'detecte[a-z]*',
      'soutenez-nous|soutenir',
    ].join('|'),
  ),
  es: words(
    [
      'desactiv[a-z]*',
      'deshabilit[a-z]*',
      'paus(?:a|ar|e)',
      'lista blanca',
      'permit(?:ir|e|a)[a-z]*',
      'estas usando|utilizas|usas un',
      'detectad[a-z]*|hemos detectado',
      'apoya(?:nos)?',
    ].join('|'),
  ),
  it: words('disattiv[a-z]*|disabilit[a-z]*|stai usando|consenti[a-z]*|lista bianca'),
  nl: words('uitschakel[a-z]*|schakel (?:[a-z]+ ){0,3}uit|gebruikt (?:een|u)|toestaan|whitelist[a-z]*'),
  pt: words('desativ[a-z]*|desabilit[a-z]*|detectamos|permit[a-z]*|lista branca'),
  da: words('deaktiver[a-z]*|sla (?:den |dem )?fra|bruger en|tillad[a-z]*'),
};

/** Paywall and cookie-consent vocabulary (on folded text). */
const NEGATIVES = exact(
  [
    // Paywalls
    'subscribe (?:now |today )?to (?:continue|keep) reading',
    'subscribe to read',
    'already (?:a )?subscriber',
    'free articles?',
    'prenumerera (?:for att|och) (?:lasa|fortsatta)',
    'redan prenumerant',
    'jetzt abonnieren',
    'weiterlesen mit',
    'abonnez-vous pour (?:lire|continuer)',
    'deja abonne',
    'suscribete para (?:seguir|continuar) leyendo',
    'ya eres suscriptor',
    // Cookie consent
    'we use cookies',
    'this (?:site|website) uses cookies',
    'cookie (?:settings|preferences|policy)',
    'accept all(?: cookies)?',
    'reject all',
    'vi anvander (?:kakor|cookies)',
    'godkann alla',
    'wir verwenden cookies',
    'alle akzeptieren',
    'nous utilisons des cookies',
    'tout accepter',
    'utilizamos cookies',
    'aceptar todas?',
  ].join('|'),
);

/**
 * A paid, member or login route offered beside the request ("disable your ad blocker or
 * subscribe", "whitelist us or become a member", "Werbefrei lesen mit Pur-Abo"): such a text is a
 * paywall whatever else it asks, and is never an appeal. Donations are not a paid route.
 */
const OFFERS = words(
  [
    // en
    'subscri(?:be|bed|ber|bers|bing|ption|ptions)(?![a-z])',
    'become a (?:member|subscriber|premium)',
    'members?(?:hip)?(?![a-z])',
    'premium',
    '(?:log|sign) ?in(?![a-z])',
    'regist(?:er|ration)(?![a-z])',
    'create (?:a |an )?(?:free )?account',
    'ad-?free (?:version|experience|access|subscription|plan)',
    // sv
    'prenumer[a-z]*',
    '(?:bli )?medlem(?:skap)?[a-z]*',
    'logga in',
    '(?:annons|reklam)fri[a-z]*',
    // de
    'abonn[a-z]*',
    '(?:plus-?|pur-?)?abo(?![a-z])',
    'pur-?abo[a-z]*',
    'mitglied[a-z]*',
    'anmelden|einloggen|melden sie sich an',
    'registrier[a-z]*',
    'werbefrei[a-z]*',
    // fr (abonn above), es, it, nl, pt, da
    'connectez-vous|se connecter|inscrivez-vous',
    'sans (?:pub|publicite)(?![a-z])',
    'suscri[a-z]*',
    'hazte (?:socio|miembro)',
    'inicia(?:r)? sesion',
    'registrate',
    'sin (?:anuncios|publicidad)',
    'abbona[a-z]*',
    'senza pubblicita',
    'lid worden|inloggen',
    'assin(?:e|ar|atura|ante)[a-z]*',
    'log ind',
  ].join('|'),
);

/** Every ad-blocker pattern contains one of these: most texts are rejected by this one test. */
const PREFILTER = /blo|filter|anti-?pub|adguard|ghostery/;

const count = (re: RegExp, text: string): number => {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
};

/** The counts behind {@link isAdblockAppeal}. */
export function scoreAppeal(text: string): AppealScore {
  const folded = foldText(text);
  if (!PREFILTER.test(folded)) return { appeal: false, blocker: 0, action: 0, negative: 0, lang: null };
  // Where ad-blocker words start (a word shared by languages, like "Adblocker", counts once).
  const starts = new Set<number>();
  let lang: AppealLang | null = null;
  for (const re of Object.values(BLOCKERS)) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) starts.add(m.index);
  }
  const blocker = starts.size;
  if (blocker === 0) return { appeal: false, blocker, action: 0, negative: 0, lang };
  let action = 0;
  let bestLang = 0;
  for (const [l, re] of Object.entries(ACTIONS) as [AppealLang, RegExp][]) {
    const n = count(re, folded);
    action += n;
    // The language: its ad-blocker words and its requests together (English ad-blocker words are everyone's).
    const own = n + count(BLOCKERS[l], folded);
    if (own > bestLang) {
      bestLang = own;
      lang = l;
    }
  }
  const negative = count(NEGATIVES, folded) + count(OFFERS, folded);
  // Any paywall, consent or paid-route wording makes it a paywall or a consent message, however it asks.
  return { appeal: action > 0 && negative === 0, blocker, action, negative, lang };
}

/** Whether `text` (its first {@link APPEAL_TEXT_LIMIT} characters) asks the reader to disable an ad blocker. */
export function isAdblockAppeal(text: string): boolean {
  return scoreAppeal(text).appeal;
}
