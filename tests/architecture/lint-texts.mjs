// Lints made-up files with the project's eslint.config.mjs, outside jest (whose VM cannot load an ES module
// config): reads [{ filePath, code }] as JSON on stdin, prints [[ruleId@line, ...], ...] on stdout.
import { ESLint } from 'eslint';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map((m) => `${m.ruleId}@${m.line}`));
}
process.stdout.write(JSON.stringify(out));
