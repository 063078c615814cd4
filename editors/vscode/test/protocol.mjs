// Talks to the real `alliance lsp --stdio` through vscode-jsonrpc, the JSON-RPC layer that
// vscode-languageclient is built on (the very copy the extension bundles, found through the
// extension's node_modules), as the extension does in VS Code: initialize with the capabilities
// vscode-languageclient declares (computed by it), an error published with its code
// and range, cleared when fixed, hover, formatting, then shutdown and exit with status 0.
//
//   node editors/vscode/test/protocol.mjs --dll src/AllianceRules.Cli/bin/Debug/net10.0/alliance.dll
//
// Needs `npm ci --ignore-scripts` in editors/vscode first. Prints each check; exits 0 when all hold,
// and 1 at the first that does not, saying what was expected and what came.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionFolder = path.resolve(here, '..');
// vscode-jsonrpc as vscode-languageclient resolves it: through vscode-languageserver-protocol.
const fromExtension = createRequire(path.join(extensionFolder, 'extension.js'));
const fromClient = createRequire(fromExtension.resolve('vscode-languageclient/node'));
const fromProtocol = createRequire(fromClient.resolve('vscode-languageserver-protocol/node'));
const rpc = fromProtocol('vscode-jsonrpc/node');

const args = process.argv.slice(2);
const dllIndex = args.indexOf('--dll');
const dll = path.resolve(dllIndex >= 0 && args[dllIndex + 1] ? args[dllIndex + 1] : (process.env.ALLIANCE_DLL ?? ''));
if (!dll || !fs.existsSync(dll) || !dll.endsWith('.dll')) {
  console.error(`protocol.mjs: give the built alliance.dll: node protocol.mjs --dll PATH (got '${dll}')`);
  process.exit(2);
}

// How many checks follow: the closing line says how many of these passed, so that a check skipped
// by mistake shows (EditorExtensionTests expects this number too).
const EXPECTED_CHECKS = 17;
let passed = 0;
let server;
const serverLog = [];
function fail(what, expected, actual) {
  console.error(`FAILED: ${what}\n  expected: ${expected}\n  actual:   ${typeof actual === 'string' ? actual : JSON.stringify(actual)}`);
  if (serverLog.length) console.error(`server's standard error:\n${serverLog.join('')}`);
  try {
    server?.kill();
  } catch {
    // Already gone.
  }
  process.exit(1);
}
function check(what, ok, expected, actual) {
  if (!ok) fail(what, expected, actual);
  passed++;
  console.log(`ok  ${what}`);
}
function within(ms, promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s: ${what}`)), ms);
    }),
  ]);
}

// A workspace as `alliance init` makes it: it passes check and lint, so every diagnostic is ours.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-protocol-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
const root = path.join(scratch, 'project');
const init = spawnSync('dotnet', [dll, 'init', root], { encoding: 'utf8' });
if (init.status !== 0) fail('alliance init makes the workspace', 'exit status 0', `${init.status}\n${init.stdout}${init.stderr}`);
const pact = path.join(root, 'rules', 'pact.treaty');
const pactText = fs.readFileSync(pact, 'utf8');
const pactUri = pathToFileURL(pact).href;
const rootUri = pathToFileURL(root).href;

// The command the extension would build from the default setting, with dotnet and the dll in front.
const { serverCommand } = fromExtension('./lib/command.js');
const command = serverCommand(`dotnet "${dll}"`, root);
server = spawn(command.command, command.args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
server.stderr.on('data', (d) => serverLog.push(d.toString()));
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
server.on('error', (e) => fail('the server starts', `dotnet ${dll} lsp --stdio running`, e.message));

const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
// Requests a server may send a client; VS Code's client answers them, so this one does too.
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('client/unregisterCapability', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
connection.onRequest('window/showMessageRequest', () => null);
connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
const published = [];
const waiting = [];
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  published.push(params);
  for (const w of [...waiting]) {
    if (w.test(params)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(params);
    }
  }
});
connection.onNotification('window/logMessage', () => {});
connection.onNotification('window/showMessage', () => {});
connection.onNotification('$/logTrace', () => {});
connection.listen();

/** The next publishDiagnostics for URI (from those already received, the last one) that meets test. */
function diagnosticsFor(uri, test, what) {
  const seen = published.filter((p) => p.uri === uri && test(p));
  if (seen.length) return Promise.resolve(seen[seen.length - 1]);
  return within(30000, new Promise((resolve) => waiting.push({ test: (p) => p.uri === uri && test(p), resolve })), what);
}

// The client capabilities as vscode-languageclient itself computes them for VS Code: its LanguageClient,
// built with a stand-in for the 'vscode' module (which exists only inside VS Code), asked for the
// capabilities its features declare in 'initialize'.
function languageClientCapabilities() {
  const stand = (name) => new Proxy(function () {}, {
    get: (_, key) => {
      if (key === 'version') return '1.95.0'; // vscode.version, checked against the client's engine
      if (key === 'then' || key === Symbol.iterator) return undefined;
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'prototype') return {};
      return stand(`${name}.${String(key)}`);
    },
    construct: () => stand(`new ${name}`),
    apply: () => stand(`${name}()`),
  });
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'stub:vscode' : resolve.call(this, request, ...rest);
  };
  fromExtension.cache['stub:vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: stand('vscode') };
  try {
    const { LanguageClient } = fromExtension('vscode-languageclient/node');
    const client = new LanguageClient('alliance', 'AllianceRules', { command: 'alliance' }, { documentSelector: [] });
    return client.computeClientCapabilities();
  } catch (e) {
    fail("vscode-languageclient computes its client capabilities", 'an object', e.stack ?? String(e));
  } finally {
    Module._resolveFilename = resolve;
  }
}
const capabilities = languageClientCapabilities();
check('initialize: the capabilities are vscode-languageclient\'s own (hover in markdown, formatting, diagnostics with codes)',
  capabilities.textDocument?.hover?.contentFormat?.[0] === 'markdown' && capabilities.textDocument?.formatting && capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true
    && capabilities.general?.positionEncodings?.includes('utf-16'),
  'textDocument.hover, formatting, publishDiagnostics and general.positionEncodings utf-16', capabilities);

try {
  const result = await within(30000, connection.sendRequest('initialize', {
    processId: process.pid,
    clientInfo: { name: 'Visual Studio Code', version: '1.95.0' },
    locale: 'en',
    rootPath: root,
    rootUri,
    capabilities,
    trace: 'off',
    workspaceFolders: [{ uri: rootUri, name: 'project' }],
  }), 'initialize');
  const c = result.capabilities ?? {};
  const sync = c.textDocumentSync;
  check('initialize: the server opens and closes documents with full text (textDocumentSync change 1)',
    sync === 1 || (sync && sync.openClose === true && sync.change === 1), '{ openClose: true, change: 1 } or 1', sync);
  check('initialize: the server asks for didSave, to read the disk again (textDocumentSync.save)',
    sync && typeof sync === 'object' && sync.save !== undefined && sync.save !== false, '{ save: {} } or { save: { includeText: false } }', sync);
  check('initialize: hover is provided', !!c.hoverProvider, 'hoverProvider', c);
  check('initialize: formatting is provided', !!c.documentFormattingProvider, 'documentFormattingProvider', c);
  check('initialize: go to definition is provided', !!c.definitionProvider, 'definitionProvider', c);
  check('initialize: the server names itself', result.serverInfo?.name === 'alliance', "serverInfo.name 'alliance'", result.serverInfo);
  connection.sendNotification('initialized', {});
  connection.sendNotification('workspace/didChangeConfiguration', { settings: null });

  // An impossible date: AR1001 on '2020-13-01', line 4 (0-based 3), columns 10-19 (0-based 9-19).
  const broken = pactText.replace('signed 2020-01-01', 'signed 2020-13-01');
  if (broken === pactText) fail('the init pact has the line to break', "'signed 2020-01-01'", pactText.slice(0, 200));
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pactUri, languageId: 'alliance-treaty', version: 1, text: broken } });
  const error = await diagnosticsFor(pactUri, (p) => p.diagnostics.length > 0, 'publishDiagnostics for the broken pact');
  check('diagnostics: one, for the impossible date', error.diagnostics.length === 1, '1 diagnostic', error.diagnostics);
  const d = error.diagnostics[0];
  check('diagnostics: code AR1001', d.code === 'AR1001', 'AR1001', d.code);
  check('diagnostics: severity error', d.severity === 1, '1', d.severity);
  check('diagnostics: the date\'s range', JSON.stringify(d.range) === JSON.stringify({ start: { line: 3, character: 9 }, end: { line: 3, character: 19 } }),
    '3:9-3:19', d.range);
  check('diagnostics: the message', /not a real calendar date/.test(d.message), "'... is not a real calendar date ...'", d.message);

  const count = published.length;
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: pactUri, version: 2 }, contentChanges: [{ text: pactText }] });
  const cleared = await diagnosticsFor(pactUri, (p) => published.indexOf(p) >= count && p.diagnostics.length === 0, 'an empty publishDiagnostics once fixed');
  check('diagnostics: cleared once the date is fixed', cleared.diagnostics.length === 0, '[]', cleared.diagnostics);

  const lines = pactText.split('\n');
  const line = lines.findIndex((l) => l.includes('and there was $aggressor attack'));
  const character = lines[line].indexOf('attack') + 3;
  const hover = await within(30000, connection.sendRequest('textDocument/hover', { textDocument: { uri: pactUri }, position: { line, character } }), 'hover');
  check('hover: markdown about the verb', hover?.contents?.kind === 'markdown' && hover.contents.value.includes('`attack`') && hover.contents.value.includes('CAMEO'),
    "markdown naming `attack` and its CAMEO codes", hover);

  const messy = pactText.replace('  signed 2020-01-01', '      signed    2020-01-01');
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: pactUri, version: 3 }, contentChanges: [{ text: messy }] });
  const edits = await within(30000, connection.sendRequest('textDocument/formatting', { textDocument: { uri: pactUri }, options: { tabSize: 4, insertSpaces: true } }), 'formatting');
  check('formatting: one edit giving back the canonical text', Array.isArray(edits) && edits.length === 1 && edits[0].newText === pactText,
    'one edit whose newText is the file as alliance init wrote it', edits);

  connection.sendNotification('textDocument/didClose', { textDocument: { uri: pactUri } });
  const answer = await within(30000, connection.sendRequest('shutdown'), 'shutdown');
  check('shutdown: answered with null', answer === null || answer === undefined, 'null', answer);
  connection.sendNotification('exit');
  const code = await within(30000, exited, 'the server to exit after exit');
  check('exit: the server ends with status 0', code === 0, '0', code);
  connection.dispose();
} catch (e) {
  fail('the conversation with the server', 'answers in time', e.message);
}
if (passed !== EXPECTED_CHECKS) fail('the number of checks made', `${EXPECTED_CHECKS}`, `${passed}`);
console.log(`${passed} of ${EXPECTED_CHECKS} protocol checks passed`);
