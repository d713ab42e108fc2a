// Who is in play as the article is read in order: the speaker of the latest quote or reported
// statement, the person the previous sentence was about, and the speaker of the quote before in
// this sentence, this paragraph and the previous paragraph.
import { isOfficeWord, type Token } from '../text/names';
import { reportedSubject, sentenceSubject } from './attribution';
import { phraseAfter, phraseBefore, type SpeakerPhrase } from './phrases';
import { isOrganisationHead, type Entity, type Registry } from './registry';
import { isDefiniteWriting, resolve, type Play } from './resolve';

/** How many people stay in play for pronouns. */
const RECENT = 6;

export class Discourse {
  /** For pronouns: latest speaker, latest person speaking, subject of the previous sentence. */
  readonly play: Play = { lastSpeaker: null, lastPerson: null, prevSubject: null, recent: [], mentioned: [] };
  /** How far the names written so far have been read: paragraph, and index in its mentions. */
  private mentionParagraph = 0;
  private mentionIndex = 0;
  /** The speaker of the latest quote in this sentence / this paragraph. */
  sentenceSpeaker: Entity | null = null;
  paragraphSpeaker: Entity | null = null;
  /** The paragraph holding the latest quote, and who spoke last in it. */
  lastQuoteParagraph = -2;
  lastQuoteSpeaker: Entity | null = null;
  /** The previous sentence announced words to come ("X issued a statement …"), so a bare quote after it is X's. */
  prevAnnounced = false;

  constructor(readonly registry: Registry) {}

  startParagraph(): void {
    this.paragraphSpeaker = null;
  }

  startSentence(): void {
    this.sentenceSpeaker = null;
  }

  /** A quote was given to `entity`: it is now the speaker in play. */
  quoted(entity: Entity): void {
    this.sentenceSpeaker = entity;
    this.paragraphSpeaker = entity;
    this.spoke(entity);
  }

  /** A sentence with no quote: indirect speech makes its speaker the one in play. */
  readUnquotedSentence(tokens: readonly Token[]): void {
    this.prevAnnounced = announcesStatement(tokens);
    const reported = reportedSubject(tokens);
    const entity = reported ? resolve(reported, this.registry, this.play) : null;
    if (entity) {
      this.spoke(entity);
      this.play.prevSubject = entity;
    } else {
      // "But right now, he is offsetting only 10 percent. That worries environmentalists. “…,” he said": a sentence
      // with no person as its subject leaves the person the text is about in play (not the last one quoted).
      const subject = this.namedSubject(tokens) ?? this.introducedAtEnd(tokens) ?? this.withAgent(tokens);
      if (subject) this.play.prevSubject = subject;
    }
    this.inPlay(this.play.prevSubject);
    // "Conroy asked Sanders whether …": the next "he said" is the answer, from the one asked.
    const asked = this.askedWhom(tokens);
    if (asked) {
      this.play.prevSubject = asked;
      this.inPlay(asked);
    }
  }

  /**
   * "…, which is something that concerns Henry Crespo, president of the caucus.": a sentence with no subject of its
   * own that ends by introducing someone by full name and office brings them in, for the "he said" that follows.
   */
  private introducedAtEnd(tokens: readonly Token[]): Entity | null {
    let end = tokens.length;
    while (end > 0 && /^[.!?]$/.test(tokens[end - 1].text)) end--;
    let comma = end - 1;
    while (comma > 0 && end - comma <= 12 && tokens[comma].text !== ',') comma--;
    const appositive = tokens.slice(comma + 1, end);
    // An office in it, and no clause ("the only candidate who skipped the meeting" is said of someone already known).
    if (
      comma <= 0 ||
      tokens[comma].text !== ',' ||
      !appositive.some((t) => isOfficeWord(t.text)) ||
      appositive.some((t) => /^(who|which|that)$/.test(t.text))
    ) {
      return null;
    }
    const r = phraseBefore(tokens, comma);
    if (!r || r.phrase.kind !== 'name' || r.phrase.words.length < 2 || /^(the|a|an)$/i.test(r.phrase.words[0])) return null;
    const e = resolve(r.phrase, this.registry, this.play);
    return e && e.kind === 'person' ? e : null;
  }

  /**
   * "It has become an issue, with Hillary Clinton — who has called for … — lambasting Trump's plan.": a sentence with
   * no person as its subject whose "with X doing" clause has a person acting: the "she said" after it is X.
   */
  private withAgent(tokens: readonly Token[]): Entity | null {
    const k = tokens.findIndex((t) => t.text === 'with');
    const r = k >= 0 ? phraseAfter(tokens, k + 1) : null;
    if (!r || r.phrase.kind !== 'name') return null;
    let v = r.to;
    // A set-off appositive or relative clause between the name and its participle ("— who has called for … —").
    const mark = tokens[v]?.text ?? '';
    if (/^[,\u2014\u2013]$/.test(mark)) {
      let close = v + 1;
      while (close < tokens.length && close - v <= 25 && tokens[close].text !== mark) close++;
      v = close + 1;
    }
    if (!/^[a-z]{3,}ing$/.test(tokens[v]?.text ?? '')) return null;
    const e = resolve(r.phrase, this.registry, this.play);
    return e && e.kind === 'person' ? e : null;
  }

  /** The person a sentence says was asked ("X asked Sanders whether …"), when it names one. */
  private askedWhom(tokens: readonly Token[]): Entity | null {
    const k = tokens.findIndex((t) => t.text === 'asked');
    const r = k >= 0 ? phraseAfter(tokens, k + 1) : null;
    if (!r || r.phrase.kind !== 'name' || !/^(whether|if|about|why|how|what|when|to|for)$/.test(tokens[r.to]?.text ?? '')) return null;
    const e = resolve(r.phrase, this.registry, this.play);
    return e && e.kind === 'person' ? e : null;
  }

  /** After a sentence with quotes: its speaker, or else its opening name, is what "he" means next. */
  endQuotedSentence(tokens: readonly Token[]): void {
    this.prevAnnounced = false;
    this.play.prevSubject = this.sentenceSpeaker ?? this.namedSubject(tokens);
    this.inPlay(this.play.prevSubject);
  }

  /** After a paragraph: remember who spoke its last quote, for a bare quote paragraph after it. */
  endParagraph(p: number, hadQuotes: boolean, lastQuoteHere: Entity | null): void {
    if (!hadQuotes) return;
    this.lastQuoteParagraph = p;
    this.lastQuoteSpeaker = lastQuoteHere ?? this.paragraphSpeaker;
  }

  private spoke(entity: Entity): void {
    this.play.lastSpeaker = entity;
    if (entity.kind !== 'organisation') this.play.lastPerson = entity;
    this.inPlay(entity);
  }

  /** Reads the names the article wrote up to `offset` in `paragraph`, so a pronoun can fall back on them. */
  readTo(paragraph: number, offset: number): void {
    for (; this.mentionParagraph <= paragraph; this.mentionParagraph++, this.mentionIndex = 0) {
      const list = this.registry.mentionsIn(this.mentionParagraph);
      const stop = this.mentionParagraph === paragraph ? offset : Infinity;
      while (this.mentionIndex < list.length && list[this.mentionIndex].at <= stop) this.mentionedName(list[this.mentionIndex++].entity);
      if (this.mentionParagraph === paragraph) return;
    }
  }

  private mentionedName(entity: Entity): void {
    if (entity.kind !== 'person') return;
    pushFront(this.play.mentioned, entity);
  }

  /** Keeps the last few people in play, most recent first, for a pronoun the nearest one cannot take. */
  private inPlay(entity: Entity | null): void {
    if (!entity || entity.kind === 'organisation') return;
    pushFront(this.play.recent, entity);
  }

  private namedSubject(tokens: readonly Token[]): Entity | null {
    const subject = sentenceSubject(tokens);
    return this.subjectEntity(subject) ?? this.subjectEntity(coordinateSubject(tokens)) ?? this.pronounSubject(subject);
  }

  /** "Though he did not name them, he made it clear …": a sentence about "he" is still about the person in play. */
  private pronounSubject(subject: SpeakerPhrase | null): Entity | null {
    if (!subject || subject.kind !== 'pronoun' || !/^(he|she)$/.test(subject.word)) return null;
    // Only ever keeps the person already in play: a "he" read wrongly must not move it to someone else.
    const e = resolve(subject, this.registry, this.play);
    return e && e.kind === 'person' && e === this.play.prevSubject ? e : null;
  }

  private subjectEntity(subject: SpeakerPhrase | null): Entity | null {
    // "The commission met on Friday. … it said": an organisation's description is a subject too.
    // "The email includes a photo. … it reads": a definite writing is a subject too, for the "it" that quotes it.
    const about =
      subject &&
      (subject.kind === 'name' ||
        (subject.kind === 'description' && (isOrganisationHead(subject.words[subject.words.length - 1]) || isDefiniteWriting(subject.words))));
    const e = about ? resolve(subject, this.registry, this.play) : null;
    return e && e.kind !== 'unknown' ? e : null;
  }
}

/** "The committee issued a statement apologising …", "released a letter": the words themselves come next. */
function announcesStatement(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t, i) =>
      /^(issued|released|put|sent|published)$/i.test(t.text) &&
      tokens.slice(i + 1, i + 4).some((n) => /^(statement|letter|release|note)$/i.test(n.text)),
  );
}

/** "The primary is in June, but Sanders was in San Diego": the subject of the clause after ", but". */
function coordinateSubject(tokens: readonly Token[]): SpeakerPhrase | null {
  const k = tokens.findIndex((t, i) => t.text === ',' && /^(but|and|yet|so|while)$/.test(tokens[i + 1]?.text ?? ''));
  return k >= 0 ? sentenceSubject(tokens.slice(k + 2)) : null;
}

/** Moves or adds an entity to the front of a short most-recent-first list. */
function pushFront(list: Entity[], entity: Entity): void {
  const at = list.indexOf(entity);
  if (at === 0) return;
  if (at > 0) list.splice(at, 1);
  list.unshift(entity);
  if (list.length > RECENT) list.pop();
}
