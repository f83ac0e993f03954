/*
 * CICU: Parallax's own small C API over the system's ICU.
 *
 * Only the .c files of this target include ICU's unicode headers. Swift sees plain integer and pointer
 * types and opaque handles, never an ICU type, so it can import this module beside Foundation
 * (whose bundled ICU declares the same C enums). Every call works on a whole buffer.
 *
 * Status codes: 0 is success; a positive value is ICU's UErrorCode (ICU's warnings, which are
 * negative, are reported as 0). PXICU_BUFFER_OVERFLOW means "call again with a larger buffer";
 * the needed size is reported through the length out-parameter.
 */
#ifndef CICU_H
#define CICU_H

#include <stdbool.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

#define PXICU_BUFFER_OVERFLOW 15
#define PXICU_ILLEGAL_ARGUMENT 1

/// The version of the ICU library in use, e.g. "72.1".
const char *pxicu_version(void);

/// A readable name for a status code (ICU's u_errorName).
const char *pxicu_error_name(int32_t status);

// MARK: - Charsets

/// Guesses the charset of `bytes` with ICU's charset detector (ucsdet_detectAll): up to
/// `capacity` candidates, best first. Candidate i's NUL-terminated name goes to
/// `names + i * nameStride` (a longer name is left out) and its confidence (0-100) to
/// `confidences[i]`; `count` is set to the number written.
int32_t pxicu_detect_charsets(const char *bytes, int32_t length, char *names, int32_t nameStride,
                              int32_t *confidences, int32_t capacity, int32_t *count);

/// Decodes `source` from `charset` to UTF-16 with ICU's converter (ucnv_toUnicode), stopping at
/// the first illegal or unmappable byte sequence: then returns its ICU error and sets
/// `errorOffset` to the byte offset of that sequence. A BOM of a Unicode charset is consumed.
int32_t pxicu_decode(const char *charset, const char *source, int32_t sourceLength,
                     uint16_t *_Nullable destination, int32_t destinationCapacity,
                     int32_t *destinationLength, int32_t *errorOffset);

// MARK: - Normalization

/// Applies NFKC_Casefold to a whole UTF-16 buffer (unorm2_getNFKCCasefoldInstance,
/// unorm2_normalize). `source` and `destination` must not overlap.
int32_t pxicu_nfkc_casefold(const uint16_t *source, int32_t sourceLength,
                            uint16_t *_Nullable destination, int32_t destinationCapacity,
                            int32_t *destinationLength);

// MARK: - Transliterators

typedef struct pxicu_transliterator pxicu_transliterator;

/// Opens a transliterator (utrans_openU): from a system ID such as "Any-Latin; Latin-ASCII" when
/// `rules` is NULL, or from the given rules, with `identifier` naming them.
pxicu_transliterator *_Nullable pxicu_transliterator_open(const char *identifier,
                                                          const uint16_t *_Nullable rules,
                                                          int32_t rulesLength, int32_t *status);

void pxicu_transliterator_close(pxicu_transliterator *_Nullable transliterator);

/// Transliterates `source` into `destination` (utrans_transUChars). On PXICU_BUFFER_OVERFLOW,
/// `destinationLength` is at least the capacity needed; the source is left untouched.
int32_t pxicu_transliterate(const pxicu_transliterator *transliterator, const uint16_t *source,
                            int32_t sourceLength, uint16_t *_Nullable destination,
                            int32_t destinationCapacity, int32_t *destinationLength);

// MARK: - Break iteration

typedef struct pxicu_breaker pxicu_breaker;

#define PXICU_BREAK_WORD 0
#define PXICU_BREAK_SENTENCE 1

/// Opens a break iterator (ubrk_open) of the given kind for a locale such as "en@ss=standard".
pxicu_breaker *_Nullable pxicu_breaker_open(int32_t kind, const char *locale, int32_t *status);

/// A copy of a break iterator that can be used on another thread (ubrk_clone).
pxicu_breaker *_Nullable pxicu_breaker_clone(const pxicu_breaker *breaker, int32_t *status);

void pxicu_breaker_close(pxicu_breaker *_Nullable breaker);

/// Points the iterator at `text` (ubrk_setText). The buffer must stay alive and unchanged while
/// boundaries are read from it.
int32_t pxicu_breaker_set_text(pxicu_breaker *breaker, const uint16_t *text, int32_t length);

/// Reads up to `capacity` next boundaries (ubrk_next) into `boundaries`, each with its rule status
/// (ubrk_getRuleStatus) in `statuses`. Returns the number written; 0 when the text is done.
int32_t pxicu_breaker_next(pxicu_breaker *breaker, int32_t *boundaries, int32_t *statuses,
                           int32_t capacity);

// MARK: - Spelled-out numbers

typedef struct pxicu_spellout pxicu_spellout;

/// Opens a rule-based number format with the spell-out rules of `locale`, such as "en"
/// (unum_open with UNUM_SPELLOUT). Its parse reads cardinals ("twenty-one") and, through the
/// locale's public ordinal rule set, ordinals ("twenty-first") alike. Not thread-safe.
pxicu_spellout *_Nullable pxicu_spellout_open(const char *locale, int32_t *status);

void pxicu_spellout_close(pxicu_spellout *_Nullable spellout);

/// Parses the spelled-out number at the start of `text` (unum_parseDouble, strict: lowercase
/// words, tens and units joined by a hyphen). `value` receives the number and `parsedLength` the
/// UTF-16 units read; a text that does not start with a number fails with ICU's U_PARSE_ERROR.
int32_t pxicu_spellout_parse(const pxicu_spellout *spellout, const uint16_t *text, int32_t length,
                             double *value, int32_t *parsedLength);

#pragma clang assume_nonnull end

#endif
