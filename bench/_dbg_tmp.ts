import * as fs from 'fs';
import { findQuotations } from '../src/briefings/quotes';
const f = fs.readFileSync('/tmp/q/f.txt', 'utf8').trim();
const text = fs.readFileSync(f, 'utf8');
const [title, ...rest] = text.split(/\n\s*\n/);
const paragraphs = rest.map((p) => p.trim()).filter(Boolean);
for (const q of findQuotations({ title, standfirst: null, paragraphs })) console.log(q.spans[0].paragraph, q.statement ? 'S' : 't', JSON.stringify(q.speaker), '|', q.text.slice(0, 60));
