import { findQuotations } from '../src/briefings/quotes';
const show = (...paragraphs: string[]) => { for (const q of findQuotations({ title: 'T', standfirst: null, paragraphs })) console.log(JSON.stringify(q.speaker), '|', q.text.slice(0, 50)); };
show('The volunteers are Eva Miller and Gloria Major, who remember.', '"I am calling from the Hillary Clinton campaign. How are you today?" Miller, a retired worker from a nuclear plant, said pleasantly into the phone.');
show('Tiegen spoke at the event.', '“Instead of making sure … the Americans she sent there come home safe … she goes home. That’s it,” Tiegen stated. “If you’re going to do it, do it.”');
