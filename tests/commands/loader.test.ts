import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandPayloads, loadCommands } from '../../src/commands';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-commands-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const DJS = JSON.stringify(require.resolve('discord.js'));
const commandFile = (name: string) =>
  `const { SlashCommandBuilder } = require(${DJS});\n` +
  `exports.data = new SlashCommandBuilder().setName('${name}').setDescription('d');\n` +
  `exports.execute = async () => {};\n`;

describe('the command loader', () => {
  it('finds the bot’s commands by reading the folder', () => {
    const commands = loadCommands();
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['brief', 'help', 'quote', 'search']));
    expect(commands.get('search')!.component).toBeInstanceOf(Function);
    expect(commands.get('brief')!.autocomplete).toBeInstanceOf(Function);
  });

  it('names each command after its file', () => {
    const dir = path.join(__dirname, '../../src/commands');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f));
    for (const name of loadCommands().keys()) expect(files).toContain(`${name}.ts`);
  });

  it('picks up a new file without any other change, skipping index, types and helpers', () => {
    const dir = folder({
      'alpha.js': commandFile('alpha'),
      'beta.js': commandFile('beta'),
      'helper.js': 'exports.twice = (x) => x * 2;\n',
      'index.js': commandFile('not-me'),
      'types.js': commandFile('nor-me'),
      'notes.md': '# not code',
    });
    expect([...loadCommands(dir).keys()]).toEqual(['alpha', 'beta']);
  });

  it('refuses two files defining the same command', () => {
    const dir = folder({ 'a.js': commandFile('same'), 'b.js': commandFile('same') });
    expect(() => loadCommands(dir)).toThrow('Two command files define /same');
  });

  it('refuses a command without execute', () => {
    const dir = folder({
      'half.js':
        `const { SlashCommandBuilder } = require(${DJS});\n` + "exports.data = new SlashCommandBuilder().setName('half').setDescription('d');\n",
    });
    expect(() => loadCommands(dir)).toThrow('half.js exports `data` but no `execute`');
  });

  it('gives Discord valid definitions: autocomplete on article, speaker, query and source; length as choices', () => {
    const byName = Object.fromEntries(commandPayloads().map((c) => [c.name, c]));
    const opt = (cmd: string, name: string) => (byName[cmd].options as any[]).find((o) => o.name === name);
    expect(opt('brief', 'article').autocomplete).toBe(true);
    expect(opt('brief', 'length').choices.map((c: any) => c.value)).toEqual(['short', 'medium', 'long']);
    expect(opt('brief', 'topic').required).toBeFalsy();
    expect(opt('quote', 'speaker').autocomplete).toBe(true);
    // /search needs words or a source (the command says so when both are missing): neither option is required.
    expect(opt('search', 'query')).toMatchObject({ required: false, autocomplete: true });
    expect(opt('search', 'source')).toMatchObject({ required: false, autocomplete: true });
    expect(byName.help.options ?? []).toEqual([]);
  });
});
