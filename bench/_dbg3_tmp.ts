import * as fs from 'fs';
import { findQuotations } from '../src/briefings/quotes';
const dir = '/work/shared/corpus/polnear/train/text/';
let text = '';
for (const f of fs.readdirSync(dir)) { if (text.length > 100_000) break; text += fs.readFileSync(dir + f, 'utf8') + '\n\n'; }
const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const times: number[] = [];
for (let i = 0; i < 15; i++) { const c0 = process.cpuUsage(); findQuotations({ title: "x", standfirst: null, paragraphs }); const c = process.cpuUsage(c0); times.push((c.user + c.system) / 1000); }
console.log(times.map((t) => t.toFixed(0)).join(' '), 'min', Math.min(...times).toFixed(1));
