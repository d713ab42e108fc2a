// Word lists the attribution rules lean on (speech verbs, pronouns, description heads). Kept in one
// place so the rules read as rules; lists about names and roles live in text/name-lexicon.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Finite forms of verbs that introduce speech or writing ("said", "told", "tweeted"). */
export const REPORTING_VERBS = words(`
  said says say told tells added adds asked asks wrote writes explained explains noted notes
  stated states declared declares insisted insists argued argues claimed claims recalled recalls
  continued continues replied replies responded responds answered answers warned warns
  announced announces acknowledged acknowledges admitted admits complained complains
  suggested suggests tweeted tweets posted joked jokes quipped quips shouted shouts yelled yells
  exclaimed observed observes remarked remarks conceded concedes predicted predicts promised
  promises vowed vows boasted boasts countered counters stressed stresses emphasized emphasizes
  emphasised emphasises cautioned urged urges demanded demands thundered mused muses wondered
  wonders whispered charged charges contended contends maintained maintains reiterated
  reiterates confirmed confirms recounted recounts concluded concludes reported reports
  testified testifies proclaimed proclaims scoffed scoffs snapped laughed lamented laments
  chimed offered offers agreed agrees disagreed blasted blasts accused accuses
  pleaded pleads begged asserted asserts alleged alleges opined quoted quotes read reads
  called calls described describes texted emailed shot sighed chanted chants sang ranted railed
  bragged brags retorted repeated repeats summed found finds assured assures reassured
  remembered remembers advised advises informed reminded reminds fumed fumes groused gushed
  raved crowed marveled marvelled hinted hints barked cracked teased teases mocked mocks
  griped gripes pleaded
`);

/** -ing forms that hang a quote on the clause's subject ("…, saying: “…”"). */
export const REPORTING_PARTICIPLES = words(`
  saying adding telling writing noting explaining calling arguing declaring insisting asking
  warning tweeting stating claiming describing recalling continuing replying responding
  answering announcing acknowledging admitting complaining suggesting joking quipping
  stressing emphasizing emphasising urging demanding accusing asserting proclaiming
  lamenting vowing promising predicting boasting posting texting conceding repeating
  yelling shouting screaming chanting mocking quipping joking retorting pleading
`);

/** Personal pronouns that can stand as the speaker. */
export const PRONOUNS = words('he she they i we it you');

/** Words skipped between a subject and its verb ("Trump also said", "she has repeatedly said"). */
export const AUXILIARIES = words(`
  has have had would will could may might did does do was were is are also later then
  previously once again further simply reportedly recently often never just already still
  even first earlier subsequently quickly publicly privately repeatedly herself himself
  themselves itself flatly bluntly angrily
`);

/** Heads of descriptions that name a group or institution, not a person. */
export const ORG_HEADS = words(`
  ministry department office agency campaign committee party government police army military
  junta media newspaper court council commission embassy administration kremlin cabinet
  authorities spokesmen officials company firm group organization organisation network
  board bureau service union coalition senate congress house parliament regime state
  statement report poll survey team white
`);

/** Nouns that describe an institution but not a person ("the club", "the university"), besides ORG_HEADS. */
export const INSTITUTION_NOUNS = words(`
  club university college school hospital bank charity carmaker airline retailer broadcaster league
  federation association society trust foundation institute studio publisher magazine station band
`);

/** Writings that head a phrase ("the email includes …": the verb comes after the writing); not ads or videos, which show others speaking. */
export const WRITING_HEADS = words(`
  email memo letter editorial website column tweet article ruling petition document op-ed
`);

/** People who stand around a person and speak as a group of their own ("Scott's family said"): never that person. */
export const KIN_HEADS = words(`
  family families relatives parents children kids siblings friends neighbours neighbors
  supporters followers fans classmates colleagues loved
`);

/** Roles whose words are their employer's: what a spokesperson says, the organisation says. */
export const SPEAKS_FOR = words(`
  spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative
  representatives
`);

/** "leader" may stand for any of these offices. */
export const HEAD_SYNONYMS: Record<string, string[]> = {
  leader: ['president', 'premier', 'prime', 'chancellor', 'leader', 'king', 'queen', 'head', 'chairman'],
  president: ['president'],
  official: ['official', 'aide', 'spokesman', 'spokeswoman', 'spokesperson', 'adviser', 'advisor', 'envoy', 'minister', 'secretary'],
  diplomat: ['diplomat', 'envoy', 'ambassador', 'aide', 'minister', 'secretary'],
  nominee: ['nominee', 'candidate'],
  candidate: ['candidate', 'nominee', 'hopeful'],
  billionaire: ['billionaire', 'businessman', 'mogul', 'nominee', 'candidate'],
  senator: ['senator', 'sen', 'sen.'],
  lawmaker: ['senator', 'sen', 'sen.', 'rep', 'rep.', 'representative', 'congressman', 'congresswoman'],
  spokesman: ['spokesman', 'spokesperson'],
  spokeswoman: ['spokeswoman', 'spokesperson'],
  governor: ['governor', 'gov', 'gov.'],
  secretary: ['secretary'],
};

/**
 * Places that a capitalised word alone may name: US states and countries. A place is never a
 * person ("Florida is a swing state" does not make Florida "she"); when it speaks, it is a state
 * or government ("China said"). Names that are also given names or surnames (Virginia, Georgia,
 * Jordan, Israel, Chad, Washington) are left out.
 */
export const PLACES = new Set(
  `
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
  illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas
  utah vermont wisconsin wyoming new_hampshire new_jersey new_mexico new_york north_carolina
  south_carolina north_dakota south_dakota rhode_island west_virginia
  america afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
  bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia canada chile china
  colombia croatia cuba cyprus denmark ecuador egypt england estonia ethiopia europe finland
  france germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq
  ireland italy japan kazakhstan kenya korea kosovo kuwait latvia lebanon libya lithuania
  malaysia mali mexico moldova mongolia morocco myanmar nepal netherlands nicaragua niger nigeria
  norway pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia
  rwanda scotland serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
  taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela
  vietnam wales yemen zambia zimbabwe africa asia
`
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/_/g, ' ')),
);
