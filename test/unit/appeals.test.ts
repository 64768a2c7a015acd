import { describe, expect, it } from 'vitest';
import { APPEAL_TEXT_LIMIT, foldText, isAdblockAppeal, scoreAppeal } from '../../src/page/declutter/appeals';

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
    // An ad-or-subscribe wall asks about the blocker first: an appeal.
    expect(isAdblockAppeal('Please disable your ad blocker, or subscribe to continue reading without ads.')).toBe(true);
  });

  it('reads only the first few KB', () => {
    expect(foldText('x'.repeat(APPEAL_TEXT_LIMIT * 3))).toHaveLength(APPEAL_TEXT_LIMIT);
    expect(isAdblockAppeal(`${'Lorem ipsum dolor sit amet. '.repeat(200)} Please disable your ad blocker.`)).toBe(false);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) isAdblockAppeal('Ad block word soup without a request. '.repeat(200));
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
