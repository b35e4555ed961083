#include "store/folding_tokenizer.hpp"

#include <sqlite3.h>

#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "store/fts5_api_lookup.hpp"

namespace tandem::store {

namespace {

// The replacement for the two-or-three-byte UTF-8 sequence at text, if any.
std::string_view fold_letter(std::string_view text, std::size_t& length) {
    struct Fold {
        std::string_view from, to;
    };
    static constexpr Fold folds[] = {
        {"\xC5\x82", "l"},  {"\xC3\x9F", "ss"}, {"\xC3\xA6", "ae"},     {"\xC3\xB8", "o"},  {"\xC5\x93", "oe"},
        {"\xC4\x91", "d"},  {"\xC3\xB0", "d"},  {"\xC3\xBE", "th"},     {"\xC4\xA7", "h"},  {"\xC4\xB1", "i"},
        {"\xC5\x80", "l"},  {"\xC5\xA7", "t"},  {"\xE1\xBA\x9E", "ss"},
    };
    for (const Fold& fold : folds) {
        if (text.substr(0, fold.from.size()) == fold.from) {
            length = fold.from.size();
            return fold.to;
        }
    }
    length = 0;
    return {};
}

struct FoldingTokenizer {
    fts5_tokenizer base_api{};
    Fts5Tokenizer* base = nullptr;
};

struct TokenizeContext {
    void* caller_context;
    int (*caller_token)(void*, int, const char*, int, int, int);
    std::string buffer;
};

int forward_folded(void* raw, int flags, const char* token, int size, int start, int end) {
    auto* context = static_cast<TokenizeContext*>(raw);
    const std::string_view text(token, static_cast<std::size_t>(size));
    bool ascii = true;
    for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return context->caller_token(context->caller_context, flags, token, size, start, end);

    std::string& folded = context->buffer;
    try {
        folded.clear();
        for (std::size_t i = 0; i < text.size();) {
            std::size_t length = 0;
            const std::string_view replacement = fold_letter(text.substr(i), length);
            if (length > 0) {
                folded += replacement;
                i += length;
            } else {
                folded += text[i++];
            }
        }
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;  // never let an exception cross SQLite's C frames
    }
    return context->caller_token(context->caller_context, flags, folded.data(), static_cast<int>(folded.size()),
                                 start, end);
}

int create(void* api_pointer, const char** /*arguments*/, int /*count*/, Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(api_pointer);
    auto* tokenizer = new (std::nothrow) FoldingTokenizer;
    if (tokenizer == nullptr) return SQLITE_NOMEM;
    void* base_context = nullptr;
    int rc = api->xFindTokenizer(api, "unicode61", &base_context, &tokenizer->base_api);
    if (rc == SQLITE_OK) {
        const char* base_arguments[] = {"remove_diacritics", "2"};
        rc = tokenizer->base_api.xCreate(base_context, base_arguments, 2, &tokenizer->base);
    }
    if (rc != SQLITE_OK) {
        delete tokenizer;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer* raw) {
    auto* tokenizer = reinterpret_cast<FoldingTokenizer*>(raw);
    if (tokenizer == nullptr) return;
    if (tokenizer->base != nullptr) tokenizer->base_api.xDelete(tokenizer->base);
    delete tokenizer;
}

int tokenize(Fts5Tokenizer* raw, void* caller_context, int flags, const char* text, int size,
             int (*caller_token)(void*, int, const char*, int, int, int)) {
    auto* tokenizer = reinterpret_cast<FoldingTokenizer*>(raw);
    TokenizeContext context{caller_context, caller_token, {}};
    return tokenizer->base_api.xTokenize(tokenizer->base, &context, flags, text, size, forward_folded);
}

}  // namespace

int register_folding_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_api_of(db);
    if (api == nullptr) return SQLITE_ERROR;
    fts5_tokenizer methods{create, destroy, tokenize};
    return api->xCreateTokenizer(api, "tandem_fold", api, &methods, nullptr);
}

}  // namespace tandem::store
