// "briefbot/<version>" from package.json, read once.
import * as fs from 'node:fs';
import * as path from 'node:path';

function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0';
  } catch {
    return '0';
  }
}

export const USER_AGENT = `briefbot/${readVersion()}`;
