// Tokenises the repository's own files with the extension's TextMate grammars (through
// vscode-textmate and vscode-oniguruma, the libraries VS Code uses) and checks that keywords,
// codes, variables, dates, periods, strings and comments get the scopes intended for them.
// Run from anywhere: node editors/vscode/test/tokenize.mjs. Exit status 0 when every check holds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import textmate from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const require = createRequire(import.meta.url);
const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);

const grammars = {
  'source.alliance.treaty': 'treaty.tmLanguage.json',
  'source.alliance.events': 'events.tmLanguage.json',
  'source.alliance.test': 'test.tmLanguage.json',
};
const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }),
  loadGrammar: async (scope) => {
    const file = grammars[scope];
    if (!file) return null;
    const text = fs.readFileSync(path.join(here, '..', 'syntaxes', file), 'utf8');
    return textmate.parseRawGrammar(text, file);
  },
});

// [file, scope of its grammar, text to find (its first occurrence after 'after', if given), scope expected, after]
const checks = [
  ['rules/cst.treaty', 'source.alliance.treaty', '# Membership runs', 'comment.line'],
  ['rules/cst.treaty', 'source.alliance.treaty', 'treaty CST', 'keyword.control'],
  ['rules/cst.treaty', 'source.alliance.treaty', 'CST "Collective', 'entity.name.type.code'],
  ['rules/cst.treaty', 'source.alliance.treaty', '"Collective Security Treaty"', 'string.quoted.double'],
  ['rules/cst.treaty', 'source.alliance.treaty', '1994-04-20', 'constant.numeric.date'],
  ['rules/cst.treaty', 'source.alliance.treaty', '30 days', 'constant.numeric.period', 'assume necessary'],
  ['rules/cst.treaty', 'source.alliance.treaty', 'art1 "No use', 'entity.name.function.rule'],
  ['rules/cst.treaty', 'source.alliance.treaty', 'nonaggression', 'constant.language.kind'],
  ['rules/cst.treaty', 'source.alliance.treaty', '$victim', 'variable.other'],
  ['rules/cst.treaty', 'source.alliance.treaty', '@territory', 'variable.other.attribute'],
  ['rules/cst.treaty', 'source.alliance.treaty', 'frozen', 'keyword.control', 'members {'],
  ['rules/cst.treaty', 'source.alliance.treaty', 'must assist', 'keyword.control'],
  ['rules/memorandum-2000.treaty', 'source.alliance.treaty', 'every 3 months', 'keyword.control'],
  ['tests/AllianceRules.Tests/Cases/eval/270-readings-default/rules.treaty', 'source.alliance.treaty', 'reading aggressor', 'keyword.control', 'signed'],
  ['tests/AllianceRules.Tests/Cases/eval/270-readings-default/rules.treaty', 'source.alliance.treaty', 'if reading start', 'keyword.control', 'members {'],
  ['tests/AllianceRules.Tests/Cases/eval/270-readings-default/rules.treaty', 'source.alliance.treaty', 'reading aggressor is any', 'keyword.control', 'when _'],
  ['rules/memorandum-2000.treaty', 'source.alliance.treaty', '3 months', 'constant.numeric.period'],
  ['seeds/csto-sessions-2022.events', 'source.alliance.events', '# Sessions', 'comment.line'],
  ['seeds/csto-sessions-2022.events', 'source.alliance.events', 'observed 2022-01-01', 'keyword.control', '\nobserved'],
  ['seeds/csto-sessions-2022.events', 'source.alliance.events', '2022-05-16', 'constant.numeric.date'],
  ['seeds/csto-sessions-2022.events', 'source.alliance.events', 'CSTO consult', 'entity.name.type.code', '\n2022-05-16'],
  ['seeds/csto-sessions-2022.events', 'source.alliance.events', 'consult CSTO', 'entity.name.function.verb', '\n2022-05-16'],
  ['seeds/csto-sessions-2022.events', 'source.alliance.events', 'level=high', 'variable.other.attribute', '\n2022-05-16'],
  ['seeds/csto-sessions-2022.events', 'source.alliance.events', '"Collective Security Council"', 'string.quoted.double', '\n2022-05-16'],
  // Interval events: DATE .. END and the open DATE .. (language.md §5.5).
  ['tests/AllianceRules.Tests/Cases/eval/300-interval-trigger-at-accession/history.events', 'source.alliance.events', '..', 'keyword.operator', '\n1994-02-01'],
  ['tests/AllianceRules.Tests/Cases/eval/300-interval-trigger-at-accession/history.events', 'source.alliance.events', '1994-05-12', 'constant.numeric.date', '\n1994-02-01'],
  ['tests/AllianceRules.Tests/Cases/eval/300-interval-trigger-at-accession/history.events', 'source.alliance.events', 'AZE attack ARM', 'entity.name.type.code', '\n1994-02-01'],
  ['tests/AllianceRules.Tests/Cases/eval/300-interval-trigger-at-accession/history.events', 'source.alliance.events', 'attack ARM', 'entity.name.function.verb', '\n1994-02-01'],
  ['tests/AllianceRules.Tests/Cases/eval/300-interval-trigger-at-accession/history.events', 'source.alliance.events', 'attack GEO', 'entity.name.function.verb', '\n1994-03-01 ..'],
  ['seeds/cases.test', 'source.alliance.test', '# The verdicts', 'comment.line'],
  ['seeds/cases.test', 'source.alliance.test', 'test "Kazakhstan', 'keyword.control'],
  ['seeds/cases.test', 'source.alliance.test', '"Kazakhstan', 'string.quoted.double'],
  ['seeds/cases.test', 'source.alliance.test', 'CST.art4-2010 RUS', 'entity.name.function.rule'],
  ['seeds/cases.test', 'source.alliance.test', 'RUS 2022-01-05', 'entity.name.type.code'],
  ['seeds/cases.test', 'source.alliance.test', 'fulfilled', 'constant.language.status'],
  ['seeds/cases.test', 'source.alliance.test', '14 days', 'constant.numeric.period'],
  ['seeds/cases.test', 'source.alliance.test', '2022-09-23 RUS assist ARM', 'constant.numeric.date'],
  ['seeds/cases.test', 'source.alliance.test', 'assist ARM\n', 'entity.name.function.verb'],
];

let failed = 0;
const cache = new Map();
async function tokens(file, scope) {
  const key = `${file}|${scope}`;
  if (!cache.has(key)) {
    const grammar = await registry.loadGrammar(scope);
    const lines = fs.readFileSync(path.join(repo, file), 'utf8').split('\n');
    let stack = textmate.INITIAL;
    const result = lines.map((line) => {
      const r = grammar.tokenizeLine(line, stack);
      stack = r.ruleStack;
      return r.tokens;
    });
    cache.set(key, { lines, result });
  }
  return cache.get(key);
}

for (const [file, scope, find, expected, after] of checks) {
  const { lines, result } = await tokens(file, scope);
  const text = lines.join('\n');
  const from = after ? text.indexOf(after) : 0;
  const at = text.indexOf(find.replace(/\n$/, ''), from < 0 ? 0 : from);
  if (at < 0) {
    console.log(`FAIL ${file}: '${find}' not found`);
    failed++;
    continue;
  }
  const lineNo = text.slice(0, at).split('\n').length - 1;
  const column = at - text.lastIndexOf('\n', at - 1) - 1;
  const token = result[lineNo].find((t) => t.startIndex <= column && column < t.endIndex);
  const scopes = token ? token.scopes.join(' ') : '(no token)';
  if (!scopes.includes(expected)) {
    console.log(`FAIL ${file}:${lineNo + 1}:${column + 1} '${find.trim()}': expected ${expected}, got ${scopes}`);
    failed++;
  }
}
console.log(`${checks.length - failed} of ${checks.length} scope checks passed`);
process.exit(failed === 0 ? 0 : 1);
