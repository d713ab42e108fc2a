// Finds the reporting cue of a quote and the phrase naming its speaker, looking after the quote
// first ("“…,” Rubio said"), then before it in the same sentence ("Rubio said “…”").
import { isOfficeWord, type Token } from '../text/names';
import { ORG_HEADS } from './lexicon';
import { nominalCue } from './nominal';
import { isReportingParticiple, isReportingVerb, phraseAfter, phraseBefore, type SpeakerPhrase } from './phrases';
import { QUOTE_TOKEN, pronounSubjectBefore, sentenceSubject } from './sentence-subject';

export { QUOTE_TOKEN, isTimePhrase, pronounSubjectBefore, sentenceSubject } from './sentence-subject';

export interface Cue {
  phrase: SpeakerPhrase | null;
  /** The cue sits right against the quote ("said “…”", "“…,” he said"): a quoted word is then a statement. */
  direct: boolean;
  /** The speaker is the subject of the sentence's main clause ("…, saying: “…”"). */
  mainSubject: boolean;
  /** The reporting word, lower-cased ("said", "according"), when there is one. */
  verb?: string;
  /** Token index where the speaker phrase starts, when it was read before the quote. */
  at?: number;
}

const lc = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
const CORE_VERBS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'asked',
  'asks',
  'wrote',
  'writes',
  'replied',
  'explained',
  'continued',
  'tweeted',
]);

/** "“…,” Oliver barked." — a past-tense word closing the cue clause acts as a speech verb. */
function isUnknownVerb(tokens: readonly Token[], v: number, end: number): boolean {
  const w = tokens[v].text;
  // "“…,” Trump went on": an irregular "went on" / "goes on" continues the speech.
  if (/^(went|goes)$/.test(w) && tokens[v + 1]?.text === 'on') return true;
  if (!/^[a-z]+ed$/.test(w)) return false;
  const next = tokens[v + 1];
  // "“…,” the number needed to secure the nomination": "-ed to" and a verb is a reduced clause, not a speech verb.
  if (
    next?.text === 'to' &&
    /^[a-z]+$/.test(tokens[v + 2]?.text ?? '') &&
    !/^(the|a|an|his|her|their|reporters|me|us|him|them)$/.test(tokens[v + 2].text)
  )
    return false;
  return v + 1 >= end || !next || /^[,.;:!?]$/.test(next.text) || /^(on|in|at|to|during|after|before|about|of|as|with)$/.test(next.text);
}

/** "the calls", "Trump’s repeated calls": a reporting word used as a noun. */
function isNounUse(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1]?.text ?? '';
  const prev2 = tokens[k - 2]?.text ?? '';
  const det = /^(the|a|an|his|her|their|its|our|my|your|these|those|this|that)$/i;
  if (det.test(prev) || /[’']s$/.test(prev)) return true;
  // "of claims", "of Republican claims"
  const prep = /^(of|for|in|on|about|with|by|to|from|against|over)$/;
  if (/s$/.test(tokens[k].text) && (prep.test(prev) || (prep.test(prev2) && !/^(he|she|they|it|we|i|you)$/i.test(prev)))) return true;
  // "the repeated calls" is a noun; "the network said", "the commission says" are a subject and its verb.
  if (PAST_FORM.test(tokens[k].text) || isOfficeWord(prev) || ORG_HEADS.has(prev)) return false;
  return (
    /^[a-z]+$/.test(prev) &&
    !/^(also|has|have|had|then|later|repeatedly|once|again|reportedly|recently|publicly|never|often|just|still|even|further|first)$/.test(prev) &&
    !/ly$/.test(prev) &&
    (det.test(prev2) || /[’']s$/.test(prev2))
  );
}

/** Reporting words that are only ever verbs: "said", "told", "wrote", "-ed". */
const PAST_FORM = /^(?:said|told|wrote|says|tells|writes|[a-z]+ed)$/;
const isDash = (t: Token | undefined): boolean => !!t && /^[,\u2014\u2013-]$/.test(t.text);

/** "…,” said X" / "…,” X said" / "…,” according to X" / "…,” Y quoted X as saying". */
export function cueAfter(tokens: readonly Token[], from: number, quoteText: string): Cue | null {
  let i = from;
  let punct = false;
  // "“…” ― Sonya Herridge": a dash and a bare name sign the quote.
  if (/^[\u2015\u2014\u2013-]$/.test(tokens[i]?.text ?? '')) {
    const r = phraseAfter(tokens, i + 1);
    const next = tokens[r?.to ?? 0];
    if (r && r.phrase.kind === 'name' && (!next || /^[.,\u00a7]$/.test(next.text))) return { phrase: r.phrase, direct: true, mainSubject: false };
  }
  while (i < tokens.length && isDash(tokens[i])) {
    punct = true;
    i++;
  }
  if (i >= tokens.length || tokens[i].text === QUOTE_TOKEN) return null;
  const loose = !punct && !/[,?!…\u2014\u2013\-.:]['’"”)\]]*\s*$/.test(quoteText);
  let end = i;
  // A short quoted term inside the cue ("wearing “Ted Cruz” pins, said") does not end it.
  const isLongQuote = (t: Token) => t.text === QUOTE_TOKEN && t.end - t.start > 40;
  while (end < tokens.length && !isLongQuote(tokens[end]) && end - i < 40) end++;
  // The cue clause ends at `end`: phrases read after the verb stop there.
  const slice = tokens;
  if (loose) {
    // No comma between quote and cue ("“…” Grubbs said."): only a name or pronoun and a core verb.
    for (let v = i + 1; v < end && v - i <= 4; v++) {
      if (!CORE_VERBS.has(lc(tokens[v]))) continue;
      const subject = phraseBefore(slice, v);
      if (subject && subject.from === i && subject.phrase.kind !== 'description')
        return { phrase: subject.phrase, direct: true, mainSubject: false, verb: lc(tokens[v]) };
      return null;
    }
    return null;
  }
  if (isReportingVerb(tokens[i]) && lc(tokens[i]) !== 'quoted') {
    const r = phraseAfter(slice, i + 1, end);
    return r ? { phrase: r.phrase, direct: true, mainSubject: false, verb: lc(tokens[i]) } : null;
  }
  // "“This is fantastic!” beamed Donald Hartley": any past-tense word with a name after it, inverted.
  if (/^[a-z]+ed$/.test(tokens[i].text)) {
    const r = phraseAfter(slice, i + 1, end);
    if (r && r.phrase.kind === 'name') return { phrase: r.phrase, direct: true, mainSubject: false, verb: lc(tokens[i]) };
  }
  if (lc(tokens[i]) === 'according' && lc(tokens[i + 1]) === 'to') {
    const r = phraseAfter(slice, i + 2, end);
    return r ? { phrase: r.phrase, direct: true, mainSubject: false } : null;
  }
  for (let v = i + 1; v < end && v - i <= 36; v++) {
    const unknown = !isReportingVerb(tokens[v]);
    if (unknown && !(isUnknownVerb(tokens, v, end) && v - i <= 6)) continue;
    const subject = phraseBefore(slice, v);
    if (unknown && (!subject || subject.from !== i)) continue;
    if (!subject || subject.from !== i) return null;
    if (lc(tokens[v]) === 'quoted') return quotedAs(slice, v, end) ?? null;
    return { phrase: subject.phrase, direct: true, mainSubject: false, verb: lc(tokens[v]) };
  }
  return null;
}

/** "Y quoted X as saying": the speaker is X. Tokens from `end` on are not read. */
function quotedAs(tokens: readonly Token[], v: number, end = tokens.length): Cue | null {
  const r = phraseAfter(tokens, v + 1, end);
  if (!r) return null;
  const at = (k: number): Token | undefined => (k < end ? tokens[k] : undefined);
  if (lc(at(r.to)) === 'as' && isReportingParticiple(at(r.to + 1))) {
    return { phrase: r.phrase, direct: r.to + 2 >= end || tokens[r.to + 2].text === QUOTE_TOKEN, mainSubject: false };
  }
  return null;
}

/** How far back from a quote a cue is looked for, in tokens: longer clauses are not one cue. */
export const LOOK_BACK = 120;

/** The nearest cue before the quote token at index `q` in the same sentence. */
export function cueBefore(tokens: readonly Token[], q: number): Cue | null {
  const direct = (k: number): boolean => {
    for (let j = k + 1; j < q; j++) if (!/^(that|:|,|\u2014|\u2013|-)$/i.test(tokens[j].text)) return false;
    return true;
  };
  const floor = Math.max(0, q - LOOK_BACK);
  for (let k = q - 1; k >= floor; k--) {
    const t = tokens[k];
    if (lc(t) === 'to' && lc(tokens[k - 1]) === 'according') {
      const r = phraseAfter(tokens, k + 1, q);
      // "according to its analysis, the NLD has won … but “…”" sources a fact, not the quote.
      if (r && (r.phrase.kind === 'name' || r.to >= q - 1)) return { phrase: r.phrase, direct: r.to >= q - 1, mainSubject: false };
      continue;
    }
    if (isReportingVerb(t)) {
      if (isNounUse(tokens, k)) continue;
      if (lc(tokens[k + 1]) === 'by' && k + 2 < q) {
        // "Rubio was asked by moderator Gerard Baker whether …"
        const r = phraseAfter(tokens, k + 2, q);
        if (r && r.phrase.kind === 'name') return { phrase: r.phrase, direct: false, mainSubject: false, verb: lc(t) };
      }
      if (lc(t) === 'quoted') {
        const c = quotedAs(tokens, k, q + 1);
        if (c) return c;
        continue;
      }
      // "Bryne went on to say, “…”"
      const start =
        lc(tokens[k - 1]) === 'to' && /^(on|continued|continues|goes|wanted|decided)$/.test(lc(tokens[k - 2]))
          ? lc(tokens[k - 2]) === 'on'
            ? k - 3
            : k - 2
          : k;
      const r = phraseBefore(tokens, start);
      if (r) return { phrase: r.phrase, direct: direct(k), mainSubject: false, verb: lc(t), at: r.from };
      // "Ann Lee used to back Paul, but now said …": a verb coordinated with the main clause shares its subject.
      const shared = /^(but|and)$/.test(lc(tokens[start - 1])) || /^(but|and)$/.test(lc(tokens[start - 2])) ? sentenceSubject(tokens, start) : null;
      if (shared?.kind === 'name') return { phrase: shared, direct: direct(k), mainSubject: false, verb: lc(t) };
      // "In other words, explained CBS moderator Nancy Cordes: “…”", "But, said Solovey, “…”"
      // ("said Trump had “…”" is not one: a word after the name makes it the subject of a reported clause.)
      const inverted = phraseAfter(tokens, k + 1, q);
      if (
        inverted &&
        inverted.phrase.kind === 'name' &&
        (inverted.to === q || (inverted.to === q - 1 && /^[,:\u2014\u2013-]$/.test(tokens[q - 1].text)))
      )
        return { phrase: inverted.phrase, direct: true, mainSubject: false, verb: lc(t) };
      continue;
    }
    if (isReportingParticiple(t)) return cueOfParticiple(tokens, k, q, floor, direct(k));
  }
  // "her remark that “…”": only when no verb cue: "Politifact ruled that Trump’s claim “…”" is Politifact's report.
  const nominal = nominalCue(tokens, q);
  if (nominal) return nominal;
  // "Said Ellis: “…”"
  if (/^(Said|Says|Added|Asked|Wrote|Stated|Explained|Continued)$/.test(tokens[0]?.text ?? '')) {
    const r = phraseAfter(tokens, 1);
    if (r && r.phrase.kind === 'name' && /^[:,\u00a7]$/.test(tokens[r.to]?.text ?? '')) return { phrase: r.phrase, direct: true, mainSubject: false };
  }
  // "Rep. Trey Gowdy (R-S.C.): “…”", "More from Jones: “…”"
  if (q > 0 && tokens[q - 1].text === ':') {
    const r = phraseBefore(tokens, q - 1);
    if (
      r &&
      r.phrase.kind === 'name' &&
      (r.from === 0 || /^[-:\u2014\u2013\u00a7]$/.test(tokens[r.from - 1].text) || lc(tokens[r.from - 1]) === 'from')
    ) {
      return { phrase: r.phrase, direct: true, mainSubject: false };
    }
  }
  // "Jeb Bush broke down what was wrong to the newspaper NRC Handelsblad: “…”"
  if (q > 0 && tokens[q - 1].text === ':') {
    const s = sentenceSubject(tokens, q);
    if (s && s.kind === 'name') return { phrase: s, direct: false, mainSubject: true };
  }
  return null;
}

/** "…, saying “…”": the participle hangs the quote on a subject before it (a quoter, "with X", a verb's subject, the clause's). */
function cueOfParticiple(tokens: readonly Token[], k: number, q: number, floor: number, direct: boolean): Cue {
  // "quoted the foreign ministry as saying “…”"
  if (lc(tokens[k - 1]) === 'as') {
    for (let j = k - 2; j >= floor; j--) {
      if (lc(tokens[j]) === 'quoted') {
        const c = quotedAs(tokens, j, q + 1);
        if (c) return { ...c, direct };
        break;
      }
    }
  }
  // "with Zelensky accusing the Kremlin of trying to “break”…"
  // "with Donald Trump tweeting that … and asking, “…”"
  for (let j = k; j > Math.max(1, floor); j--) {
    if (j !== k && !isReportingParticiple(tokens[j])) continue;
    const r = phraseBefore(tokens, j);
    // "with Trump reportedly yelling", "footage of Trump saying"
    if (r && /^(with|of)$/.test(lc(tokens[r.from - 1])) && r.phrase.kind !== 'description') return { phrase: r.phrase, direct, mainSubject: false };
  }
  for (let j = k - 1; j >= floor; j--) {
    if (!isReportingVerb(tokens[j]) || isNounUse(tokens, j)) continue;
    const r = phraseBefore(tokens, j);
    if (r) return { phrase: r.phrase, direct, mainSubject: false };
  }
  // "When he returned he began by saying, “…”": an opening clause with no comma hides the subject from sentenceSubject.
  return { phrase: sentenceSubject(tokens) ?? pronounSubjectBefore(tokens, k), direct, mainSubject: true };
}

/**
 * A cue later in the sentence, not next to the quote: "“We’re extremely happy” about the
 * decision, said RoseAnn DeMoro" or "“…” than that of the CIA chief, Zuckoff said."
 */
export function cueLater(tokens: readonly Token[], q: number): Cue | null {
  for (let v = q + 1; v < tokens.length && tokens[v].text !== QUOTE_TOKEN; v++) {
    if (!isReportingVerb(tokens[v]) || isNounUse(tokens, v) || lc(tokens[v]) === 'quoted') continue;
    if (tokens[v - 1]?.text === ',') {
      const r = phraseAfter(tokens, v + 1);
      if (r && r.phrase.kind === 'name') return { phrase: r.phrase, direct: false, mainSubject: false, verb: lc(tokens[v]) };
    }
    const subject = phraseBefore(tokens, v);
    if (subject && subject.phrase.kind !== 'description' && subject.from > q)
      return { phrase: subject.phrase, direct: false, mainSubject: false, verb: lc(tokens[v]) };
    return null;
  }
  return null;
}

/**
 * A finite reporting verb outside quotes and its subject: indirect speech ("Trump said progress …").
 * Only tokens in [from, end) are searched for the verb.
 */
export function reportedSubject(tokens: readonly Token[], end = tokens.length, from = 0): SpeakerPhrase | null {
  for (let k = from; k < end; k++) {
    if (!isReportingVerb(tokens[k]) || isNounUse(tokens, k)) continue;
    if (lc(tokens[k]) === 'quoted') {
      const c = quotedAs(tokens, k, end);
      if (c) return c.phrase;
      continue;
    }
    const r = phraseBefore(tokens, k);
    if (r) return r.phrase;
    // "… are not likely to alter the race, noted NBC's Dante Chinni.": the speaker after the verb.
    const inverted = tokens[k - 1]?.text === ',' ? phraseAfter(tokens, k + 1, end) : null;
    if (inverted && inverted.phrase.kind === 'name') return inverted.phrase;
  }
  return null;
}
