/**
 * Gates: paywalls, subscription and login/registration gates, metered-paywall notices, cookie and
 * consent banners and dialogs. We never circumvent them: declutter neither hides a gate (as a wall
 * or as boilerplate) nor undoes what a gate does to the page (its scroll lock, the blur or hiding
 * of the content behind it). Both walls.ts and boilerplate.ts ask this module.
 *
 * A gate is recognised by
 *  - its markers ({@link gateMarker}): consent and paywall vendors' containers (OneTrust, Didomi,
 *    Quantcast, Cookiebot, Usercentrics, TrustArc, Funding Choices consent, IAB TCF locator frames,
 *    Piano, Poool, Zephr), paywall/regwall class and id names, `data-paywall`, and an aria-label
 *    with cookie, consent or privacy wording;
 *  - or its wording ({@link gateWording}): pure regular expressions on folded text (see
 *    {@link foldText}), in English, Swedish, German, French and Spanish, with Italian, Dutch,
 *    Portuguese and Danish where the words are cheap.
 * Containers a vendor uses for ad-block messages as well as for gates (Sourcepoint's message
 * container, Piano's `.tp-modal`) are gates by their wording only.
 *
 * Cost: attribute tests per element; text is read bounded ({@link GATE_TEXT_LIMIT}), and
 * {@link findGates} folds only text nodes that pass a cheap raw prefilter.
 */
import { foldText } from './appeals';

export type GateKind = 'paywall' | 'login' | 'consent';

/** A gate's wording is short: only this much of an element's text is read. */
export const GATE_TEXT_LIMIT = 2000;

/** A pattern with letter boundaries on the left (the right end is up to the pattern). */
const words = (source: string): RegExp => new RegExp(`(?<![a-z0-9])(?:${source})`);

/** Subscription and paywall wording, metered paywalls included (folded text). */
const PAYWALL_TEXT = words(
  [
    // en
    'subscribe (?:now |today |here )?(?:to|and|for) (?:continue|keep|read|unlock|access|get (?:full|unlimited))',
    '(?:continue|keep) reading (?:with|for|by subscribing)',
    'to (?:continue|keep) reading,? (?:please )?(?:subscribe|become a (?:member|subscriber)|sign up|start)',
    'already (?:a |an )?(?:subscriber|member|paying)',
    '(?:exclusive|available|reserved|only) (?:only )?(?:to|for) (?:paying )?(?:subscribers|members|premium)',
    'subscribers? only|subscriber[- ]exclusive|for subscribers',
    'reached (?:your|the) (?:monthly |weekly |free )?(?:article |story |free article )?(?:limit|maximum)',
    'limit of (?:\\d+ |your )?free (?:articles|stories|reads)',
    '(?:used|read|viewed) (?:all |up )?(?:of )?(?:your |the )?(?:\\d+ |monthly )?free (?:articles|stories)',
    'free (?:articles?|stories|reads) (?:left|remaining|this month|per month|a month)',
    '(?:last|final) free (?:article|story)',
    'become a (?:member|subscriber) to (?:continue|keep|read)',
    '(?:disable|turn off|pause|whitelist|allowlist)[a-z]* [^.!?]{0,60}(?<![a-z])(?:or|and) (?:subscribe|become a (?:member|subscriber)|get a subscription)',
    // sv
    'prenumerera (?:for att|och|nu for att) (?:lasa|fortsatta|ta del)',
    '(?:redan|ar du) (?:prenumerant|kund|medlem)',
    'for (?:prenumeranter|medlemmar|plusmedlemmar)',
    '(?:bli|las som) (?:prenumerant|medlem|plusmedlem) (?:for att|och) (?:lasa|fortsatta|ta del)',
    'du har (?:last|natt|anvant) (?:(?:alla|dina|ditt|maximalt|antal|upp) ){0,3}(?:gratis|fria|kostnadsfria)',
    // de
    'jetzt (?:abonnieren|abo abschliessen|weiterlesen)',
    'weiterlesen mit',
    '(?:bereits|schon) (?:abonnent|abonniert|kunde|mitglied)',
    '(?:nur|exklusiv) fur (?:abonnenten|abonnentinnen|mitglieder|plus-?(?:abonnenten|kunden)|zahlende)',
    '(?:abonnieren|abo abschliessen|abonnement abschliessen) und (?:weiter|lesen)',
    '(?:kostenlosen|freien|gratis) artikel (?:aufgebraucht|gelesen|erreicht)',
    'ihr (?:monatliches )?(?:kontingent|limit) an',
    // fr
    'abonnez-vous (?:pour|et|des|a partir)',
    'deja abonne',
    '(?:reserve|reservee|reserves|reservees) aux (?:abonnes|membres|inscrits)',
    '(?:la suite|lire la suite) (?:de cet article )?(?:est )?(?:reservee|pour les abonnes)',
    "vous avez (?:atteint|lu|consulte|epuise) (?:la limite|votre limite|le nombre maximum|le maximum|vos|tous vos|les)(?: de| d'| des)? ?(?:vos )?(?:\\d+ )?(?:articles? )?(?:gratuits?|offerts?)",
    'articles? (?:gratuits?|offerts?) (?:ce mois|par mois)',
    // es
    'suscribete (?:para|y|ahora|desde)',
    '(?:ya eres|eres) (?:suscriptor|socio|miembro)',
    '(?:exclusivo|reservado|solo) para (?:suscriptores|socios|miembros|registrados)',
    'has (?:alcanzado|llegado a|agotado|consumido|leido) (?:el limite|tu limite|el maximo|los|tus)(?: de)? ?(?:\\d+ )?(?:articulos|noticias)? ?(?:gratuitos|gratis)?',
    'articulos gratuitos (?:de este mes|al mes|este mes|restantes)',
    // it, nl, pt, da
    'abbonati per (?:continuare|leggere)|sei gia abbonato|riservato agli abbonati',
    'abonneer (?:je |u )?(?:nu )?om (?:verder )?te lezen|(?:bent u|ben je) al abonnee|alleen voor abonnees',
    'assine para (?:continuar|ler)|ja e assinante|exclusivo para assinantes',
    'abonner (?:for at|og) (?:laese|fortsaette)|allerede abonnent|kun for abonnenter',
  ].join('|'),
);

/** Login and registration gates (folded text). */
const LOGIN_TEXT = words(
  [
    // en
    '(?:log ?in|sign ?in|register|create (?:a |an |your )?(?:free )?account|sign up (?:for free|for a free account)) (?:now |for free |free )?(?:to|and) (?:continue|keep|read|access|unlock|view|see the full)',
    'to (?:continue|keep) reading,? (?:please )?(?:log ?in|sign ?in|register|create)',
    '(?:available|reserved|exclusive) (?:only )?(?:to|for) (?:registered|logged-in|signed-in) (?:users|readers|members)',
    // sv
    '(?:logga in|registrera dig|skapa (?:ett )?(?:gratis ?)?konto) (?:[a-z]+ ){0,3}(?:for att|och) (?:lasa|fortsatta|ta del|se)',
    'for att (?:lasa|fortsatta lasa|lasa vidare|ta del av)[^.!?]{0,40} (?:maste|behover) du (?:logga in|vara inloggad|registrera)',
    // de
    'melden sie sich an|melde dich an',
    '(?:anmelden|einloggen|registrieren|kostenlos registrieren) und (?:weiter|lesen|artikel)',
    '(?:um|zum) (?:den )?(?:ganzen |vollstandigen |kompletten )?(?:artikel|beitrag|text) (?:zu lesen|weiterzulesen|lesen)[^.!?]{0,40}(?:anmelden|einloggen|registrieren)',
    // fr
    '(?:connectez-vous|inscrivez-vous|identifiez-vous|creez (?:un|votre) compte)(?: gratuitement)? (?:pour|et) (?:lire|continuer|poursuivre|acceder)',
    // es
    '(?:inicia sesion|registrate|crea (?:una|tu) cuenta)(?: gratis)? (?:para|y) (?:seguir|continuar|leer|acceder)',
    // it, nl, pt, da
    '(?:accedi|registrati) per (?:continuare|leggere)',
    '(?:log in|registreer je) om (?:verder )?te lezen',
    '(?:faca login|cadastre-se) para (?:continuar|ler)',
    '(?:log ind|opret en konto) for at (?:laese|fortsaette)',
  ].join('|'),
);

/** Cookie and consent banners and dialogs (folded text). A bare "Cookie policy" link is not one. */
const CONSENT_TEXT = words(
  [
    // en
    '(?:we|this (?:site|website)|our (?:site|website)|our partners) (?:and our partners )?(?:use|uses|store|stores|and our partners use) (?:cookies|and/or access|similar technologies)',
    'we (?:and our (?:\\d+ )?partners|and our vendors) (?:store|use|process)',
    'store and/or access information on a device',
    'accept (?:all|cookies|all cookies)|reject (?:all|cookies)|allow (?:all )?cookies|decline (?:all|cookies)',
    '(?:manage|customi[sz]e|your privacy) (?:preferences|settings|choices)',
    'consent (?:preferences|settings|choices)|give (?:your )?consent|withdraw (?:your )?consent',
    '(?:consent|agree) to (?:the use of |our use of |the )?(?:cookies|tracking|data processing|processing of your)',
    'by (?:continuing|clicking|using)[^.!?]{0,60} (?:agree|consent|accept)[^.!?]{0,40}cookies',
    // sv
    'vi anvander (?:kakor|cookies)|(?:webbplatsen|sajten) anvander (?:kakor|cookies)',
    'godkann (?:alla|kakor|cookies)|acceptera (?:alla|kakor|cookies)|neka (?:alla|kakor|cookies)',
    '(?:ditt|ge ditt|lamna ditt) samtycke|samtycker till (?:att vi|kakor|cookies|anvandningen)',
    // de
    'wir (?:und unsere partner )?(?:verwenden|nutzen|setzen) cookies',
    'alle (?:akzeptieren|ablehnen|cookies akzeptieren)|cookies (?:akzeptieren|zulassen|ablehnen)',
    '(?:ihre|deine|ihrer|deiner) einwilligung|zustimmen und weiter|datenschutz-?einstellungen',
    // fr
    'nous (?:et nos partenaires )?utilisons des (?:cookies|traceurs)',
    'tout (?:accepter|refuser)|accepter (?:et fermer|les cookies)|continuer sans accepter',
    '(?:votre|son|leur) consentement',
    // es
    '(?:utilizamos|usamos) cookies|este sitio (?:web )?utiliza cookies',
    'aceptar (?:todas?|cookies|y cerrar)|rechazar (?:todas?|cookies)',
    '(?:tu|su) consentimiento',
    // it, nl, pt, da
    'utilizziamo (?:i )?cookie|accetta tutt[io]|rifiuta tutt[io]',
    'wij gebruiken cookies|alles accepteren|alle cookies accepteren',
    'aceitar todos|rejeitar todos',
    'vi bruger cookies|accepter alle|tillad alle',
  ].join('|'),
);

/** Each gate pattern needs one of these in the raw text (lower-cased, accents left): most text nodes are rejected by this test alone. */
const RAW_PREFILTER =
  /subscri|already|member|premium|reached|free\s+(?:art|stor|read)|prenum|medlem|redan|gratis|kostnadsfri|abonn|abo\b|weiterles|bereits|mitglied|zahlende|kostenlos|kontingent|r[ée]serv|atteint|gratuit|offert|suscr|socio|miembro|exclusiv|alcanzado|agotado|l[íi]mite|limit|abbon|assin|log ?in|sign ?in|sign up|regist|reg[íi]str|account|logga|konto|inloggad|melde|anmeld|einlogg|connect|inscri|identif|cr[ée]ez|sesi[óo]n|cuenta|accedi|cadastr|log ind|opret|cookie|store and|partners|accept|reject|decline|manage|customi|privacy|consent|kakor|godk|neka|samtyck|akzept|ablehn|einwillig|zustimm|datenschutz|traceur|refus|acept|rechaz|accetta|rifiuta|aceit|tillad/i;

/** What `text` (any length; only its first {@link GATE_TEXT_LIMIT} characters are read) is the wording of, or null. */
export function gateWording(text: string): GateKind | null {
  const raw = text.length > GATE_TEXT_LIMIT ? text.slice(0, GATE_TEXT_LIMIT) : text;
  if (!RAW_PREFILTER.test(raw)) return null;
  const folded = foldText(raw);
  if (PAYWALL_TEXT.test(folded)) return 'paywall';
  if (LOGIN_TEXT.test(folded)) return 'login';
  if (CONSENT_TEXT.test(folded)) return 'consent';
  return null;
}

/** Whether `text` is gate wording. */
export function isGateText(text: string): boolean {
  return gateWording(text) !== null;
}

/** Consent vendors' and generic consent class/id names. */
const CONSENT_NAME =
  /onetrust|didomi|qc-cmp|cybotcookiebot|cookiebot|usercentrics|truste-consent|trustarc|truste_|fc-consent-root|__tcfapi|__cmplocator|(?:^|[\s_-])cmp(?:box|-?banner|-?container|-?wrapper|-?dialog|-?root|-?modal)?(?:$|[\s_-])|cookie|consent|gdpr|kakor|samtycke/i;
/** Paywall vendors' and generic paywall class/id names. */
const PAYWALL_NAME =
  /paywall|pay-wall|regwall|reg-wall|registration-?wall|login-?wall|subscriber-?wall|meter-?wall|piano-|tp-container-inner|poool|zephr|(?:^|[\s_-])(?:metered|subscription-?gate|subscriber-?only|premium-?(?:wall|gate|barrier))(?:$|[\s_-])/i;
/** An aria-label that names a consent or privacy dialog. */
const CONSENT_LABEL =
  /cookie|consent|gdpr|privacy|integritet|kakor|samtycke|datenschutz|einwilligung|confidentialit|consentement|privacidad|consentimiento|privacy|riservatezza/i;
/** Privacy wording alone (a footer's "Privacy links") names a gate only on these. */
const LABELLED_GATE_ROLE = /^(?:dialog|alertdialog|region|banner)$/;
/** Controls and inline elements: their names never make a gate (the box around them may be one). */
const CONTROL_TAGS = new Set([
  'A',
  'BUTTON',
  'INPUT',
  'LABEL',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'SPAN',
  'IMG',
  'I',
  'B',
  'STRONG',
  'EM',
  'SMALL',
  'SVG',
  'PATH',
  'USE',
]);
const NAME_ATTRS = ['data-paywall', 'data-tp-paywall', 'data-poool', 'data-zephr-feature', 'data-cmp-host'];

/**
 * The kind of gate `el` is by its markers alone (class, id, name, data attributes, aria-label), or
 * null. Attribute tests only.
 */
export function gateMarker(el: Element): GateKind | null {
  const tag = el.tagName.toUpperCase();
  // A newsletter form's consent checkbox or a footer's "cookie settings" link is not a gate.
  if (CONTROL_TAGS.has(tag)) return null;
  const cls = el.getAttribute('class') ?? '';
  const id = el.id;
  // (A name only on frames: the IAB TCF locator frame is `<iframe name="__tcfapiLocator">`.)
  const names = `${cls} ${id} ${tag === 'IFRAME' ? (el.getAttribute('name') ?? '') : ''}`;
  if (names.length > 1) {
    if (PAYWALL_NAME.test(names)) return /regwall|reg-wall|registration|login/i.test(names) ? 'login' : 'paywall';
    if (CONSENT_NAME.test(names)) return 'consent';
  }
  for (const a of NAME_ATTRS) if (el.hasAttribute(a)) return a === 'data-cmp-host' ? 'consent' : 'paywall';
  const label = el.getAttribute('aria-label');
  if (label && CONSENT_LABEL.test(label)) {
    if (/cookie|consent|gdpr|kakor|samtycke|einwilligung|consentement|consentimiento/i.test(label)) return 'consent';
    const role = el.getAttribute('role') ?? '';
    if (LABELLED_GATE_ROLE.test(role) || el.getAttribute('aria-modal') === 'true' || el.tagName === 'DIALOG') return 'consent';
  }
  return null;
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'svg', 'CANVAS', 'VIDEO', 'AUDIO']);

/** The text of `el` a reader sees (and its aria-label), bounded to `limit` characters; scripts and styles skipped. */
export function gateText(el: Element, limit = GATE_TEXT_LIMIT): string {
  const parts: string[] = [];
  let length = 0;
  const label = el.getAttribute('aria-label');
  if (label) {
    parts.push(label);
    length += label.length + 1;
  }
  const stack: Node[] = [el];
  let nodes = 0;
  for (let node = stack.pop(); node && length < limit && nodes++ < 3000; node = stack.pop()) {
    if (node.nodeType === 3) {
      const t = node.nodeValue?.trim();
      if (t) {
        parts.push(t);
        length += t.length + 1;
      }
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) continue;
    if (node !== el && SKIP_TAGS.has((node as Element).tagName)) continue;
    const shadow = (node as HTMLElement).shadowRoot as ShadowRoot | null | undefined;
    if (shadow) stack.push(shadow);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return parts.join(' ').slice(0, limit);
}

/**
 * Whether `el` is a gate: by its markers, or by its own (bounded) text. Does not look at what is
 * around it: {@link findGates} finds the gates of a page, {@link gateRelated} tells whether an
 * element is, holds or sits in one.
 */
export function isGate(el: Element): boolean {
  return gateMarker(el) !== null || isGateText(gateText(el));
}

/** A gate found by its wording is the smallest box around the words with at most this much text. */
const GATE_BOX_TEXT = 1500;
/** Bounds of a {@link findGates} walk. */
const VISIT_LIMIT = 30_000;
/**
 * Characters of text read for gate wording, at most: a huge page (hundreds of KB of text) would
 * otherwise cost tens of milliseconds per walk. Past it, gates are still found by their markers.
 */
const WORDING_CHARS = 200_000;
const GATE_LIMIT = 50;
/** How much of a text node's parent is read with it. */
const PARENT_TEXT = 600;
const BOX_STOP = new Set(['BODY', 'HTML', 'MAIN', 'ARTICLE']);

/** The box of a gate whose wording is in text node `node`: up from its parent while the text stays short. */
function gateBox(node: Node): Element | null {
  let box = node.parentElement;
  if (!box || BOX_STOP.has(box.tagName)) return null;
  let length = box.textContent.length;
  for (let p = box.parentElement; p && !BOX_STOP.has(p.tagName); p = p.parentElement) {
    // Not into a footer or a page section that merely holds the words: the box grows only a little at a time.
    const n = p.textContent.length;
    if (n > GATE_BOX_TEXT || n > 4 * length + 200 || p.querySelector('h1, main, article, [itemprop="articleBody"]') !== null) break;
    box = p;
    length = n;
  }
  return box;
}

/**
 * The gates in `root` (the document's <body> by default), outermost ones only, in document order
 * of discovery (markers first, then wording), bounded. Hidden gates are found too: whether one
 * shows is for the caller to tell.
 */
export function findGates(root: Document | Element): Element[] {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const top = root.nodeType === 9 ? ((root as Document).body as Element | null) : (root as Element);
  if (!top) return [];
  const out: Element[] = [];
  const inside = (el: Node) => out.some((g) => g === el || g.contains(el));
  const add = (el: Element) => {
    if (inside(el)) return;
    // A newly found gate around earlier ones takes their place.
    const kept = out.filter((g) => !el.contains(g));
    out.length = 0;
    for (const g of kept) out.push(g);
    out.push(el);
  };
  // Markers: a pre-order walk of the elements.
  let el: Element | null = top;
  for (let visited = 0; el && visited < VISIT_LIMIT && out.length < GATE_LIMIT; visited++) {
    let descend: boolean = !SKIP_TAGS.has(el.tagName);
    if (el !== top && gateMarker(el) !== null) {
      add(el);
      descend = false;
    }
    let next: Element | null = descend ? el.firstElementChild : null;
    while (!next && el && el !== top) {
      next = el.nextElementSibling;
      el = el.parentElement;
    }
    el = next;
  }
  if (top !== doc.body && gateMarker(top) !== null) return [top];
  // Wording: text nodes that pass the raw prefilter, then the folded patterns.
  const walker = doc.createTreeWalker(top, 0x4 /* SHOW_TEXT */);
  let visited = 0;
  let read = 0;
  for (let n = walker.nextNode(); n && visited++ < VISIT_LIMIT && read < WORDING_CHARS && out.length < GATE_LIMIT; n = walker.nextNode()) {
    const value = n.nodeValue ?? '';
    read += value.length;
    if (value.length < 8 || !RAW_PREFILTER.test(value)) continue;
    const parent = n.parentElement;
    if (!parent || SKIP_TAGS.has(parent.tagName) || parent.closest('script, style, noscript, template') || inside(n)) continue;
    // A link or a button ("Consent preferences", "Accept all") is a control: a gate says what it is in its own text.
    if (parent.closest('a, button')) continue;
    // The words may run across inline elements ("Already a subscriber? <a>Sign in</a>"): the parent's text too.
    if (!isGateText(value) && !isGateText(gateText(parent, PARENT_TEXT))) continue;
    const box = gateBox(n);
    if (box) add(box);
  }
  return out;
}

const memo = new WeakMap<Document, Element[]>();

/**
 * The document's gates ({@link findGates} on its body), computed once per task: the wall scan, the
 * appeal checks and the undoing of a wall all ask within one task, and a page does not change
 * under a running script. The memo is dropped at the task's first microtask checkpoint.
 */
export function pageGates(doc: Document): Element[] {
  let gates = memo.get(doc);
  if (!gates) {
    gates = findGates(doc);
    memo.set(doc, gates);
    queueMicrotask(() => memo.delete(doc));
  }
  return gates;
}

/** Whether `el` is one of `gates`, sits inside one, or holds one. */
export function gateRelated(el: Element, gates: readonly Element[]): boolean {
  return gates.some((g) => g === el || g.contains(el) || el.contains(g));
}
