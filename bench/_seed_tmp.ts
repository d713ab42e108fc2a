import { findQuotations } from '../src/briefings/quotes';
const arts = require('/work/main/tests/fixtures/quotes/seed-articles.json');
for (const a of arts) for (const q of findQuotations(a)) console.log(q.spans[0].paragraph, q.statement ? 'S' : 't', q.partial ? 'P' : ' ', JSON.stringify(q.speaker), '|', q.role, '|', q.text.slice(0, 60));
