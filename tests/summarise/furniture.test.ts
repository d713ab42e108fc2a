import { summarise } from '../../src/briefings/summarise';
import { isFurniture, normaliseText } from '../../src/briefings/summarise/furniture';
import { makeArticle } from './make-article';

const TITLE = 'Kremlin rejects amended peace plan';
const furniture = (text: string) => isFurniture(text, normaliseText(TITLE));

describe('furniture: sentences a summary never uses', () => {
  it.each([
    ['the title line repeated in the body', 'Kremlin rejects amended peace plan'],
    ['a byline', 'By Jane Smith and Tom Jones, CNN'],
    ['a contributor footer', "CNN's Alla Eshchenko contributed to this report."],
    ['a relative timestamp', 'Updated 2 sec ago'],
    ['an absolute timestamp', 'Updated 03 December 2025'],
    ['a short-url widget', 'Short Url'],
    ['a follow prompt', 'Follow @janesmith on Twitter.'],
    ['a photo caption with an agency credit', 'Russian President Vladimir Putin at the Kremlin on Tuesday. (AFP)'],
    ['a read-more link', 'Read more: Ukraine talks stall again'],
    [
      'a read-more link glued to the sentence after it',
      "Read more: Robin Thicke sues to protect 'Blurred Lines' from Marvin Gaye's family (exclusive) The hardly predictable outcome over a song that made more than $16 million in profits will resonate in the music industry.",
    ],
    ['a copyright line', 'Copyright 2025 Cable News Network. All rights reserved.'],
    ['a quote of only a few words', '"It\'s over."'],
    ['a heading fragment', 'Russian pressure'],
    ['a Daily Mail byline split from its name', 'By .'],
    ["a reporter's name on its own line", 'Daily Mail Reporter .'],
    ['a PUBLISHED header', 'PUBLISHED: .'],
    ['an UPDATED header', 'UPDATED: .'],
    ['a time stamp with its date', '05:31 EST, 12 March 2014 . | .'],
    ['a "Last updated" stamp', 'Last updated at 5:26 PM on 14th January 2012 .'],
    ['a date on its own', 'March 18, 2015 .'],
    ['a caption label', 'Tragic: Gareth Evans, pictured with his wife Sian, had set out alone on a walk.'],
    ['a caption with a credit after the full stop', 'Rescue teams combed the mountain for six days (PA).'],
    ['an embedded tweet', 'Stay safe everyone pic.twitter.com/xk3Lw0Qz — Jane Smith (@janesmith) February 9, 2020'],
    ['a video prompt', 'Scroll down for video .'],
  ])('treats %s as furniture', (_, text) => {
    expect(furniture(text)).toBe(true);
  });

  it.each([
    ['a lede that opens with a furniture word', 'Share, and your gift will be multiplied.'],
    ['a sentence opening with "By" and a date', 'By Tuesday, the army had left the city.'],
    ['a sentence quoting at length', '"We will not accept any plan that rewards aggression," the minister told reporters in Kyiv.'],
    ['a plain news sentence', 'Moscow rejected the amended plan on Wednesday, officials said.'],
    ['a sentence that mentions a time', 'The polls close at 10:00 GMT on Thursday, the electoral commission said.'],
    ['a title with a colon inside a sentence', 'The Lord of the Rings: The Return of the King took nearly £10m over its opening weekend.'],
    ['a quotation introduced with a colon', 'Mr Blair said: "We will not walk away from the people of Iraq."'],
  ])('keeps %s', (_, text) => {
    expect(furniture(text)).toBe(false);
  });

  it('never puts the title, bylines or short quotes into a summary', () => {
    const article = makeArticle(TITLE, [
      TITLE,
      'By Jane Smith, Reuters',
      'Moscow on Wednesday rejected the amended peace plan drawn up by US and Ukrainian officials.',
      '"No deal."',
      'The Kremlin said the changes ignored its core demands over territory in the east.',
      'European leaders said they would keep pressing for a ceasefire before winter.',
      "Reuters' Tom Jones contributed to this report.",
    ]);
    const summary = summarise(article, 5);
    expect(summary).toEqual([
      'Moscow on Wednesday rejected the amended peace plan drawn up by US and Ukrainian officials.',
      'The Kremlin said the changes ignored its core demands over territory in the east.',
      'European leaders said they would keep pressing for a ceasefire before winter.',
    ]);
  });

  it('drops a standfirst that is only furniture', () => {
    const article = makeArticle(TITLE, ['Moscow rejected the amended peace plan on Wednesday.'], 'Updated 2 sec ago');
    expect(summarise(article, 3)).toEqual(['Moscow rejected the amended peace plan on Wednesday.']);
  });
});
