import * as fs from 'fs';
import { extractQuotes } from '../src/briefings/quotes';
const dir = '/work/shared/corpus/polnear/train/text/';
let text = '';
for (const f of fs.readdirSync(dir)) { if (text.length > 100_000) break; text += fs.readFileSync(dir + f, 'utf8') + '\n\n'; }
const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
for (let i = 0; i < 4; i++) { const t0 = performance.now(); const r = extractQuotes({ title: 'Long', standfirst: null, paragraphs }); console.log(text.length, r.quotes.length, (performance.now() - t0).toFixed(1)); }
