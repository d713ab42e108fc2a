import { splitSentences } from '../src/briefings/text/sentences';
console.log(splitSentences('“Instead of making sure … the Americans she sent there come home safe … she goes home. That’s it,” Tiegen stated. “If you’re going to do it, do it.”'));
