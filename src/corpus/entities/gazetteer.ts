/**
 * The gazetteer: places (countries, continents, regions, cities) and personal names (given names,
 * surnames) in many languages, so that "Glasgow" is typed a place and "Guido Pella" a person
 * without a cue in the sentence. Like the registry it is data passed in by the caller (the Node
 * side derives it from pinned data packages, see scripts/gazetteer.mjs); nothing here reads files.
 * Without it, a small built-in list keeps the code working (in a browser, in unit tests).
 */
import { fold } from './tokens';

export type PlaceKind = 'country' | 'continent' | 'region' | 'city' | 'town';

export interface Gazetteer {
  /** Folded place name → what kind of place; a name of several kinds keeps the widest. */
  places: ReadonlyMap<string, PlaceKind>;
  /** Folded given names ("guido", "suzete", "алексей"). */
  givenNames: ReadonlySet<string>;
  /** Folded surnames ("pella", "andersson"). */
  surnames: ReadonlySet<string>;
}

/** The JSON shape scripts/gazetteer.mjs writes. */
export interface GazetteerData {
  version: number;
  countries: string[];
  continents: string[];
  regions: string[];
  /** Cities of at least 100,000 people. */
  cities: string[];
  /** Smaller cities and towns. */
  towns: string[];
  givenNames: string[];
  surnames: string[];
}

export const GAZETTEER_VERSION = 3;

const RANK: Record<PlaceKind, number> = { country: 4, continent: 3, region: 2, city: 1, town: 0 };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Lookup tables from gazetteer JSON; throws on a shape it does not know. */
export function parseGazetteer(json: unknown): Gazetteer {
  if (typeof json !== 'object' || json === null) throw new Error('gazetteer: expected an object');
  const d = json as Partial<Record<keyof GazetteerData, unknown>>;
  if (d.version !== GAZETTEER_VERSION) throw new Error(`gazetteer: expected version ${String(GAZETTEER_VERSION)}`);
  const places = new Map<string, PlaceKind>();
  const put = (names: string[], kind: PlaceKind) => {
    for (const n of names) {
      const k = fold(n);
      const had = places.get(k);
      if (k.length >= 2 && (had === undefined || RANK[had] < RANK[kind])) places.set(k, kind);
    }
  };
  put(strings(d.towns), 'town');
  put(strings(d.cities), 'city');
  put(strings(d.regions), 'region');
  put(strings(d.continents), 'continent');
  put(strings(d.countries), 'country');
  const set = (names: string[]) => new Set(names.map(fold).filter((k) => k.length >= 2));
  return { places, givenNames: set(strings(d.givenNames)), surnames: set(strings(d.surnames)) };
}

/** A small fallback: the most-named countries, continents and cities, and frequent given names. */
export const BUILTIN_GAZETTEER: Gazetteer = parseGazetteer({
  version: GAZETTEER_VERSION,
  towns: [],
  countries:
    `United States|USA|US|U.S.|America|United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Ireland|France|Germany|Deutschland|Tyskland|Italy|Italia|Spain|España|Portugal|Netherlands|Belgium|Switzerland|Austria|Österreich|Sweden|Sverige|Norway|Norge|Denmark|Danmark|Finland|Poland|Russia|Ukraine|Turkey|Greece|China|Kina|Japan|South Korea|North Korea|India|Indonesia|Pakistan|Iran|Iraq|Israel|Syria|Saudi Arabia|Egypt|Nigeria|South Africa|Kenya|Brazil|Brasil|Mexico|Canada|Argentina|Chile|Australia|New Zealand|Vietnam|Thailand|Philippines|Taiwan|Hong Kong`.split(
      '|',
    ),
  continents: `Europe|Europa|Asia|Asien|Africa|Afrika|North America|South America|Latin America|Oceania|Antarctica|Middle East`.split('|'),
  regions: `California|Texas|New York|Florida|Colorado|Bavaria|Bayern|Scania|Skåne|Catalonia|Quebec|Ontario|Siberia`.split('|'),
  cities:
    `London|Paris|Berlin|Stockholm|Oslo|Copenhagen|Helsinki|Madrid|Rome|Roma|Milan|Vienna|Wien|Munich|München|Hamburg|Amsterdam|Brussels|Moscow|Kyiv|Beijing|Shanghai|Tokyo|Seoul|Delhi|Mumbai|Jakarta|Dubai|Cairo|Lagos|Sydney|Toronto|Chicago|Los Angeles|San Francisco|Boston|Seattle|Washington|Göteborg|Gothenburg|Malmö|Uppsala|Glasgow|Edinburgh|Manchester|Dublin|Lisbon|Lisboa|São Paulo|Rio de Janeiro|Mexico City|Buenos Aires`.split(
      '|',
    ),
  givenNames:
    `James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Anna|Maria|Erik|Lars|Karl|Johan|Per|Nils|Sven|Eva|Emma|Elsa|Ingrid|Hans|Peter|Klaus|Jürgen|Stefan|Andreas|Markus|Julia|Laura|Giuseppe|Giovanni|Marco|Luca|Francesca|José|Carlos|João|Miguel|Pedro|Ana|Juan|Pierre|Jean|Marie|Sophie|Ahmad|Muhammad|Siti|Budi|Ivan|Olga|Alexei|Aleksandr|Sergei|Wei|Li|Kim|Yuki|Hiroshi|Mark|Yann|Alexandr|Elon|Sam|Sundar|Satya`.split(
      '|',
    ),
  surnames:
    `Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Andersson|Johansson|Karlsson|Nilsson|Müller|Schmidt|Schneider|Fischer|Weber|Rossi|Russo|Silva|Santos|Garcia|Rodriguez|Martin|Bernard|Ivanov|Wang|Li|Zhang|Kim|Lee|Park|Tanaka|Suzuki`.split(
      '|',
    ),
});
