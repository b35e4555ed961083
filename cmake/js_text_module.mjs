// Writes a script that sets Module[NAME] to the text of FILE, for --pre-js:
//   node js_text_module.mjs FILE NAME OUTPUT
import { readFileSync, writeFileSync } from "node:fs";
const [file, name, output] = process.argv.slice(2);
writeFileSync(output, `Module[${JSON.stringify(name)}] = ${JSON.stringify(readFileSync(file, "utf8"))};\n`);
