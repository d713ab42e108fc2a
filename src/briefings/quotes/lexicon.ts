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
