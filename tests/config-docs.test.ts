// The settings a user can find are the settings briefbot reads: README's Configuration table and .env.example name
// every one of the settings table (src/config-settings.ts), with its default, and no setting the table lacks.
import fs from 'node:fs';
import path from 'node:path';
import { SETTING_NAMES, SETTINGS } from '../src/config-settings';

const root = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');

/** README's Configuration table: its rows, each split into cells. */
function configurationRows(): string[][] {
  const section = readme.split(/^## Configuration$/m)[1].split(/^## /m)[0];
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
}

/** The variables .env.example sets (or shows commented out), with the value it gives. */
function exampleValues(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of example.matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=(.*)$/gm)) out.set(m[1], m[2].trim());
  return out;
}

describe('the settings as the documentation lists them', () => {
  it("README's Configuration table has a row for every setting, showing its default", () => {
    const rows = configurationRows();
    for (const name of SETTING_NAMES) {
      const row = rows.find((cells) => cells[1].includes(`\`${name}\``));
      expect({ name, row: row !== undefined }).toEqual({ name, row: true });
      const fallback = SETTINGS[name].default;
      if (fallback !== null) expect({ name, default: row![2] }).toEqual({ name, default: expect.stringContaining(`\`${fallback}\``) });
    }
  });

  it("README's Configuration table names no setting the table lacks", () => {
    const named = configurationRows().flatMap((cells) => [...cells[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect(named.filter((n) => !SETTING_NAMES.includes(n as never))).toEqual([]);
    expect(new Set(named).size).toBe(SETTING_NAMES.length);
  });

  it('.env.example sets every setting, empty or to its default, and nothing else', () => {
    const values = exampleValues();
    expect([...values.keys()].sort()).toEqual([...SETTING_NAMES].sort());
    for (const name of SETTING_NAMES) {
      const value = values.get(name)!;
      const fallback = SETTINGS[name].default;
      // DATABASE_URL is shown commented out with an example address: there, any value is an example.
      if (value !== '' && !example.includes(`# ${name}=`)) expect({ name, value }).toEqual({ name, value: fallback });
    }
  });
});
