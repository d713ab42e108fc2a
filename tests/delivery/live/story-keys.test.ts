// A story keeps the key it was first posted under, even when a member whose id sorts first joins later (the
// core names a story by its smallest member id; the live ledger must not lose track of a posted story).
import { StoryKeys } from '../../../src/delivery/live';
import * as f from '../../fixtures/stories/articles';

describe('story keys for live posts', () => {
  it('gives a later version of a posted story the first one’s key, though its id sorts first', () => {
    const background = f.all.filter((a) => a !== f.psPriceIgn && a !== f.psPriceGi);
    const keys = StoryKeys.over(background);
    expect(keys.add(f.psPriceIgn)).toBe(f.psPriceIgn.id);
    // The core names the story after its smallest member id ('cnbc-ps5-price', a background article); the live key stays.
    expect(keys.add(f.psPriceGi)).toBe(f.psPriceIgn.id);
    expect(keys.keyOf(f.psPriceGi.id)).toBe(f.psPriceIgn.id);
  });

  it('keeps a different event under its own key', () => {
    const keys = StoryKeys.over(f.all.filter((a) => a !== f.ps6Delay));
    keys.add(f.psPriceIgn);
    expect(keys.add(f.ps6Delay)).toBe(f.ps6Delay.id);
    expect(keys.keyOf('never-added')).toBeNull();
  });
});
