import { describe, expect, it } from 'vitest';
import { APPEAL_TEXT_LIMIT, foldText, isAdblockAppeal, scoreAppeal } from '../../src/page/declutter/appeals';
import { type GateKind, gateWording, isGateText } from '../../src/page/declutter/gates';

/** Appeals to disable an ad blocker, as walls word them, with the language whose ad-blocker words they use. */
const APPEALS: [lang: string, text: string][] = [
  ['en', 'Ad blocker detected. Please disable your ad blocker to continue.'],
  ['en', "It looks like you're using an ad blocker. We rely on ads to fund our journalism. Please add us to your allowlist."],
  ['en', 'We noticed you are using AdBlock. Please whitelist this site or turn it off.'],
  ['en', 'Please support us by disabling your adblocker.'],
  ['en', 'You seem to be using an ad-blocking extension. Pause it on this site to keep reading for free.'],
  ['en', 'Hey! You’re using uBlock Origin. Allow ads on our site: it is how we pay our reporters.'],
  ['en', 'ADBLOCK DETECTED'],
  ['sv', 'Det verkar som att du använder en annonsblockerare. Stäng av den eller vitlista vår sajt.'],
  ['sv', 'Vi ser att du har en adblockerare. Tillåt annonser för att fortsätta läsa.'],
  ['sv', 'Du använder en reklamblockerare. Pausa den för att läsa vidare.'],
  ['sv', 'Inaktivera din annonsblockerare för att fortsätta – annonserna finansierar vår journalistik.'],
  ['de', 'Wir haben festgestellt, dass Sie einen Werbeblocker verwenden. Bitte deaktivieren Sie ihn.'],
  ['de', 'Adblocker erkannt! Bitte schalten Sie Ihren Adblocker für unsere Seite aus.'],
  ['de', 'Sie nutzen einen Werbe-Blocker. Bitte erlauben Sie Werbung auf dieser Website oder fügen Sie uns als Ausnahme hinzu.'],
  ['de', 'Bitte Werbung zulassen: Ihr Werbeblocker verhindert die Anzeige unserer Inhalte.'],
  ['fr', 'Vous utilisez un bloqueur de publicité. Merci de le désactiver pour continuer.'],
  ['fr', 'Bloqueur de publicités détecté : ajoutez notre site à votre liste blanche.'],
  ['fr', "Il semble que vous utilisiez un bloqueur d'annonces. Autorisez les publicités pour nous soutenir."],
  ['fr', 'Votre anti-pub nous empêche de vivre. Mettez-le en pause sur notre site.'],
  ['es', 'Parece que estás usando un bloqueador de anuncios. Por favor, desactívalo para seguir leyendo.'],
  ['es', 'Hemos detectado un bloqueador de publicidad. Añade nuestro sitio a tu lista blanca.'],
  ['es', 'Desactiva tu bloqueador de anuncios o permite la publicidad en este sitio.'],
  ['it', 'Stai usando un blocco degli annunci. Disattivalo per continuare a leggere.'],
  ['nl', 'U gebruikt een advertentieblokker. Schakel deze uit om verder te lezen.'],
  ['pt', 'Detectamos um bloqueador de publicidade. Por favor, desative-o para continuar.'],
  ['da', 'Du bruger en reklameblokker. Slå den fra for at læse videre.'],
];

/** Texts that are not appeals: paywalls, cookie consent, ads and blocking in other senses. */
const NOT_APPEALS: [why: string, text: string][] = [
  ['paywall', 'Subscribe to continue reading. You have read all your free articles this month. Already a subscriber? Sign in.'],
  ['paywall (sv)', 'Prenumerera för att läsa hela artikeln. Redan prenumerant? Logga in.'],
  ['paywall (de)', 'Jetzt abonnieren und weiterlesen mit Plus. Der erste Monat kostet 1 Euro.'],
  ['paywall (fr)', 'Abonnez-vous pour lire la suite de cet article. Déjà abonné ? Connectez-vous.'],
  ['paywall (es)', 'Suscríbete para seguir leyendo. ¿Ya eres suscriptor? Inicia sesión.'],
  [
    'cookie consent',
    'We use cookies and similar technologies to personalise ads and content. Accept all, reject all or manage your cookie settings.',
  ],
  ['cookie consent (sv)', 'Vi använder cookies för att visa anpassade annonser och mäta trafik. Godkänn alla eller välj inställningar.'],
  ['cookie consent (de)', 'Wir verwenden Cookies, um Werbung zu personalisieren. Alle akzeptieren oder Einstellungen anpassen.'],
  ['cookie consent (fr)', 'Nous utilisons des cookies pour personnaliser les publicités. Tout accepter ou paramétrer.'],
  ['cookie consent (es)', 'Utilizamos cookies propias y de terceros para mostrar publicidad. Aceptar todas o configurar.'],
  ['newsletter', 'Sign up for our morning newsletter. No spam, unsubscribe at any time.'],
  ['ads, no blocker', 'Advertise with us: reach two million readers a month. Disable nothing, just call our sales team.'],
  ['block, other sense', 'The council voted to block the new housing development; the ad campaign was paused.'],
  ['words inside words', 'The broadband blockade was lifted after the road block on Cadblock Street.'],
  ['blocker without a request', 'Ad blockers are installed on a third of desktop browsers, a new survey shows.'],
  ['empty', ''],
];

/** Ad-block requests with a paid, member or login route beside them: paywalls (never hidden, never undone). */
const MIXED: [lang: string, text: string][] = [
  ['en', 'Please disable your ad blocker, or subscribe to continue reading without ads.'],
  ['en', 'Disable your ad blocker or subscribe'],
  ['en', 'We noticed you use an ad blocker. Whitelist us or become a member.'],
  ['en', 'Ad blocker detected. Turn it off, or log in with your premium account for an ad-free experience.'],
  ['sv', 'Du använder en annonsblockerare. Stäng av den eller bli prenumerant för att läsa vidare.'],
  ['sv', 'Du har en annonsblockerare. Vitlista oss eller bli medlem – logga in för en annonsfri upplevelse.'],
  ['de', 'Sie nutzen einen Werbeblocker. Bitte deaktivieren Sie ihn oder lesen Sie werbefrei mit dem Pur-Abo.'],
  ['de', 'Adblocker erkannt: Werbung zulassen oder jetzt abonnieren.'],
  ['fr', 'Vous utilisez un bloqueur de publicité. Désactivez-le ou abonnez-vous pour lire sans publicité.'],
  ['es', 'Hemos detectado un bloqueador de anuncios. Desactívalo o suscríbete para seguir leyendo.'],
  ['es', 'Desactiva tu bloqueador de anuncios o hazte socio.'],
  ['it', 'Stai usando un blocco degli annunci: disattivalo o abbonati per continuare.'],
  ['nl', 'U gebruikt een advertentieblokker. Schakel deze uit of word lid worden van onze club; abonnement vanaf 1 euro.'],
  ['pt', 'Detectamos um bloqueador de publicidade. Desative-o ou assine para continuar.'],
  ['da', 'Du bruger en reklameblokker. Slå den fra eller log ind som abonnent.'],
];

describe('isAdblockAppeal', () => {
  it.each(APPEALS)('%s: %s', (lang, text) => {
    const score = scoreAppeal(text);
    expect(score, JSON.stringify(score)).toMatchObject({ appeal: true, lang });
    expect(isAdblockAppeal(text)).toBe(true);
  });

  it.each(NOT_APPEALS)('not an appeal (%s): %s', (_why, text) => {
    expect(isAdblockAppeal(text), JSON.stringify(scoreAppeal(text))).toBe(false);
  });

  it('is case- and accent-insensitive and reads through soft hyphens and line breaks', () => {
    expect(isAdblockAppeal('VOUS UTILISEZ UN BLOQUEUR DE PUBLICITE. DESACTIVEZ-LE.')).toBe(true);
    expect(isAdblockAppeal('Bitte deaktivieren Sie Ihren Werbe\u00adblocker')).toBe(true);
    expect(isAdblockAppeal('Please\n  disable\n\tyour\n ad\u00a0blocker')).toBe(true);
  });

  it('lets a paywall or consent text that names an ad blocker once in passing stay what it is', () => {
    const consent = 'We use cookies. Accept all or reject all in the cookie settings. Some features may not work with an ad blocker.';
    expect(scoreAppeal(consent)).toMatchObject({ appeal: false, blocker: 1 });
  });

  it.each(MIXED)('mixed wording is a paywall, never an appeal (%s): %s', (_lang, text) => {
    const score = scoreAppeal(text);
    expect(score.blocker, JSON.stringify(score)).toBeGreaterThan(0);
    expect(score.appeal, JSON.stringify(score)).toBe(false);
  });

  it('reads only the first few KB', () => {
    expect(foldText('x'.repeat(APPEAL_TEXT_LIMIT * 3))).toHaveLength(APPEAL_TEXT_LIMIT);
    expect(isAdblockAppeal(`${'Lorem ipsum dolor sit amet. '.repeat(200)} Please disable your ad blocker.`)).toBe(false);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) isAdblockAppeal('Ad block word soup without a request. '.repeat(200));
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

/** Gate wording per language and family: paywalls, metered paywalls, login gates, consent. */
const GATES: [kind: GateKind, lang: string, text: string][] = [
  ['paywall', 'en', 'Subscribe to continue reading. Already a subscriber? Sign in.'],
  ['paywall', 'en', 'This article is exclusive to subscribers.'],
  ['paywall', 'en', 'You have reached your limit of free articles this month.'],
  ['paywall', 'en', "You've used all of your free articles. Subscribe for unlimited access."],
  ['paywall', 'en', 'Disable your ad blocker or subscribe to keep reading.'],
  ['paywall', 'en', 'Whitelist us or become a member to continue.'],
  ['paywall', 'sv', 'Prenumerera för att läsa hela artikeln. Redan prenumerant? Logga in.'],
  ['paywall', 'sv', 'Du har läst alla dina gratisartiklar den här månaden.'],
  ['paywall', 'de', 'Jetzt abonnieren und weiterlesen. Bereits Abonnent? Hier anmelden.'],
  ['paywall', 'de', 'Dieser Artikel ist nur für Abonnenten verfügbar.'],
  ['paywall', 'fr', 'Abonnez-vous pour lire la suite. Déjà abonné ? Connectez-vous.'],
  ['paywall', 'fr', 'Vous avez atteint la limite de vos articles gratuits ce mois-ci.'],
  ['paywall', 'fr', 'Cet article est réservé aux abonnés.'],
  ['paywall', 'es', 'Suscríbete para seguir leyendo. ¿Ya eres suscriptor?'],
  ['paywall', 'es', 'Has alcanzado el límite de artículos gratuitos de este mes.'],
  ['paywall', 'es', 'Contenido exclusivo para suscriptores.'],
  ['paywall', 'it', 'Abbonati per continuare a leggere. Sei già abbonato?'],
  ['paywall', 'nl', 'Abonneer nu om verder te lezen.'],
  ['paywall', 'pt', 'Assine para continuar lendo. Já é assinante?'],
  ['paywall', 'da', 'Abonner for at læse videre. Allerede abonnent?'],
  ['login', 'en', 'Log in to continue reading.'],
  ['login', 'en', 'Create a free account to read this article.'],
  ['login', 'en', 'Register for free to keep reading.'],
  ['login', 'sv', 'Logga in för att läsa hela artikeln.'],
  ['login', 'sv', 'Skapa ett gratis konto för att fortsätta läsa.'],
  ['login', 'de', 'Melden Sie sich an, um den ganzen Artikel zu lesen.'],
  ['login', 'de', 'Kostenlos registrieren und weiterlesen.'],
  ['login', 'fr', 'Connectez-vous pour lire la suite de cet article.'],
  ['login', 'fr', 'Créez un compte gratuitement pour continuer.'],
  ['login', 'es', 'Inicia sesión para seguir leyendo.'],
  ['login', 'es', 'Regístrate gratis para leer la noticia completa.'],
  ['login', 'it', 'Accedi per continuare a leggere.'],
  ['consent', 'en', 'We use cookies to improve your experience. Accept all or manage preferences.'],
  ['consent', 'en', 'We and our partners store and/or access information on a device, such as cookies.'],
  ['consent', 'en', 'This website uses cookies.'],
  ['consent', 'sv', 'Vi använder kakor för att förbättra din upplevelse. Godkänn alla'],
  ['consent', 'sv', 'Vi behöver ditt samtycke för att visa anpassade annonser.'],
  ['consent', 'de', 'Wir verwenden Cookies. Alle akzeptieren'],
  ['consent', 'de', 'Mit Ihrer Einwilligung verarbeiten wir Ihre Daten.'],
  ['consent', 'fr', 'Nous et nos partenaires utilisons des cookies. Tout accepter'],
  ['consent', 'fr', 'Continuer sans accepter'],
  ['consent', 'es', 'Utilizamos cookies propias y de terceros. Aceptar todas'],
  ['consent', 'es', 'Necesitamos tu consentimiento.'],
  ['consent', 'it', 'Utilizziamo i cookie. Accetta tutti'],
  ['consent', 'nl', 'Wij gebruiken cookies. Alles accepteren'],
  ['consent', 'da', 'Vi bruger cookies. Accepter alle'],
];

/** Not gates: newsletters, footers' links, ad-block appeals, articles that talk about paywalls or consent. */
const NOT_GATES: [why: string, text: string][] = [
  ['newsletter', 'Sign up for our newsletter: the day’s news in your inbox every morning. Unsubscribe at any time.'],
  ['newsletter (sv)', 'Prenumerera på vårt nyhetsbrev och få veckans viktigaste nyheter.'],
  ['newsletter (de)', 'Melden Sie sich für unseren Newsletter an? Jetzt eintragen.'],
  ['footer link', 'Cookie policy · Privacy · Terms'],
  ['header link', 'Sign in · Subscribe'],
  ['ad-block appeal', 'Ad blocker detected. Please disable your ad blocker to continue.'],
  ['ad-block appeal (it)', 'Disattiva il blocco degli annunci o consenti gli annunci su questo sito.'],
  ['article about paywalls', 'Some publishers have put their articles behind a paywall or asked for donations.'],
  ['article about consent', 'The court ruled that the law on sexual consent applies to the case.'],
  ['promo', 'Support local news: become a supporter from £3 a month.'],
  ['empty', ''],
];

describe('gateWording', () => {
  it.each(GATES)('%s (%s): %s', (kind, _lang, text) => {
    expect(gateWording(text)).toBe(kind);
  });

  it.each(NOT_GATES)('not a gate (%s): %s', (_why, text) => {
    expect(isGateText(text)).toBe(false);
  });

  it('is cheap and bounded', () => {
    const long = `${'Lorem ipsum dolor sit amet, the council met. '.repeat(400)} Subscribe to continue reading.`;
    expect(isGateText(long)).toBe(false);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) isGateText('Members of the council reached an agreement on account of the limit. '.repeat(30));
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
