// The furniture news arrives with (Daily Mail bylines and captions in one block, wire datelines in
// glued paragraphs, live-blog time stamps and embedded posts) never reaches a summary, and the
// summary opens with the story's lede. Each fixture names its own furniture, so the check does not
// lean on the rules it tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarise } from '../../src/briefings/summarise';
import { isFurniture, normaliseText } from '../../src/briefings/summarise/furniture';
import { makeArticle } from './make-article';

interface Story {
  kind: string;
  title: string;
  paragraphs: string[];
  glued?: boolean;
  furniture: string[];
  lede: string;
}

const STORIES = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'summarise', 'furniture-stories.json'), 'utf8')) as Story[];

/** Paragraphs joined with no space after a full stop ("…heavy rain.Network Rail…"), as some scrapes deliver. */
function glue(paragraphs: string[]): string {
  return paragraphs.reduce((text, p) => (text === '' ? p : /[.!?"”’]$/.test(text) ? text + p : `${text} ${p}`), '');
}

/** The story as it is stored, as one block, and glued. */
function layouts(story: Story) {
  const given = story.glued ? [glue(story.paragraphs)] : story.paragraphs;
  return [
    makeArticle(story.title, given),
    makeArticle(story.title, [story.paragraphs.join(' ')]),
    makeArticle(story.title, [glue(story.paragraphs)]),
  ];
}

describe.each(STORIES.map((s) => [s.kind, s] as const))('a %s', (_, story) => {
  it.each([1, 3, 5])('keeps every furniture piece out of a %i-sentence summary, in every layout', (n) => {
    for (const article of layouts(story)) {
      const summary = summarise(article, n);
      expect(summary.length).toBeGreaterThan(0);
      for (const sentence of summary) for (const piece of story.furniture) expect(sentence).not.toContain(piece);
    }
  });

  it('opens the summary with the lede, without its dateline, in every layout', () => {
    for (const article of layouts(story)) expect(summarise(article, 3)[0]).toBe(story.lede);
  });

  it('gives no summary sentence that the furniture rules would flag', () => {
    for (const article of layouts(story)) {
      for (const sentence of summarise(article, 5)) expect(isFurniture(sentence, normaliseText(story.title))).toBe(false);
    }
  });
});

describe('labels and datelines in capitals', () => {
  it('takes "NEW DELHI:" or "UPDATE:" off the sentence it opens, and keeps the sentence', () => {
    const article = makeArticle('Fuel duty cut', [
      'NEW DELHI: The government on Tuesday cut excise duty on petrol and diesel by two rupees a litre.',
      'UPDATE: The finance ministry later said the cut would take effect from midnight on Wednesday.',
    ]);
    expect(summarise(article, 2)).toEqual([
      'The government on Tuesday cut excise duty on petrol and diesel by two rupees a litre.',
      'The finance ministry later said the cut would take effect from midnight on Wednesday.',
    ]);
  });
});
