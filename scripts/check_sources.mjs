#!/usr/bin/env node
// Checks three rules of the C++ sources in src/ that the compiler does not.
// Text: string literals hold no text that can be saved in the wrong encoding
// (the "Â·" a middle dot becomes when UTF-8 is read as Latin-1):
//   - no string or character literal holds a raw non-ASCII byte;
//   - no literal spells a UTF-8 character as \x escapes, except in
//     core/text_symbols.hpp (the named symbols) and the data table of
//     store/folding_tokenizer.cpp.
// Comments may hold any text, and so may tests' literals: words in other
// scripts are their data, read better as written, and never reach a screen.
// Layers (docs/decisions.md, "Layers"): each folder of src/ includes only the
// folders below it, and the libraries its layer may use.
// Size: no function is longer than 80 lines, data tables aside.
// Prints each problem as file:line and exits 1 if there is one.
//   node scripts/check_sources.mjs [ROOT]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? join(import.meta.dirname, '..');
// What each layer may include: project folders, and libraries by the start of their header's name.
const layers = {
  core: { folders: ['core'], libraries: ['cereal/'] },
  store: { folders: ['core', 'store'], libraries: ['sqlite3.h'] },
  crypto: { folders: ['core', 'crypto'], libraries: ['sodium.h', 'cereal/'] },
  platform: { folders: ['core', 'store', 'crypto', 'platform'], libraries: ['imgui', 'emscripten', 'GLES3/'] },
  ui: { folders: ['core', 'platform', 'ui'], libraries: ['imgui'] },
  app: { folders: ['core', 'store', 'crypto', 'platform', 'ui', 'app'], libraries: ['imgui', 'emscripten'] },
};
const cppStandardHeader = /^[a-z_0-9]+$|^(cassert|cstdint|cstddef|cstdio|cstdlib|cstring|ctime|cmath|climits|cerrno)$/;
// Headers of the C library and POSIX that the native twins use.
const systemHeaders = new Set(['fcntl.h', 'unistd.h', 'sys/stat.h', 'sys/types.h', 'errno.h', 'time.h']);

// The problems with the #include lines of `bytes`, a file of layer `layer`.
function* includeProblems(name, layer, bytes) {
  const rule = layers[layer];
  if (!rule) return;
  const lines = bytes.toString('utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const found = /^\s*#\s*include\s*([<"])([^>"]+)[>"]/.exec(lines[i]);
    if (!found) continue;
    const [, quote, header] = found;
    if (quote === '"') {
      const folder = header.split('/')[0];
      if (header.includes('/') && !rule.folders.includes(folder))
        yield `${name}:${i + 1}: ${layer}/ may not include "${header}" (${folder}/ is not below it)`;
    } else if (!cppStandardHeader.test(header) && !systemHeaders.has(header) &&
               !rule.libraries.some((library) => header.startsWith(library))) {
      yield `${name}:${i + 1}: ${layer}/ may not include <${header}>`;
    }
  }
}

// The longest a function may be, in lines; a function whose lines are mostly
// string literals is a data table (SQL, words) and may be longer.
const maxFunctionLines = 80;

// `text` with comments and the contents of literals blanked, lines kept.
function codeOnly(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === 'R' && text[i + 1] === '"' && !/[A-Za-z0-9_]/.test(text[i - 1] ?? ' ')) {
      const open = text.indexOf('(', i);
      const delim = text.slice(i + 2, open);
      const end = text.indexOf(`)${delim}"`, open);
      const stop = end < 0 ? text.length : end + delim.length + 2;
      out += '""' + text.slice(i + 2, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || (c === "'" && !/[0-9A-Fa-f]/.test(text[i - 1] ?? ' '))) {
      let k = i + 1;
      while (k < text.length && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      out += c + ' '.repeat(Math.max(0, k - i - 1)) + c;
      i = k + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

// The functions of `text` longer than maxFunctionLines: a function is a
// brace block opened after a closing parenthesis (a signature), not a
// namespace, type or initialiser.
function* longFunctions(name, text) {
  const lines = codeOnly(text).split('\n');
  let depth = 0;
  let start = -1;
  let startDepth = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    for (let k = 0; k < line.length; k++) {
      if (line[k] === '{') {
        if (start < 0) {
          const head = (lines.slice(Math.max(0, n - 3), n).join(' ') + ' ' + line.slice(0, k)).trim();
          const signature = /\)\s*(const)?\s*(noexcept)?\s*(override)?\s*(->[^{;]*)?(:[^{;]*)?$/.test(head);
          const namespaceOrType = /\b(namespace|class|struct|enum|union)\b[^;(){}]*$/.test(head);
          if (signature && !namespaceOrType && !/=\s*$/.test(head)) {
            start = n;
            startDepth = depth;
          }
        }
        depth++;
      } else if (line[k] === '}') {
        depth--;
        if (start >= 0 && depth === startDepth) {
          const body = lines.slice(start, n + 1);
          const literalLines = body.filter((l) => l.includes('"')).length;
          if (body.length > maxFunctionLines && literalLines * 5 < body.length * 3)
            yield `${name}:${start + 1}: a function of ${body.length} lines (at most ${maxFunctionLines}); split it`;
          start = -1;
        }
      }
    }
  }
}

const escapesAllowed = new Set(['src/core/text_symbols.hpp', 'src/store/folding_tokenizer.cpp']);

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(cpp|hpp|h|cc)$/.test(name)) yield path;
  }
}

// The string and character literals of C++ source `bytes`, each with the
// line it starts on and its bytes between the quotes.
function* literals(bytes) {
  let line = 1;
  let i = 0;
  const at = (k) => bytes[k];
  const count = (from, to) => {
    for (let k = from; k < to; k++) if (bytes[k] === 0x0a) line++;
  };
  while (i < bytes.length) {
    const c = at(i);
    if (c === 0x0a) { line++; i++; continue; }
    if (c === 0x2f && at(i + 1) === 0x2f) {  // line comment
      while (i < bytes.length && at(i) !== 0x0a) i++;
      continue;
    }
    if (c === 0x2f && at(i + 1) === 0x2a) {  // block comment
      const end = bytes.indexOf('*/', i + 2);
      const stop = end < 0 ? bytes.length : end + 2;
      count(i, stop);
      i = stop;
      continue;
    }
    if (c === 0x52 && at(i + 1) === 0x22 && !/[A-Za-z0-9_]/.test(String.fromCharCode(at(i - 1) ?? 32))) {
      // raw string R"delim( ... )delim"
      const open = bytes.indexOf('(', i + 2);
      const delim = bytes.subarray(i + 2, open).toString('latin1');
      const close = bytes.indexOf(`)${delim}"`, open + 1);
      const stop = close < 0 ? bytes.length : close + delim.length + 2;
      yield { line, body: bytes.subarray(open + 1, close < 0 ? bytes.length : close), raw: true };
      count(i, stop);
      i = stop;
      continue;
    }
    if (c === 0x22 || (c === 0x27 && !/[0-9A-Fa-f]/.test(String.fromCharCode(at(i - 1) ?? 32)))) {
      // "string" or 'c' (a ' after a hex digit is a digit separator: 1'000)
      const start = i + 1;
      let k = start;
      while (k < bytes.length && at(k) !== c && at(k) !== 0x0a) k += at(k) === 0x5c ? 2 : 1;
      yield { line, body: bytes.subarray(start, k), raw: false };
      i = k + 1;
      continue;
    }
    i++;
  }
}

const problems = [];
for (const path of sources(join(root, 'src'))) {
  const name = relative(root, path).split('\\').join('/');
  const bytes = readFileSync(path);
  problems.push(...includeProblems(name, name.split('/')[1], bytes));
  problems.push(...longFunctions(name, bytes.toString('utf8')));
  for (const literal of literals(bytes)) {
    if (literal.body.some((b) => b >= 0x80)) {
      problems.push(`${name}:${literal.line}: a raw non-ASCII byte in a literal; use core/text_symbols.hpp`);
    } else if (!literal.raw && !escapesAllowed.has(name) &&
               /\\x[cdefCDEF][0-9a-fA-F]\\x[89abAB][0-9a-fA-F]/.test(literal.body.toString('latin1'))) {
      problems.push(`${name}:${literal.line}: a UTF-8 character spelt as escapes; name it in core/text_symbols.hpp`);
    }
  }
}
for (const problem of problems) console.log(problem);
console.log(problems.length === 0 ? 'sources: literals are ASCII, layers hold, functions are short' : `sources: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
