#pragma once
// The "tandem_rank" FTS5 ranking function: BM25's term-frequency and length
// weighting (k1 = 1.2, b = 0.75) without its inverse document frequency.
// Lower is better, as with bm25(), so it can serve as FTS5's rank. bm25()
// finds each term's document frequency by reading the term's whole list of
// matches on every query, which for a common word in a large school costs
// more than ranking the rows asked for; and every row Tandem ranks contains
// every word typed, so that weight matters little.

struct sqlite3;

namespace tandem::store {

// Registers tandem_rank(<fts5 table>) on one connection. Returns a SQLite
// result code.
int register_search_rank(sqlite3* db);

}  // namespace tandem::store
