#pragma once
// The "tandem_fold" FTS5 tokenizer: SQLite's unicode61 tokenizer with
// remove_diacritics 2 (folds case and accents: "élève" -> "eleve"), followed
// by the letters Unicode does not decompose but readers treat as plain ones:
// ł -> l, ß -> ss, æ -> ae, ø -> o, œ -> oe, đ/ð -> d, þ -> th, ħ -> h, ı -> i.
// Offsets still point into the original text, so snippets highlight it.

struct sqlite3;

namespace tandem::store {

// Registers the tokenizer on one connection. Returns a SQLite result code.
int register_folding_tokenizer(sqlite3* db);

}  // namespace tandem::store
