/**
 * Word lists for the line classifier: function words per language (their share of a line's
 * words tells running prose from menus and headlines) and boilerplate phrases as pages print them
 * in en, sv, de, fr, es, pt (plus it, nl, da/nb where cheap).
 */

const FUNCTION_WORDS_SOURCE: Record<string, string> = {
  en: `a about above after again against all also although am an and any are as at be because been before being below between both but by can could did do does doing down during each either every few for from further had has have having he her here hers him his how however i if in into is it its itself just me more most much my no nor not now of off on once only or other our out over own same she should since so some such than that the their them then there these they this those though through thus to too under until up upon very was we were what when where whether which while who whom whose why will with within without would yet you your`,
  sv: `alla allt att av blev bli blir de dem den denna deras dess det detta dig din dina du där då efter eftersom ej eller en ens enligt er ett fast fick finns flera från för för att genom ha hade han har hans hennes henne hon honom hur i in inom inte ju jag kan kunde man med mellan men mer mig min mot mycket många ni nu när nästan någon något några och också om oss på redan samma samt sedan sig sin sina sitt själv ska skulle som så så att till under upp ut utan vad var vara varför varit varje vars vi vid vilka vilken vilket än ännu är även åt över`,
  de: `aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bereits bis bisher bzw da dabei dadurch dafür damit dann darauf darin das dass dem den denen denn der deren des dessen die dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines er es etwa für gegen hat hatte hatten haben hier ihr ihre ihrem ihren ihrer im in ins ist jedoch jetzt kann kein keine können könnte man mehr mit muss nach nicht noch nun nur ob oder ohne schon sei seien sein seine seinem seinen seiner seit sich sie sind so soll sollen sowie um und uns unter vom von vor war waren was weil welche wenn werden wie wieder wir wird wurde wurden zu zum zur zwar zwischen über`,
  fr: `à au aussi autre aux avait avec avoir c ce cela celle celui ces cet cette comme comment d dans de des deux donc dont du elle elles en encore entre est et été être fait faire il ils je l la le les leur leurs lors lui m mais me même mes moins ne ni nos notre nous on ont ou où par pas peu peut plus pour pourrait qu quand que quel quelle qui s sa sans se ses si sont sous sur ta te tous tout toute toutes très tu un une vers vos votre vous y`,
  es: `a al algo algunos ante antes aquí así aunque cada como con contra cual cuando de del desde donde dos durante e el ella ellas ellos en entre era es esa ese eso esta está están este esto estos fue fueron ha había han hasta hay la las le les lo los más me mi muy ni no nos o otra otro otros para pero poco por porque que quien se según ser si sido sin sobre son su sus también tanto te tiene todo todos tras un una uno unos y ya`,
  pt: `a à ao aos após ainda apenas aqui as às até cada com como da das de dela dele deles depois do dos e é ela elas ele eles em entre era essa esse esta está estão este eu foi foram há isso isto já lhe mais mas me mesmo muito na nas nem no nos não o os ou para pela pelas pelo pelos por porque quando que quem se sem ser seu seus sua suas são também te tem tinha um uma umas uns você`,
  it: `a ad al alla alle allo agli ai anche che chi ci come con cui da dal dalla dalle degli dei del della delle dello di e è gli ha hanno i il in la le lo loro ma mi molto ne nei nel nella nelle non o per più poi quale quando quello questa questo se si sia sono su sua sue suo suoi sul sulla tra tutti tutto un una uno`,
  nl: `aan al als bij dan dat de deze die dit door een en er geen had heeft het hij hoe hun ik in is je kan maar meer met naar niet nog nu of om ook op over te tot uit van veel voor was wat wel werd wordt zijn ze zich zo zou`,
  da: `af alle andre at blev bliver da de dem den denne der deres det dette dig din du efter eller en end er et for fra har havde hun han hans hvad hvis hvor i ikke ind jeg kan kunne man med meget mellem men mod nu når og også om op os på sig sin sine skal som så til under ud var vi vil ville være været`,
  nb: `alle at av bare ble blir da de dem den denne der deres det dette du eller en enn er et etter for fra før han hans har hadde hun hva hvis hvor i ikke inn jeg kan kunne man med mellom men mot mye nå når og også om opp oss på seg sin sine skal som så til under ut var vi vil ville være vært`,
  id: `ada adalah agar akan aku anda antara atau bagi bahkan bahwa banyak belum bila bisa cuma dalam dan dari dengan di dia hal harus hanya ini itu jika juga kami kita ke kepada lagi lebih maka mereka namun oleh pada para saat sama sangat saya sebagai sebuah sedang sejak semua sendiri seperti serta setelah sudah tak tapi telah tentang tersebut tidak untuk yaitu yang hingga karena ketika kalau masih meskipun sampai sebelum sebelumnya sehingga selain sementara sesudah tetapi walaupun`,
  ru: `а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее если есть еще же за здесь и из или им их к как ко когда кто ли либо мне может мы на над не него нее нет ни них но ну о об однако он она они оно от по под при с со так также такой там те тем то того тоже той только том ты у уже хотя чего чей чем что чтобы эта эти это я`,
};

export const FUNCTION_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(FUNCTION_WORDS_SOURCE).map(([lang, words]) => [lang, new Set(words.split(/\s+/))]),
);

const phrases = (list: string[]): string => list.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

/**
 * Whole-line labels of page furniture ("Most read", "Senaste nytt", "ADVERTISEMENT"): a line that
 * is nothing but one of these (with optional trailing punctuation) is never article text, and the
 * run of short lines it heads is a list of links.
 */
const LABELS = phrases([
  // en
  'advertisement',
  'advertisements',
  'advert',
  'adverts',
  'trending news',
  'table of contents',
  'contents',
  'in this article',
  'jump to',
  'on this page',
  'ad',
  'ads',
  'sponsored',
  'sponsored content',
  'sponsored links',
  'paid content',
  'partner content',
  'promoted',
  'read more',
  'read next',
  'read also',
  'read this next',
  'more',
  'more news',
  'more stories',
  'more articles',
  'more from',
  'see more',
  'see also',
  'show more',
  'load more',
  'view more',
  'related',
  'related articles',
  'related stories',
  'related news',
  'related posts',
  'related content',
  'related topics',
  'related coverage',
  'most read',
  'most popular',
  'most viewed',
  'most shared',
  'popular',
  'popular stories',
  'popular posts',
  'trending',
  'trending now',
  'trending stories',
  'top stories',
  'latest',
  'latest news',
  'latest headlines',
  'latest stories',
  'latest posts',
  'recent posts',
  'recent articles',
  'recent news',
  'breaking news',
  'editors picks',
  "editor's picks",
  'editor’s picks',
  'keep reading',
  'recommended',
  'recommended for you',
  'you may also like',
  'you might also like',
  'you may be interested in',
  'we recommend',
  "don't miss",
  'don’t miss',
  'up next',
  'watch',
  'watch more',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share on',
  'tweet',
  'email',
  'print',
  'comments',
  'comment',
  'leave a comment',
  'leave a reply',
  'post a comment',
  'join the conversation',
  'subscribe',
  'subscribe now',
  'sign in',
  'sign up',
  'log in',
  'login',
  'register',
  'log out',
  'menu',
  'close',
  'close menu',
  'open menu',
  'main menu',
  'search',
  'home',
  'newsletter',
  'newsletters',
  'follow us',
  'connect with us',
  'tags',
  'topics',
  'categories',
  'category',
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'hoppa till huvudinnehållet',
  'hoppa till innehållet',
  'gå till huvudinnehållet',
  'zum inhalt springen',
  'direkt zum inhalt',
  'aller au contenu',
  'aller au contenu principal',
  'ir al contenido',
  'saltar al contenido',
  'pular para o conteúdo',
  'ir para o conteúdo',
  'back to top',
  'continue reading',
  'next article',
  'previous article',
  'next post',
  'previous post',
  'next',
  'previous',
  'photos',
  'videos',
  'video',
  'gallery',
  'about us',
  'contact us',
  'contact',
  'privacy policy',
  'terms of use',
  'terms of service',
  'terms and conditions',
  'cookie policy',
  'sitemap',
  'site map',
  'rss',
  'about the author',
  'story continues below advertisement',
  'article continues below',
  'continue reading below',
  'scroll to continue',
  // sv
  'annons',
  'annonser',
  'läs mer',
  'läs också',
  'läs även',
  'mer att läsa',
  'relaterat',
  'relaterade artiklar',
  'mest läst',
  'mest läst i kategorin',
  'mest lästa',
  'mest delat',
  'senaste nytt',
  'senaste nyheterna',
  'senaste',
  'fler nyheter',
  'fler artiklar',
  'just nu',
  'dela',
  'dela artikeln',
  'prenumerera',
  'logga in',
  'kommentarer',
  'kommentera',
  'nyhetsbrev',
  'följ oss',
  'ämnen',
  'taggar',
  'kategorier',
  'rekommenderat',
  'rekommenderade artiklar',
  'innehåll',
  'i den här artikeln',
  'tipsa oss',
  'kontakta oss',
  'om oss',
  'sök',
  'meny',
  'stäng',
  // de
  'anzeige',
  'werbung',
  'mehr zum thema',
  'lesen sie auch',
  'auch interessant',
  'das könnte sie auch interessieren',
  'weitere artikel',
  'weitere nachrichten',
  'meistgelesen',
  'meistgelesene artikel',
  'neueste artikel',
  'aktuelle nachrichten',
  'teilen',
  'artikel teilen',
  'abonnieren',
  'anmelden',
  'kommentare',
  'zurück zur übersicht',
  'inhalt',
  'inhaltsverzeichnis',
  'zurück',
  'weiterlesen',
  'themen',
  'schlagworte',
  'impressum',
  'datenschutz',
  'suche',
  'menü',
  // fr
  'publicité',
  'lire aussi',
  'à lire aussi',
  'lire la suite',
  'voir aussi',
  'sur le même sujet',
  'les plus lus',
  'les plus lues',
  'dernières actualités',
  'derniers articles',
  'partager',
  "s'abonner",
  'se connecter',
  'commentaires',
  'articles liés',
  'à la une',
  'rechercher',
  'sommaire',
  // es
  'publicidad',
  'leer más',
  'lee también',
  'te puede interesar',
  'noticias relacionadas',
  'lo más leído',
  'lo más visto',
  'últimas noticias',
  'compartir',
  'suscríbete',
  'iniciar sesión',
  'comentarios',
  'buscar',
  'índice',
  'contenido',
  // pt
  'publicidade',
  'leia mais',
  'leia também',
  'veja também',
  'notícias relacionadas',
  'mais lidas',
  'mais lidos',
  'últimas notícias',
  'compartilhar',
  'partilhar',
  'assine',
  'entrar',
  'comentários',
  // it
  'pubblicità',
  'leggi anche',
  'condividi',
  'commenti',
  'più letti',
  'articoli correlati',
]);
const LABEL_LINE = new RegExp(`^(?:${LABELS})\\s*[:.!»›>)]*$`, 'iu');

/** Lines that begin with one of these lead somewhere else ("Läs mer: …", "READ MORE: …", "You are here: …"). */
const PREFIXES = phrases([
  'read more',
  'read also',
  'read next',
  'more on this',
  'more from',
  'related',
  'see also',
  'also read',
  'also see',
  'recommended',
  'watch',
  'listen',
  'you are here',
  'tags',
  'topics',
  'filed under',
  'categories',
  'category',
  'posted in',
  'photo',
  'photos',
  'image',
  'images',
  'picture',
  'credit',
  'image credit',
  'photo credit',
  'video',
  'läs mer',
  'läs också',
  'läs även',
  'du är här',
  'foto',
  'bild',
  'bilden',
  'taggar',
  'ämnen',
  'lesen sie auch',
  'mehr zum thema',
  'sie sind hier',
  'schlagworte',
  'lire aussi',
  'à lire aussi',
  'vous êtes ici',
  'voir aussi',
  'leer más',
  'lee también',
  'usted está aquí',
  'leia mais',
  'leia também',
  'veja também',
  'você está aqui',
  'leggi anche',
]);
const PREFIX_LINE = new RegExp(`^(?:${PREFIXES})\\s*[:|»›>–—-]`, 'iu');

/** Phrases of site furniture that no article paragraph carries, however long the line. */
const STRONG_FURNITURE = new RegExp(
  [
    '\\bad[- ]?blocker',
    'adblock',
    'annonsblock',
    'werbeblocker',
    'bloqueur de pub',
    'bloqueador de (?:anuncios|publicidade)',
    'disable your ad',
    'we use cookies',
    'this (?:web)?site uses cookies',
    'uses cookies to',
    'accept (?:all )?cookies',
    'cookie settings',
    'vi använder cookies',
    'wir verwenden cookies',
    'nous utilisons des cookies',
    'utilizamos cookies',
    'press enter to search',
    'press esc to cancel',
    'type above and press',
    'enable javascript',
    'javascript is disabled',
    'your browser does not support',
    'the information (?:provided|contained) (?:on|in) this (?:web)?site',
    'registered trademarks? of',
    'are trademarks of',
  ].join('|'),
  'iu',
);

/** Phrases that mark a short line as site furniture. */
const FURNITURE = new RegExp(
  [
    'all rights reserved',
    'alla rättigheter',
    'alle rechte vorbehalten',
    'tous droits réservés',
    'todos los derechos reservados',
    'todos os direitos reservados',
    'tutti i diritti riservati',
    '^©',
    '^copyright\\b',
    '©\\s*(?:19|20)\\d\\d',
    'use of cookies',
    'ansvarig utgivare',
    'verantwortlich (?:im sinne|i\\.\\s*s\\.)',
    'directeur de (?:la )?publication',
    'sign up for our',
    'subscribe to our',
    'subscribe to (?:the|updates|news)',
    'get the latest .{0,40} news',
    'delivered to your inbox',
    'prenumerera på',
    'anmäl dig till',
    'newsletter abonnieren',
    'abonnez-vous',
    'suscríbete a',
    'assine (?:a|o) nossa',
    'follow us on',
    // "Follow Newsbeat on Instagram, Facebook and YouTube"
    'follow (?:\\S+ ){1,3}on (?:instagram|facebook|twitter|x|youtube|tiktok|snapchat|linkedin|threads|bluesky)\\b',
    'följ oss på',
    'folgen sie uns',
    'suivez-nous',
    'síguenos',
    'siga-nos',
    'click here to',
    'klicka här',
    'klicken sie hier',
    'cliquez ici',
    'haga clic aquí',
    'clique aqui',
    '\\bmins? read\\b',
    '\\bminutes? read\\b',
    'min läsning',
    'läsningstid',
    'lästid',
    'lesezeit',
    'min de lecture',
    'min de lectura',
    'min de leitura',
    'reading time',
    'terms of (?:use|service)',
    'privacy policy',
    'integritetspolicy',
    'datenschutzerklärung',
    'politique de confidentialité',
    'política de privacidad',
    'política de privacidade',
    'report an error',
    'story continues below',
    'article continues below',
    'continue reading below',
  ].join('|'),
  'iu',
);

const SOCIAL = new Set(
  `facebook twitter x instagram linkedin pinterest whatsapp email e-mail mail reddit telegram tumblr youtube tiktok vimeo bluesky threads mastodon flipboard messenger vk xing print copy link share tweet pin sms google rss snapchat skype line viber pocket mix digg stumbleupon`.split(
    ' ',
  ),
);

/** A row of social-network names ("Facebook X (Twitter) Instagram", "Share. Facebook Twitter …"). */
export function isShareBar(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? [];
  if (words.length < 2) return false;
  let social = 0;
  let networks = 0;
  for (const w of words) {
    if (SOCIAL.has(w)) {
      social++;
      if (!['share', 'print', 'copy', 'link', 'email', 'mail', 'e-mail', 'tweet', 'pin', 'x', 'line', 'mix', 'pocket', 'sms'].includes(w))
        networks++;
    }
  }
  return networks >= 2 && social / words.length >= 0.6;
}

/** "More in World", "Mehr aus Berlin", "Fler nyheter från …": the head of a list of links. */
const MORE_IN =
  /^(?:more|mehr|fler|plus|más|mais|altri)\s+(?:in|from|on|about|of|stories|news|articles|från|om|inom|aus|zu|zum|von|de|du|des|en|sobre|da|do|di)\b/iu;

/** Leading arrows and pipes that menus put before a label ("» Publicidade", "› Read more"). */
const LEADING_MARKS = /^[»›>|·•\-–—\s]+/u;

/** A whole-line label of page furniture ("Mest läst i kategorin", "ADVERTISEMENT", "Editors Picks"). */
export function isLabel(text: string): boolean {
  const t = text.replace(LEADING_MARKS, '');
  if (t.length > 60) return false;
  return LABEL_LINE.test(t) || (MORE_IN.test(t) && t.split(/\s+/).length <= 6);
}

/** A furniture phrase no article paragraph carries (ad-blocker appeals, cookie notices, search-box help). */
export function hasStrongFurniture(text: string): boolean {
  return STRONG_FURNITURE.test(text);
}

const COPYRIGHT_START =
  /^(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}|copyright|.{1,60}?\b(?:19|20)\d\d\b)|^copyright\s+(?:©\s*)?(?:19|20)\d\d/iu;
const RIGHTS_RESERVED =
  /all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|alla rättigheter förbehållna|tutti i diritti riservati/iu;
const COMMENTS_HEADER =
  /^\[?\s*(?:\d+\s*)?(?:top rated |reader |readers' |latest |show |view |all )?(?:comments?|kommentarer|kommentare|commentaires|comentarios|comentários|commenti|reacties)(?:\s*\(\d+\))?\s*\]?\s*:?$|^(?:leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|what do you think\??|skriv en kommentar|kommentieren|laisser un commentaire|deja un comentario|deixe um comentário)\s*:?$/iu;

/**
 * Lines no article crosses: a copyright line (the page footer) and the header of the comments.
 */
export function isWall(text: string): boolean {
  return COPYRIGHT_START.test(text) || (text.length <= 200 && RIGHTS_RESERVED.test(text)) || isCommentsHeader(text);
}

/** "Comments", "[ 167 comments ]", "Leave a Reply", "Kommentarer (12)": readers' text follows, not the article's. */
export function isCommentsHeader(text: string): boolean {
  return text.length <= 60 && COMMENTS_HEADER.test(text.replace(LEADING_MARKS, ''));
}

/** A line that introduces a link elsewhere or a caption ("Läs mer: …", "You are here: …", "Photo: …"). */
export function isPrefixed(text: string): boolean {
  return PREFIX_LINE.test(text);
}

/** A line with a phrase of site furniture in it (copyright, ad-blocker appeals, cookie notices, read times). */
export function hasFurniture(text: string): boolean {
  return FURNITURE.test(text);
}
