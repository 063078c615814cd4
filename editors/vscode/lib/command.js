// The command lines the extension runs, worked out from the 'alliance.path' setting. It does not
// require('vscode'), so that Node can test it outside VS Code (test/extension.test.mjs).
'use strict';

const fs = require('fs');
const path = require('path');

/** The setting's default: an `alliance` executable on PATH (as `dotnet tool install --global` puts it). */
const DEFAULT_TOOL = 'alliance';

/**
 * Splits a command line into words as a shell would for simple cases: white space separates words,
 * and single or double quotes keep spaces inside one word (the quotes themselves are dropped).
 * Backslashes are kept as they are, so Windows paths need no escaping. Throws on an unclosed quote.
 */
function splitWords(text) {
  const words = [];
  let word = '';
  let inWord = false;
  let quote = null;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error(`alliance.path has an unclosed ${quote} quote: ${text}`);
  if (inWord) words.push(word);
  return words;
}

/**
 * The `alliance` tool as an executable and its first arguments, from the setting's text:
 * empty or missing means `alliance` on PATH; `${workspaceFolder}` is replaced by the folder open
 * (when there is one); a lone path ending in `.dll` is run with `dotnet`.
 * In a folder that is not trusted (`trusted === false`), `${workspaceFolder}` and relative paths
 * are refused: they would let the folder choose the program run, whatever setting names them.
 * @param {string | undefined | null} setting the value of 'alliance.path'
 * @param {string} [workspaceFolder] the folder open, for `${workspaceFolder}`
 * @param {{ trusted?: boolean }} [options]
 * @returns {{ command: string, args: string[] }}
 */
function toolCommand(setting, workspaceFolder, options = {}) {
  let text = typeof setting === 'string' ? setting.trim() : '';
  if (text === '') text = DEFAULT_TOOL;
  const split = splitWords(text);
  if (options.trusted === false) checkUntrusted(split);
  // Replaced after splitting, so that a folder with spaces stays one word.
  const words = split.map((w) => (workspaceFolder ? w.split('${workspaceFolder}').join(workspaceFolder) : w));
  if (words.length === 0) return { command: DEFAULT_TOOL, args: [] };
  if (words.length === 1 && words[0].toLowerCase().endsWith('.dll')) return { command: 'dotnet', args: [words[0]] };
  return { command: words[0], args: words.slice(1) };
}

/** Throws when a word of the setting would be found through the folder open rather than as written. */
function checkUntrusted(words) {
  for (const word of words) {
    if (word.includes('${workspaceFolder}')) {
      throw new Error(`alliance.path uses \${workspaceFolder}, which is refused in a folder you have not trusted: give a full path (or trust the folder).`);
    }
    const pathLike = /[\\/]/.test(word) || word.toLowerCase().endsWith('.dll');
    if (pathLike && !path.posix.isAbsolute(word) && !path.win32.isAbsolute(word)) {
      throw new Error(`alliance.path has the relative path '${word}', which is refused in a folder you have not trusted: give a full path (or trust the folder).`);
    }
  }
}

/**
 * The absolute path of a bare command name (no folder in it, such as `alliance` or `dotnet`) as found
 * on PATH, or undefined when it is not there; a command with a folder in it is returned as it is.
 * Only absolute PATH entries are searched, never the current folder (which Windows would search
 * first, and which is the folder open), and on Windows the extensions of PATHEXT are tried.
 * @param {string} command
 * @param {{ env?: NodeJS.ProcessEnv, platform?: string, isFile?: (p: string) => boolean }} [options]
 * @returns {string | undefined}
 */
function resolveOnPath(command, options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const isFile = options.isFile ?? defaultIsFile;
  const windows = platform === 'win32';
  const paths = windows ? path.win32 : path.posix;
  if (command === '' || /[\\/]/.test(command) || (windows && /^[a-zA-Z]:/.test(command))) return command;
  const pathVariable = windows ? (Object.entries(env).find(([k]) => k.toUpperCase() === 'PATH') ?? [])[1] : env.PATH;
  const extensions = windows
    ? ['', ...(((Object.entries(env).find(([k]) => k.toUpperCase() === 'PATHEXT') ?? [])[1]) || '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '')]
    : [''];
  // On Windows a name that already ends in one of PATHEXT's extensions is tried as it is first; one
  // without is tried with each (a file with no extension cannot be run there).
  const hasExtension = windows && extensions.slice(1).some((e) => command.toLowerCase().endsWith(e.toLowerCase()));
  const tried = windows && !hasExtension ? extensions.slice(1) : [''];
  for (const folder of (pathVariable || '').split(windows ? ';' : ':')) {
    const dir = folder.replace(/^"(.*)"$/, '$1');
    if (dir === '' || !paths.isAbsolute(dir) || (windows && !/^([a-zA-Z]:[\\/]|[\\/]{2})/.test(dir))) continue;
    for (const extension of tried) {
      const candidate = paths.join(dir, command + extension);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function defaultIsFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function withArgs(tool, args) {
  return { command: tool.command, args: [...tool.args, ...args] };
}

/** The language server: the tool followed by `lsp --stdio`. */
function serverCommand(setting, workspaceFolder, options) {
  return withArgs(toolCommand(setting, workspaceFolder, options), ['lsp', '--stdio']);
}

/** `alliance check ROOT`: the rules and histories of the folder, as the server checks them. */
function checkCommand(setting, root, options) {
  return withArgs(toolCommand(setting, root, options), ['check', root]);
}

/**
 * `alliance explain ROOT --event FILE:LINE`: what the event on that line of a history did.
 * FILE is given relative to ROOT when it lies inside it (the command runs in ROOT), as reports cite it.
 * @param {number} line 1-based
 */
function explainEventCommand(setting, root, file, line, options) {
  if (!Number.isInteger(line) || line < 1) throw new Error(`line must be a positive whole number, not ${line}`);
  return withArgs(toolCommand(setting, root, options), ['explain', root, '--event', `${displayPath(root, file)}:${line}`]);
}

/**
 * `alliance report ROOT --format markdown|html -o OUTPUT`.
 * @param {'markdown' | 'html'} format
 */
function reportCommand(setting, root, format, output, options) {
  if (format !== 'markdown' && format !== 'html') throw new Error(`format must be 'markdown' or 'html', not '${format}'`);
  return withArgs(toolCommand(setting, root, options), ['report', root, '--format', format, '-o', output]);
}

/** FILE relative to ROOT with forward slashes when it is inside ROOT, else FILE as it is. */
function displayPath(root, file) {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

/** What to tell someone whose `alliance` could not be started. */
function cannotStartMessage(command, error) {
  const notFound = error && (error.code === 'ENOENT' || /\bENOENT\b/.test(String(error.message)));
  const why = notFound ? `'${command}' was not found` : `'${command}' could not be started${error && error.message ? `: ${error.message}` : ''}`;
  return `AllianceRules: ${why}. Set 'alliance.path' to the alliance executable or to a command such as 'dotnet /path/to/alliance.dll' `
    + '(for a build of the repository, dotnet /path/to/AllianceRules/src/AllianceRules.Cli/bin/Debug/net10.0/alliance.dll).';
}

module.exports = {
  DEFAULT_TOOL,
  splitWords,
  toolCommand,
  resolveOnPath,
  serverCommand,
  checkCommand,
  explainEventCommand,
  reportCommand,
  displayPath,
  cannotStartMessage,
};
