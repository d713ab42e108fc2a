// The core's face names the readers' limits without loading the readers (issue 13: a warm search reads no file).
// Its copies must stay the readers' own, or the CLI's extract and the folder sync would read other files than
// the readers accept.
import * as face from '../../src/briefings';
import * as load from '../../src/briefings/articles/load';

describe("the face's file limits", () => {
  it('are the readers own: the largest file read, and which names are gzipped web pages', () => {
    expect(face.MAX_FILE_BYTES).toBe(load.MAX_FILE_BYTES);
    expect(face.GZIPPED.source).toBe(load.GZIPPED.source);
    expect(face.GZIPPED.flags).toBe(load.GZIPPED.flags);
  });

  it('answer as the readers do when first called through the face', () => {
    for (const name of ['a.html.gz', 'b.htm.GZ', 'c.md', 'd.txt', 'e.csv', 'f.json', 'g.pdf', 'h.gz']) {
      expect(face.formatOf(name)).toBe(load.formatOf(name));
      expect(face.GZIPPED.test(name)).toBe(load.GZIPPED.test(name));
    }
  });
});
