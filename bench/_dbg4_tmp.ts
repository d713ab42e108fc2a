import * as fs from 'fs';
import { findQuotations } from '../src/briefings/quotes';
const dir = '/work/shared/corpus/polnear/train/text/';
let text = '';
for (const f of fs.readdirSync(dir)) { if (text.length > 100_000) break; text += fs.readFileSync(dir + f, 'utf8') + '\n\n'; }
const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
for (let i = 0; i < 40; i++) findQuotations({ title: 'x', standfirst: null, paragraphs });
