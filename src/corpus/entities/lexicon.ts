/**
 * Word knowledge for entity discovery in Swedish, English and German (and some neighbours): what
 * a capitalised word that is NOT a name looks like, and the cue words around names that tell
 * their type. All entries are lower-case; compounds (Swedish and German write "chefsforskare",
 * "Investmentfirma" as one word) are matched by their head, see {@link endsWithHead}.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/u));

/** Function words (articles, pronouns, prepositions, conjunctions, adverbs) of sv, en, de. */
export const FUNCTION_WORDS = words(`
  the a an this that these those there here it its he she his her hers him they them their theirs we us our
  you your i me my mine who whom whose which what when where why how while whilst as at by for from in into
  of off on onto out over to under up upon with within without about above after against along among around
  before behind below beside besides between beyond but and or nor so yet if then than though although
  because since until unless unlike like despite during via per whether also only even still just now today
  yesterday tomorrow meanwhile however furthermore moreover therefore thus instead currently recently already
  again soon later last next every each all any some many most more much both either neither such other
  another no not never always often once twice first second third according not is are was were be been
  being has have had do does did will would can could shall should may might must let lets
  det den de dem en ett i på för med av till från om när efter under sedan men och eller som att han hon hans
  hennes deras dess sin sitt sina vi ni jag du man mig dig oss er dessutom enligt samtidigt nu här där så då
  även också inte bara mest flera alla många vid hos mot utan inom genom bland trots
  medan eftersom innan dock redan just ännu alltid aldrig ofta kanske detta denna dessa vilket vilken vilka
  vad var varför hur vem vars någon något några ingen inget inga varje annan annat andra hela ju väl nog
  bl.a t.ex ska skulle kan kunde vill ville måste har hade är var blir blev
  der die das den dem des ein eine einen einem einer eines im am an auf aus bei mit nach von vor zu zur zum
  für über unter durch gegen ohne um und oder aber auch doch dass wenn als wie weil ob er sie es ihr ich
  du wir man sein seine seiner seinem seinen ihre ihrer ihrem ihren unser unsere dieser diese dieses diesem
  diesen jetzt heute nun hier dort noch schon nur laut seit bis beim vom ins nicht kein keine sehr mehr
  dabei damit davon darunter etwa bereits zudem jedoch sowie ist sind war waren wird werden wurde wurden hat
  haben hatte hatten kann können konnte soll sollen will wollen muss müssen
  hey hi hello oh yes well thanks please dear okay wow
`);

/** Determiners that open a noun phrase (left out of a description). */
export const DETERMINERS = words(`the a an en ett den det de der die das dem des ein eine einer eines einem einen`);

/** Possessive pronouns: a description that starts with one refers back ("its flagship…"). */
export const ANAPHORIC = words(`
  its his her their our my your sin sitt sina hans hennes dess deras vår vårt våra sein seine seiner seinem
  seinen ihr ihre ihrer ihrem ihren unser unsere företagets bolagets koncernens firmans myndighetens
  organisationens unternehmens konzerns
`);

/** Possessive pronouns: a description drops them ("its chief scientist" → "chief scientist"). */
export const PRONOUN_POSSESSIVES = words(`
  its his her their our my your sin sitt sina hans hennes dess deras vår vårt våra sein seine seiner seinem
  seinen ihr ihre ihrer ihrem ihren unser unsere
`);

/** Relative pronouns that open a clause about the word before the comma. */
export const RELATIVE_PERSON = words(`who whose som der die dessen deren welcher welche`);
export const RELATIVE_THING = words(`which whose som der die das dessen deren welche welches`);

/** Roles and titles of people (a name after one is a person: "vd Mark Zuckerberg", "Scale CEO Alexandr Wang"). */
export const ROLES = words(`
  ceo cfo cto coo cio cso vd founder cofounder co-founder chairman chairwoman chair chairperson president
  vice-president director head chief scientist researcher professor analyst economist spokesman spokeswoman
  spokesperson minister secretary senator governor mayor engineer investor executive manager editor
  reporter journalist author writer leader pioneer expert lawyer attorney judge ambassador chancellor
  king queen prince princess pope coach actor actress singer artist entrepreneur billionaire officer
  dean student candidate boss owner premier sheriff commissioner lawmaker congressman congresswoman
  representative general colonel captain rapper producer designer developer programmer physician doctor
  filmmaker administrator commander ombudsman ombudswoman ombudsperson prosecutor inspector superintendent
  vd:n ordförande grundare medgrundare chef forskare professorn statsminister pionjär expert analytiker
  ekonom talesperson presschef direktör ledare investerare entreprenör journalist författare ägare
  minister generaldirektör kommunikationschef chefsekonom riksdagsledamot kung drottning prins prinsessa
  påve tränare skådespelare sångare artist miljardär grundaren forskaren
  chefin gründer gründerin mitgründer mitgründerin forscher forscherin wissenschaftler wissenschaftlerin
  präsident präsidentin ministerin kanzler kanzlerin sprecher sprecherin vorstand vorsitzende vorsitzender
  geschäftsführer geschäftsführerin direktor direktorin experte expertin analystin informatiker
  informatikerin investorin ingenieur ingenieurin pionier pionierin leiter leiterin unternehmer
  unternehmerin autorin journalistin bürgermeister bürgermeisterin abgeordnete abgeordneter
  speaker
  presidente ministro ministra diretor diretora jogador treinador piloto cantor cantora ator atriz escritor
  escritora professora prefeito governador deputado senador viúva regista attore attrice cantante scrittore
  scrittrice allenatore giocatore sindaco presiden menteri gubernur bupati wali walikota ustadz ustaz
  syekh kyai pelatih pemain penyanyi aktor aktris penulis direktur juru bicara
`);

/**
 * Roles that are also words of titles and brand names ("Star Wars", "Rider", "Host"): before a name
 * in lower case they tell a person ("Brazil star Neymar"), but a capitalised one does not cut a name.
 */
export const SOFT_ROLES = words(`
  star superstar player striker forward midfielder defender goalkeeper quarterback pitcher winger
  rookie teammate driver rider comedian host presenter novelist poet architect painter musician composer
  widow widower wife husband son daughter mother father brother sister grandson granddaughter
`);

/** Heads of Swedish/German role compounds: "chefsforskare", "AI-pionjär", "Vorstandschef". */
const ROLE_HEADS = [
  'forskare',
  'pionjär',
  'chef',
  'chefin',
  'grundare',
  'ordförande',
  'direktör',
  'ledare',
  'ekonom',
  'analytiker',
  'minister',
  'ministerin',
  'professor',
  'expert',
  'expertin',
  'gründer',
  'gründerin',
  'forscher',
  'forscherin',
  'wissenschaftler',
  'wissenschaftlerin',
  'sprecher',
  'sprecherin',
  'präsident',
  'präsidentin',
  'leiter',
  'leiterin',
  'informatiker',
  'informatikerin',
  'scientist',
  'founder',
];

/** Words that qualify a role: "chief AI scientist", "tidigare vd", "frühere Forscherin". */
export const ROLE_MODIFIERS = words(`
  chief senior former deputy vice acting interim executive managing lead top longtime
  tidigare förre f.d biträdande vice ställföreträdande
  frühere früherer ehemalige ehemaliger stellvertretende stellvertretender
`);

/** Honorifics: the name that follows is a person's. */
export const HONORIFICS = words(`mr mrs ms miss mx dr prof sir dame lord lady herr frau fru rt hon`);

/** Heads of institutions whose names join two words with "and" ("Securities and Exchange Commission"). */
export const INSTITUTIONS = words(`
  commission administration agency bureau committee council board authority department service services
  ministry office institute association society foundation enforcement
`);

/** Nouns for organisations: "the company Scale", "datahanteringsbolaget Scale AI", "Investmentfirma X". */
export const ORG_HEADS = [
  'company',
  'firm',
  'startup',
  'start-up',
  'group',
  'giant',
  'maker',
  'lab',
  'laboratory',
  'publisher',
  'newspaper',
  'bank',
  'fund',
  'unit',
  'division',
  'department',
  'agency',
  'regulator',
  'broadcaster',
  'outlet',
  'retailer',
  'manufacturer',
  'chipmaker',
  'carmaker',
  'automaker',
  'conglomerate',
  'subsidiary',
  'airline',
  'insurer',
  'lender',
  'university',
  'institute',
  'party',
  'bolaget',
  'bolag',
  'företaget',
  'företag',
  'koncernen',
  'koncern',
  'jätten',
  'myndigheten',
  'avdelning',
  'avdelningen',
  'enheten',
  'organisationen',
  'tidningen',
  'banken',
  'fonden',
  'förlaget',
  'labbet',
  'partiet',
  'startupen',
  'firma',
  'unternehmen',
  'konzern',
  'hersteller',
  'anbieter',
  'behörde',
  'zeitung',
  'labor',
  'institut',
  'universität',
];

export const PRODUCT_HEADS = [
  'model',
  'modell',
  'modellen',
  'app',
  'appen',
  'chatbot',
  'chattbot',
  'chattboten',
  'assistant',
  'assistent',
  'smartphone',
  'telefon',
  'telefonen',
  'mobil',
  'mobilen',
  'chip',
  'chippet',
  'processor',
  'platform',
  'plattform',
  'plattformen',
  'software',
  'product',
  'produkt',
  'produkten',
  'tool',
  'verktyg',
  'verktyget',
  'tjänst',
  'tjänsten',
  'dienst',
  'system',
  'systemet',
  'phone',
  'robot',
  'roboten',
];

export const PLACE_HEADS = [
  'city',
  'town',
  'village',
  'country',
  'province',
  'region',
  'capital',
  'staden',
  'landet',
  'kommunen',
  'länet',
  'regionen',
  'huvudstaden',
  'stadt',
  'hauptstadt',
  'bundesland',
  'dorf',
  'insel',
];

export const EVENT_HEADS = [
  'conference',
  'summit',
  'festival',
  'mission',
  'election',
  'war',
  'tournament',
  'championship',
  'expo',
  'konferensen',
  'toppmötet',
  'mässan',
  'valet',
  'kriget',
  'festivalen',
  'konferenz',
  'gipfel',
  'messe',
  'wahl',
  'krieg',
];

export const WORK_HEADS = [
  'book',
  'novel',
  'film',
  'movie',
  'series',
  'song',
  'album',
  'documentary',
  'journal',
  'painting',
  'artwork',
  'sculpture',
  'installation',
  'poem',
  'podcast',
  'opera',
  'musical',
  'gemälde',
  'dipinto',
  'quadro',
  'pintura',
  'livro',
  'libro',
  'canzone',
  'canção',
  'buku',
  'lagu',
  'surat',
  'surah',
  'boken',
  'romanen',
  'filmen',
  'serien',
  'låten',
  'albumet',
  'dokumentären',
  'buch',
  'roman',
  'serie',
  'lied',
];

/** Plural heads before "like / such as / som / wie": "rivals such as Google", "AI tools like ChatGPT". */
export const LIST_ORG_HEADS = words(`
  companies competitors rivals firms giants players startups banks konkurrenter konkurrenterna bolag företag
  jättar techjättar techjättarna konkurrenten unternehmen firmen konzerne rivalen konkurrenz
`);
export const LIST_PRODUCT_HEADS = words(`
  tools apps products chatbots models services verktyg appar produkter modeller tjänster chattbotar
  produkte modelle dienste
`);
export const LIST_LINKS = words(`like including such som såsom wie darunter etwa inklusive`);

/** Verbs of saying next to a name: a person ("said Wang", "säger Lindqvist", "sagte Hoffmann"). */
export const SAY_VERBS = words(`
  said says told tells added explained wrote argued noted säger sa sade berättar förklarar menar
  sagte sagt erklärte betonte meinte schrieb
`);

/** Verbs of publishing before a name: a news organisation ("skriver New York Times"). */
export const MEDIA_VERBS = words(`skriver rapporterar uppger reported reports writes berichtet berichtete meldet meldete schreibt`);

/** Prepositions before a place. */
export const PLACE_PREPOSITIONS = words(`in i från from nach aus im near atop nära nahe perto vicino cerca dekat`);

/** "role of/at/för/på X": X is an organisation ("CEO of Meta", "vd för Vinterfjord", "Forscherin bei Google"). */
export const ROLE_PREPOSITIONS = words(`of at för på av hos vid von bei für`);

/** Investment words before "in/i X": X is a company, not a place. */
export const INVEST_WORDS = words(`
  investment investments invest invests invested investing stake investerade investerat investera
  investering investeringar investeringen investiert investierte investition beteiligung
`);

/** Nouns after a name's possessive that belong to an organisation ("Scale’s board", "Metas aktie"). */
export const ORG_PARTS = words(`
  board shares stock employees staff headquarters subsidiary styrelse aktie aktien aktier anställda
  huvudkontor dotterbolag aufsichtsrat aktie aktien mitarbeiter zentrale
`);

/** Months and weekdays: "April 26" is a date, not a model number. */
export const CALENDAR = words(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
  januar februar märz april mai juni juli august september oktober november dezember
  montag dienstag mittwoch donnerstag freitag samstag sonntag
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = words(`
  ${[...CALENDAR].join(' ')}
  american european chinese british swedish german french russian japanese indian canadian australian
  italian spanish korean israeli ukrainian danish norwegian finnish dutch polish turkish brazilian
  mexican african asian western eastern northern southern nordic scandinavian arab iranian english
  christian muslim jewish democrat democrats republican republicans
  nabi ai ki ia it tv pc ceo cfo cto coo cio vd hr pr phd ok usd sek eur gbp nok dkk bnp gdp ipo faq pdf url
  ui am pm etf vr ar esg api ok id ps nb obs tel
  euro euros dollar dollars kronor kronen pfund
  internet web
  americans europeans germans swedes brits russians ukrainians israelis palestinians iranians iraqis
  syrians indians pakistanis africans asians australians canadians mexicans italians spaniards koreans
  danes norwegians finns poles turks brazilians afghan afghans austrian austrians catholics muslims
  christians jews swiss belgian irish scottish welsh greek portuguese egyptian saudi pakistani iraqi
  syrian afghan vietnamese thai filipino nigerian
  ev evs suv suvs led leds awd rwd fwd 4wd hvac kwh mwh gwh usb dvd dvds cd cds gmt utc cet pet hd uhd
  gps lcd oled lte nfc cpu gpu ram ssd hdmi wifi wi-fi rgb mph kmh rpm diy faqs mp3 sms otc usb-c sns
  venti trenta quaranta cinquanta sessanta settanta ottanta novanta
  century avenue street road city class award best center centre bridge closed open more read click
  share subscribe photo video image source update advertisement editor editors
`);

/** Function words that, capitalised inside a run, show a title rather than a name ("Can’t Taylor Swift Perform Her Own Songs"). */
export const TITLE_WORDS = words(
  `the a an to on in at for her his its our their my your with from by own can't der die das dem och und på av med`,
);

/** First words of names that are not people's ("Blue Origin", "Air Astana", "Big Machine"). */
export const NON_PERSON_FIRST = words(`
  air big best blue black red green white gold golden royal national international global united central
  north south east west northern southern eastern western great grand old first new upper lower
`);

/** First words of place names ("San Francisco", "Las Vegas", "Fort Worth"). */
export const PLACE_FIRST = words(`san santa são los las fort port mount mt lake cape saint st sankt bad`);

/** Last words of product names ("AirPods Pro", "Galaxy S23 Ultra", "Apple Watch Series 5"). */
export const PRODUCT_SUFFIXES = words(`pro max plus ultra mini air series edition lite auto watch unlimited`);

/** Nouns after a name that say it is a product ("the Cassini spacecraft", "787 Dreamliner jets", "Siri shortcuts"). */
export const PRODUCT_AFTER = words(`
  spacecraft probe rover satellite telescope lander orbiter rocket jet jets aircraft airliner airliners plane
  planes car cars vehicle vehicles truck trucks suv sedan console consoles laptop laptops tablet tablets
  headphones earbuds smartwatch drone drones app apps browser chip chips processor phone phones
  smartphone smartphones handset device devices shortcuts update updates engine engines
`);

/** Last words that make a name an organisation ("Scale AI", "Financial Times", "Kranich Capital"). */
export const ORG_SUFFIXES = words(`
  ai inc inc. corp corporation co company ltd llc plc ab ag gmbh se sa nv bv asa oy oyj group gruppe
  gruppen holding holdings technologies technology labs lab research institute institut institutet
  university universität universitet universitetet college school academy akademien foundation stiftung
  stiftelsen fund fonden bank banken capital ventures partners associates agency authority association
  council committee commission ministry department party partiet times post journal news herald tribune
  gazette telegraph guardian observer magazine zeitung allgemeine tagblatt rundschau dagblad dagbladet
  nyheter tidning posten robotics systems motors airlines airways energy pharma pharmaceuticals media
  studios entertainment networks software semiconductor electronics industries international solutions
  services bahn telekom automation dynamics aerospace logistics analytics consulting devices foods
  biotech therapeutics materials instruments computing ledger chronicle courier examiner inquirer
  economist wire daily weekly center centre hospital infirmary museum theatre theater hall studio
  library gallery church cathedral clinic court office store club league federation union coalition
  army navy police brotherhood insider today organization organisation organisationen laboratory laboratories
  band orchestra ensemble choir quartet trio philharmonic
`);

/** Business words after which the first word alone names the company in the same article ("Harbor" for "Harbor Robotics"). */
export const SHORTENABLE_SUFFIXES = words(`
  robotics systems technologies technology labs capital ventures automation motors airlines energy pharma
  group holdings partners software networks therapeutics biotech analytics logistics semiconductor
  electronics industries solutions services media studios games entertainment dynamics aerospace
`);

/** Quantities after a number: "80 Millionen Euro" is not a model number like "Llama 4". */
export const UNITS = words(`
  million millions billion billions trillion percent per cent procent prozent years year months month
  weeks days hours minutes people employees users times miljoner miljarder miljon miljard år månader
  veckor dagar timmar minuter personer anställda användare gånger kronor dollar euro millionen milliarden
  million milliarde jahre jahren monate monaten wochen tage tagen stunden menschen mitarbeiter nutzer
  firmen prozentpunkte mal
`);

/** Participles and adjectives that open a sentence before a name ("Stockholmsbaserade Vinterfjord AB"). */
export const OPENING_MODIFIER = /(?:ade|ande|ende|erade|iga|liga|ierte|ierten|enden|based|ing|ed)$/u;

/** Suffixes that may be dropped to get a company's short name ("Scale AI" → "Scale", "Vinterfjord AB"). */
export const LEGAL_SUFFIXES = words(`ai inc inc. corp corporation co ltd llc plc ab ag gmbh se sa nv bv asa oy oyj`);

/** Legal suffixes a display name can do without (AI stays: "Scale AI" is the brand). */
export const DROPPABLE_SUFFIXES = words(`inc inc. corp corporation co ltd llc plc ab ag gmbh se sa nv bv asa oy oyj`);

/** Newspaper compounds: "Handelsblatt", "Aftonbladet", "Teknikvärlden"… by their head. */
export const MEDIA_HEADS = ['blatt', 'zeitung', 'bladet', 'tidningen', 'posten', 'kuriren', 'nachrichten'];

export const PLACE_SUFFIXES = words(`
  city county street avenue river valley island islands mountains bay lake sea ocean strait peninsula
  square bridge airport park garden gardens beach district province heights hills springs falls canyon
  forest desert coast harbor harbour hill field fields stadium arena palace plaza boulevard lane road
  drive grove wharf pier station terminal castle fortress stadion stadio estádio
`);

/** First words of place names in Romance languages and Indonesian ("Praça da Sé", "Piazza Navona", "Jalan Sudirman"). */
export const PLACE_HEADS_FIRST = words(`
  rua praça avenida largo travessa piazza viale corso vicolo lungomare plaza calle paseo
  jalan kota pulau gunung danau sungai selat teluk kabupaten provinsi desa kampung
  monte rio lago isola ilha isla
`);

/** German compound heads of places ("Alexanderplatz", "Hauptbahnhof", "Olympiastadion"). */
export const PLACE_COMPOUND_HEADS = ['straße', 'strasse', 'platz', 'brücke', 'bahnhof', 'stadion', 'allee', 'gasse', 'flughafen'];

/**
 * First words of organisations in Romance languages and Indonesian, where the head comes first
 * ("Escola de Belas Artes", "Università di Bologna", "Partai Golkar", "Yayasan Sosial").
 */
export const ORG_HEADS_FIRST = words(`
  escola universidade universidad università universita instituto istituto banco banca ministério
  ministerio ministero fundação fundación fondazione associação associazione asociación partido partito
  companhia compagnia clube faculdade facoltà colégio colegio liceu liceo tribunal tribunale igreja chiesa
  iglesia ospedale comissão commissione comisión secretaria prefeitura comune sindicato sindacato
  sekolah universitas kementerian partai yayasan pesantren majelis lembaga badan dewan perusahaan
  duo trio quarteto quartetto cuarteto banda orquestra orchestra orquesta coro grupo gruppo
`);

/** German compound heads of organisations ("Techniker Krankenkasse", "Bundesgesundheitsministerium", "Ärzteverband"). */
export const ORG_COMPOUND_HEADS = [
  'kasse',
  'versicherung',
  'verband',
  'ministerium',
  'gericht',
  'behörde',
  'kammer',
  'gewerkschaft',
  'verein',
  'stiftung',
  'klinikum',
  'hochschule',
  'universität',
  'institut',
  'konzern',
  'bundesamt',
  'agentur',
];

/** First words of events ("Giorno del Ringraziamento", "Dia das Mães", "Copa do Mundo", "Hari Raya"). */
export const EVENT_HEADS_FIRST = words(`
  giorno dia día festa fiesta festival copa coppa campeonato campionato torneo torneio jogos giochi
  olimpiadi olimpíadas semana settimana hari piala konferensi
  perang pertempuran revolusi guerra batalha battaglia batalla revolução rivoluzione revolución
`);

/** Holidays and feasts in the corpus languages: events. */
export const HOLIDAYS = words(`
  christmas easter thanksgiving halloween hanukkah passover ramadan diwali pentecost advent lent
  natale pasqua capodanno ferragosto epifania carnevale pentecoste quaresima
  natal páscoa pascoa carnaval réveillon reveillon quaresma
  navidad pascua nochebuena nochevieja
  weihnachten ostern pfingsten silvester fasching karneval
  lebaran idulfitri iduladha nyepi waisak imlek natalan
  jul påsk midsommar
`);

/** Scriptures and religions: a scripture is a work, a religion a concept. */
export const SCRIPTURES = words(
  `quran qur'an qur’an alquran al-quran al-qur'an al-qur’an bible alkitab torah taurat injil zabur talmud bibbia bíblia biblia bibel`,
);
export const RELIGIONS = words(`
  islam christianity judaism buddhism hinduism catholicism protestantism sikhism taoism shinto
  kristen katolik protestan yahudi cristianesimo cristianismo christentum judentum buddhismus hinduismus
  ebraismo judaísmo buddismo budismo induismo hinduísmo
  sunni sunnism shia shiite shiism syiah syi'ah syi’ah wahhabi wahhabism wahabi salafi salafism sufi sufism
`);

/**
 * Words that open the titles of books of hadith and tafsir in Indonesian and Arabic ("Shahih
 * Bukhari", "Tafsir Ibnu Katsir", "Kitab Tauhid"): works.
 */
export const SCRIPTURE_TITLE_FIRST = words(`shahih sahih shohih musnad tafsir kitab riyadhus riyadush bulughul`);

/** Islamic honorifics after a name (SAW, SWT, AS, RA): the name is a person's. */
export const HONORIFIC_SUFFIXES = words(`saw s.a.w swt s.w.t ra r.a as a.s`);

/** God and the prophet, named as persons in news and sermons of several languages. */
export const DEITIES = words(`god allah tuhan gott deus dio dios dieu rasulullah yahweh jehova jehovah`);

/** Arabic name words that open a person's name ("Abu Hurairah", "Ibnu Katsir", "Ummu Salamah"). */
export const ARABIC_NAME_FIRST = words(`abu abi ibnu ibn ummu umm sayyidina sayyiduna`);

/** Religious titles that are no name on their own ("Imam", "Khalifah"), as a title alone is none. */
export const RELIGIOUS_TITLES = words(`
  imam nabi rasul syekh syaikh syeikh ustadz ustaz ustadzah kyai kiai habib sayyid hajjah khalifah khalifa caliph
`);

/** Honorifics and titles that open a name (Imam Malik, Nabi Adam, Syekh Ali Jaber). */
export const TITLE_FIRST = words(`
  imam nabi rasul syekh syaikh syeikh ustadz ustaz ustadzah kyai kiai habib sayyid haji hajjah khalifah khalifa caliph
  pastor padre papa don dona dom frei irmã santo santa são
`);

export const EVENT_SUFFIXES = words(
  `summit conference games olympics cup war festival expo week championship championships election finals show fair marathon tournament awards`,
);

/** Awards in several languages ("Turingpriset", "Turing Award", "Turing-Preis"): a stem and a head. */
export const AWARD =
  /^(\p{Lu}[\p{L}\p{M}.]*(?:[ -]\p{Lu}[\p{L}\p{M}.]*)*?)[ -]?(priset|pris|prisen|prize|award|preis|preises|prijs|medal|medaljen|medaille)$/iu;

/** Particles inside personal names ("Ursula von der Leyen", "Vincent van Gogh"). */
export const NAME_PARTICLES = words(`von van de da di du af der den la le del della dos bin al`);

/** Org heads that take "of" inside a name ("Bank of America", "University of Oxford"). */
export const OF_HEADS = words(
  `bank university institute republic museum department ministry school college academy church council court federation board
  house chamber office bureau agency commission association society union kingdom federation secretariat`,
);

/** Planets, moons and other bodies of the sky, which the gold of any newsroom calls places. */
export const CELESTIAL = words(`
  mercury venus earth mars jupiter saturn uranus neptune pluto moon titan europa ganymede callisto io
  enceladus triton ceres sun
  merkurius jorden mars jupiter saturnus månen solen merkur erde mond sonne mercurio terra marte giove
  saturno luna sole netuno júpiter lua bumi matahari bulan
  solar-system milky-way
`);

/** Heads of laws, standards and policies, which are concepts ("Affordable Care Act", "E-Health-Gesetz", "Dataskyddslagen"). */
export const LAW_HEADS = ['gesetz', 'verordnung', 'richtlinie', 'lagen', 'förordningen'];
/** The same as separate last words ("Affordable Care Act"). */
export const LAW_WORDS = words(`act directive regulation treaty doctrine`);

/** Days of the week in the corpus languages: a name with one is a day or an event ("Black Friday"). */
export const WEEKDAYS = words(`
  monday tuesday wednesday thursday friday saturday sunday måndag tisdag onsdag torsdag fredag lördag söndag
  montag dienstag mittwoch donnerstag freitag samstag sonntag lunedì martedì mercoledì giovedì venerdì sabato
  domenica segunda terça quarta quinta sexta sábado domingo lunes martes miércoles jueves viernes
  lundi mardi mercredi jeudi vendredi samedi dimanche
`);

/** Labels that a number or a letter follows ("Week 13", "Group C", "Parte 01"): not names. */
export const LABEL_WORDS = words(`
  week group round game day stage chapter part section page step level season episode volume phase match
  heat table figure fig round pool zone tier grade act scene schedule
  vecka omgång grupp dag del avsnitt säsong kapitel woche runde gruppe tag teil kapitel staffel folge
  parte capitolo gruppo giornata girone settimana stagione puntata episodio parte grupo rodada semana
  jornada capítulo temporada episódio episodio minggu babak bagian grup hari musim bab semaine journée
  groupe chapitre saison épisode
`);

/** Conjunctions joining two roles ("chefsforskare och AI-pionjär"). */
export const CONJUNCTIONS = words(`and och und &`);

/** Words that introduce a term: "så kallad ”superintelligens”", "the concept of “superintelligence”". */
export const TERM_CUES: readonly (readonly string[])[] = [
  ['so-called'],
  ['so', 'called'],
  ['så', 'kallad'],
  ['så', 'kallade'],
  ['så', 'kallat'],
  ['s.k'],
  ['sogenannte'],
  ['sogenannten'],
  ['sogenannter'],
  ['sogenanntes'],
  ['so', 'genannte'],
  ['so', 'genannten'],
  ['concept', 'of'],
  ['notion', 'of'],
  ['term'],
  ['begreppet'],
  ['begriff'],
];

/** Cues that introduce a term only when it is quoted ("the concept of “superintelligence”"). */
export const QUOTED_TERM_CUES = new Set(['of', 'term', 'begreppet', 'begriff']);

/**
 * Common given names (en, sv, de, fr, es, it and some international): a capitalised pair that
 * starts with one is a person's name. Not exhaustive: names outside it are found by other cues.
 */
export const FIRST_NAMES = words(`
  aaron abigail adam adrian agnes ahmed aidan alan albert alberto alex alexander alexandra alexandr alexei
  alexis alfred ali alice alicia alina alison amanda amber amelia amy ana anders andrea andreas andrew andy
  angela angelika anita ann anna anne annika anton antonio arne arthur astrid axel barack barbara bart ben
  benjamin bernd bernhard bernie bertil beth bill birgit birgitta björn bo bob boris brad brian bruce bruno
  camilla carl carla carlos carmen caroline catherine cecilia charles charlie charlotte chris christian
  christina christine christoph christopher claes claire clara claudia colin craig cristina dag dan daniel
  daniela danny dario david deborah denis dennis diana diane dieter dmitry dominic donald doris douglas
  edward elena eli elias elin elisabeth elizabeth ella ellen elon emil emily emma emmanuel eric erik erika
  ernst eva evelyn fabian felix fernando filip fiona florian frances francesco francis françois frank
  franz fred frederik fredrik friedrich gabriel gary geoffrey george georg gerhard gina giorgia giovanni
  gordon grace greg gregory gunnar gustav hanna hannah hans harald harry hassan heinz helen helena helene
  helmut henrik henry herbert hillary holger hugo ian ida ingrid isaac isabel isabella ivan jack jacob
  jakob james jan jane janet jann jason javier jean jeff jeffrey jennifer jens jensen jeremy jerome jessica
  jim joachim joan joanna joe joel joelle johan johann johanna john jonas jonathan jordan jorge josé
  joseph josh joshua juan judith julia julian juliane julie jürgen justin kai kamala karen karin karl
  kate katarina katharina kathrin katie keir kenneth kevin kim klara klaus kristian kristina kurt lars
  laura lauren lea lena leo leon leonard lisa liz louis louise lucas lucy ludwig luis lukas magdalena
  magnus maja malin marco marcus margaret margareta margrethe maria marie marina mario mark markus marta
  martin mary mathias matt matteo matthew matthias mattias max maximilian melanie mia michael michaela
  michel michelle miguel mika mikael mike mira mohammed monika nadia natalie nathan nicholas nick nicola
  nicolas niklas nils nina noah nora olaf olga oliver olivia olof omar oscar oskar otto pablo patrick
  patricia paul paula pedro per peter petra philip philipp pierre priya rachel rafael ralf ralph rebecca
  richard rita robert roberto robin roger roland rolf ronald rosa ruth ryan sabine sadiq sam samuel sandra
  sara sarah satya sebastian sergey sergei simon sofia sophie stefan stefanie steffen stephan stephen
  steve steven sundar susan susanne sven svenja sylvia tanja ted teresa theresa thomas tim timothy tobias
  tom tomas tommy tony torsten ulf ulla ulrich ulrike ursula uwe valentina vanessa vera victor viktor
  vincent vladimir walter werner wilhelm william wolfgang xavier yann yoshua yuval zoe åsa örjan
`);

/** English heads that end too many other words ("electricity", "opportunity"): matched whole only. */
const WHOLE_ONLY = words(`city unit war app party lab fund maker`);

/**
 * Whether `lower` is `head` or a compound ending in it: "datahanteringsbolaget" ends in "bolaget",
 * "KI-Start-up" in "start-up", "Nordwerk-Gründerin" in "gründerin".
 */
export function endsWithHead(lower: string, heads: readonly string[]): boolean {
  const last = lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : lower;
  for (const h of heads) {
    if (last === h || lower === h) return true;
    if (!WHOLE_ONLY.has(h) && lower.length >= h.length + 3 && lower.endsWith(h)) return true;
  }
  return false;
}

/** A word lower-cased without its possessive or inflection, as the lists above hold it. */
export const lowerWord = (w: string): string => {
  const colon = /^(.+):\p{Ll}{1,3}$/u.exec(w);
  const poss = /^(.+?)['’]s$/u.exec(w);
  return (colon?.[1] ?? poss?.[1] ?? w).toLowerCase();
};

/** A role word or a role compound ("chefsforskare", "AI-pionjär", "Nordwerk-Gründerin"). */
export function isRole(lower: string): boolean {
  if (ROLES.has(lower) || SOFT_ROLES.has(lower)) return true;
  const last = lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : lower;
  return ROLES.has(last) || endsWithHead(lower, ROLE_HEADS);
}
