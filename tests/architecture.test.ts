import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s+|import\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('the architecture', () => {
  it('keeps the core free of Discord: nothing under src/briefings imports discord.js or the adapter', () => {
    const offenders = filesUnder(path.join(SRC, 'briefings')).flatMap((f) =>
      importsOf(f)
        .filter((i) => /discord|^\.\.\/(\.\.\/)*(commands|discord|schedule|store)\b/.test(i))
        .map((i) => `${path.relative(SRC, f)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lets only the renderer build embeds, rows and menus', () => {
    const builders = /\b(EmbedBuilder|ActionRowBuilder|ButtonBuilder|StringSelectMenuBuilder)\b/;
    const offenders = filesUnder(SRC)
      .filter((f) => !f.startsWith(path.join(SRC, 'discord', 'render')))
      .filter((f) => builders.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
