// Who is in play as the article is read in order: the speaker of the latest quote or reported
// statement, the person the previous sentence was about, and the speaker of the quote before in
// this sentence, this paragraph and the previous paragraph.
import type { Token } from '../text/names';
import { reportedSubject, sentenceSubject } from './attribution';
import type { Entity, Registry } from './registry';
import { resolve, type Play } from './resolve';

export class Discourse {
  /** For pronouns: latest speaker, latest person speaking, subject of the previous sentence. */
  readonly play: Play = { lastSpeaker: null, lastPerson: null, prevSubject: null };
  /** The speaker of the latest quote in this sentence / this paragraph. */
  sentenceSpeaker: Entity | null = null;
  paragraphSpeaker: Entity | null = null;
  /** The paragraph holding the latest quote, and who spoke last in it. */
  lastQuoteParagraph = -2;
  lastQuoteSpeaker: Entity | null = null;

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
    const reported = reportedSubject(tokens);
    const entity = reported ? resolve(reported, this.registry, this.play) : null;
    if (entity) {
      this.spoke(entity);
      this.play.prevSubject = entity;
    } else this.play.prevSubject = this.namedSubject(tokens);
  }

  /** After a sentence with quotes: its speaker, or else its opening name, is what "he" means next. */
  endQuotedSentence(tokens: readonly Token[]): void {
    this.play.prevSubject = this.sentenceSpeaker ?? this.namedSubject(tokens);
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
  }

  private namedSubject(tokens: readonly Token[]): Entity | null {
    const subject = sentenceSubject(tokens);
    const e = subject && subject.kind === 'name' ? resolve(subject, this.registry, this.play) : null;
    return e && e.kind !== 'unknown' ? e : null;
  }
}
