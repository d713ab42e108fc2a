// The face's file and page readers, loaded on their first call. Together with the byte decoder (iconv-lite) they are
// about fifty modules a warm `briefbot search` or a bot restart never runs: those read what the store already holds.
// Importing the face used to load them all, a third of the CLI's module loading (issue 13).
import type * as AnalyseFile from './analyse-file';
import type * as AnalysePage from './analyse-page';
import type * as Csv from './articles/csv';
import type * as Html from './articles/html';
import type * as Load from './articles/load';
import type * as PlainText from './articles/plain-text';
import type * as Decode from './text/decode';
import { onFirstUse } from './text/on-first-use';

/* eslint-disable @typescript-eslint/no-require-imports -- each module loads on its first call, not when the face is imported */
const analyseFileModule = onFirstUse(() => require('./analyse-file') as typeof AnalyseFile);
const analysePageModule = onFirstUse(() => require('./analyse-page') as typeof AnalysePage);
const loadModule = onFirstUse(() => require('./articles/load') as typeof Load);
const htmlModule = onFirstUse(() => require('./articles/html') as typeof Html);
const decodeModule = onFirstUse(() => require('./text/decode') as typeof Decode);
const csvModule = onFirstUse(() => require('./articles/csv') as typeof Csv);
const plainTextModule = onFirstUse(() => require('./articles/plain-text') as typeof PlainText);
/* eslint-enable @typescript-eslint/no-require-imports */

export const analyseFile: typeof AnalyseFile.analyseFile = (...args) => analyseFileModule().analyseFile(...args);
export const analyseRaw: typeof AnalyseFile.analyseRaw = (...args) => analyseFileModule().analyseRaw(...args);
export const analysePage: typeof AnalysePage.analysePage = (...args) => analysePageModule().analysePage(...args);
export const formatOf: typeof Load.formatOf = (...args) => loadModule().formatOf(...args);
export const gunzip: typeof Load.gunzip = (...args) => loadModule().gunzip(...args);
export const readArticleBytes: typeof Load.readArticleBytes = (...args) => loadModule().readArticleBytes(...args);
export const readHtml: typeof Html.readHtml = (...args) => htmlModule().readHtml(...args);
export const decodeBytes: typeof Decode.decodeBytes = (...args) => decodeModule().decodeBytes(...args);
export const parseCsv: typeof Csv.parseCsv = (...args) => csvModule().parseCsv(...args);
export const readPlainText: typeof PlainText.readPlainText = (...args) => plainTextModule().readPlainText(...args);

// The readers' limits, named here so a caller need not load every reader to know them; tests/briefings/face.test.ts
// holds them equal to articles/load.ts's own (which cannot import them from here without re-analysing every store).
/** Files larger than this are not read (articles/load.ts's MAX_FILE_BYTES). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Gzipped web pages (articles/load.ts's GZIPPED). */
export const GZIPPED = /\.html?\.gz$/i;
