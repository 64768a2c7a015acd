/**
 * The few word lists the entity matcher needs. All entries are folded (lower case, no
 * diacritics). Keep them small and general: they decide evidence, not names. An entry written
 * with a leading '*' also matches as the head of a compound ("*djur" matches "lamadjur",
 * "*bolaget" matches "datahanteringsbolaget"); other entries match whole words only.
 */

const words = (s: string): readonly string[] => s.trim().split(/\s+/u);
/** A set of words; a pure call, so that a bundle that does not use a list (the content script compiles no table) drops it. */
const wordSet = (s: string): Set<string> => new Set(words(s));

/**
 * Names that are also everyday words in English, Swedish or German. A single-word alias in this
 * list (written capitalised in the corpus) is ambiguous: it needs a capital on the page,
 * supporting context nearby, no negative cue nearby, and at a sentence start also a mention of
 * the same entity elsewhere on the page. The registry or the corpus can mark more per entity
 * (MatchableEntity.ambiguous).
 */
export const COMMON_WORDS = /* @__PURE__ */ wordSet(
  `
  meta scale fair llama amazon apple google windows office shell target gap visa oracle corona mars
  jaguar puma orange square snap zoom slack signal notion discord tesla gemini claude copilot mistral
  perplexity runway stability alphabet mint fortune time times guardian independent economist mirror
  sun post express quartz axios vox wired nature science threads bard grok sora
`,
);

/**
 * Support: words of technology and business that make a capitalised common word (Meta, Scale,
 * Fair, Llama, Amazon, Google) likely to be the company or product.
 */
export const SUPPORT_CUES = words(`
  ai tech technology teknik teknologi software mjukvara app apps appen platform plattform plattformen
  company companies firm startup startups företag företaget företagets *bolag *bolaget *bolagets koncern koncernen
  *konzern unternehmen ceo cto vd founder grundare grundaren investment investments invests invested
  investerar investerade investering *investeringen billion billions miljard miljarder milliarden million
  miljoner deal deals affär affären acquisition förvärv stake shares aktie aktien aktier nasdaq
  model models modell modellen modeller *modell *modellen *modeller *språkmodell *språkmodeller chatbot chatbots
  algorithm algorithms algoritm data dataset datacenter cloud server servers chip chips gpu gpus
  research forskning *forskning forskare forskaren lab labs labb laboratory researchers scientist scientists
  developer developers utvecklare users användare facebook instagram whatsapp smartphone iphone android
  opensource llm llms superintelligence superintelligens agi neural machine learning
  maskininlärning digital internet online web website sajt sajten webbplats e-handel ecommerce e-commerce
`);

/**
 * Negative cues: nature, animals, rivers and farms. Near one of these, "Amazon" is the river or
 * the rainforest and "Llama" is the animal, whatever else the page says.
 */
export const NEGATIVE_CUES = words(`
  rainforest rainforests jungle river rivers basin forest forests tribe tribes species wildlife animal animals
  farm farms farmer farmers ranch wool fleece alpaca alpacas herd herds zoo pasture andes peru brazil
  *regnskog *regnskogen *regnskogar djungel djungeln flod floden *djur *djuret *djuren *gård *gården bonde
  bönder ull alpacka alpackor hjord hjorden brasilien anderna regenwald fluss tier tiere bauernhof
`);

/** Roles and honorifics that may stand directly before a bare surname ("CEO Wang", "vd Zuckerberg"). */
export const ROLE_WORDS = wordSet(
  `
  ceo cfo cto coo vd founder cofounder co-founder grundare grundaren medgrundaren chairman chair president
  chief scientist researcher forskare forskaren chefsforskare chefsforskaren chef chefen professor prof
  director direktor head minister senator mr mrs ms dr herr fru frau sir
`,
);

/** Function words left out of an entity's context words (sv, en, de). */
export const STOP_WORDS = /* @__PURE__ */ wordSet(
  `
  the and for with from that this these those which what when where while also have has had been being
  were will would could should their there they them then than into onto over under about after before
  between through during against among without within other such only more most some many much very
  just even still like last next first second third new its his her our your who whom whose
  och att det den som för med till från har hade inte men eller efter under sedan också även andra
  sina sitt sin hans hennes deras dess vara varit blir blev kommer skulle kunde enligt mellan genom
  mot utan inom över redan bara mycket flera några något någon detta denna dessa vilket vilken
  der die das und mit von für auf aus bei nach über unter durch gegen ohne auch noch schon sich
  sein seine ihre ihren einem einen einer eines wird werden wurde wurden
`,
);

/** Splits a cue list into whole words and compound heads. */
export function cueSet(list: readonly string[]): { whole: ReadonlySet<string>; heads: readonly string[] } {
  const whole = new Set<string>();
  const heads: string[] = [];
  for (const w of list) {
    if (w.startsWith('*')) {
      whole.add(w.slice(1));
      heads.push(w.slice(1));
    } else whole.add(w);
  }
  return { whole, heads };
}
