// The only place where Parallax calls ICU. See include/CICU.h for the contract.
#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

static int32_t px_status(UErrorCode code) { return U_FAILURE(code) ? (int32_t)code : 0; }

const char *pxicu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}

const char *pxicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

// MARK: - Charsets

int32_t pxicu_detect_charsets(const char *bytes, int32_t length, char *names, int32_t nameStride,
                              int32_t *confidences, int32_t capacity, int32_t *count) {
    UErrorCode code = U_ZERO_ERROR;
    *count = 0;
    UCharsetDetector *detector = ucsdet_open(&code);
    if (U_FAILURE(code)) return px_status(code);
    ucsdet_setText(detector, bytes, length, &code);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &code);
    if (U_SUCCESS(code) && matches != NULL) {
        for (int32_t i = 0; i < found && *count < capacity; i++) {
            UErrorCode step = U_ZERO_ERROR;
            const char *name = ucsdet_getName(matches[i], &step);
            int32_t confidence = ucsdet_getConfidence(matches[i], &step);
            if (U_FAILURE(step) || name == NULL || (int32_t)strlen(name) >= nameStride) continue;
            memcpy(names + (size_t)*count * (size_t)nameStride, name, strlen(name) + 1);
            confidences[*count] = confidence;
            *count += 1;
        }
    }
    if (U_SUCCESS(code) && *count == 0) code = U_INVALID_CHAR_FOUND;
    ucsdet_close(detector);
    return px_status(code);
}

int32_t pxicu_decode(const char *charset, const char *source, int32_t sourceLength,
                     uint16_t *destination, int32_t destinationCapacity,
                     int32_t *destinationLength, int32_t *errorOffset) {
    UErrorCode code = U_ZERO_ERROR;
    *destinationLength = 0;
    *errorOffset = -1;
    UConverter *converter = ucnv_open(charset, &code);
    if (U_FAILURE(code)) return px_status(code);
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
    if (U_FAILURE(code)) {
        ucnv_close(converter);
        return px_status(code);
    }
    // Convert in chunks through a local buffer so the needed length is known even when the
    // destination is too small; the caller then retries with the exact size.
    const char *cursor = source;
    const char *limit = source + sourceLength;
    int32_t total = 0;
    UChar chunk[4096];
    for (;;) {
        UChar *target = chunk;
        UErrorCode step = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, chunk + 4096, &cursor, limit, NULL, true, &step);
        int32_t produced = (int32_t)(target - chunk);
        if (destination != NULL && total + produced <= destinationCapacity) {
            memcpy(destination + total, chunk, (size_t)produced * sizeof(UChar));
        }
        total += produced;
        if (step == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(step)) {
            char invalid[32];
            int8_t invalidLength = sizeof(invalid);
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
            *errorOffset = (int32_t)(cursor - source) - (U_SUCCESS(ignored) ? invalidLength : 0);
            code = step;
        }
        break;
    }
    ucnv_close(converter);
    *destinationLength = total;
    if (U_FAILURE(code)) return px_status(code);
    if (total > destinationCapacity) return PXICU_BUFFER_OVERFLOW;
    return 0;
}

// MARK: - Normalization

int32_t pxicu_nfkc_casefold(const uint16_t *source, int32_t sourceLength, uint16_t *destination,
                            int32_t destinationCapacity, int32_t *destinationLength) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&code);
    if (U_FAILURE(code)) return px_status(code);
    *destinationLength = unorm2_normalize(normalizer, (const UChar *)source, sourceLength,
                                          (UChar *)destination, destinationCapacity, &code);
    return px_status(code);
}

// MARK: - Transliterators

struct pxicu_transliterator {
    UTransliterator *handle;
};

pxicu_transliterator *pxicu_transliterator_open(const char *identifier, const uint16_t *rules,
                                                int32_t rulesLength, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UChar id[256];
    int32_t idLength = 0;
    for (; identifier[idLength] != 0 && idLength < 255; idLength++) id[idLength] = (UChar)(unsigned char)identifier[idLength];
    UParseError parseError;
    UTransliterator *handle = utrans_openU(id, idLength, UTRANS_FORWARD, (const UChar *)rules,
                                           rules == NULL ? 0 : rulesLength, &parseError, &code);
    *status = px_status(code);
    if (handle == NULL || U_FAILURE(code)) {
        if (handle != NULL) utrans_close(handle);
        if (*status == 0) *status = PXICU_ILLEGAL_ARGUMENT;
        return NULL;
    }
    pxicu_transliterator *result = (pxicu_transliterator *)malloc(sizeof(pxicu_transliterator));
    if (result == NULL) {
        utrans_close(handle);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    return result;
}

void pxicu_transliterator_close(pxicu_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->handle);
    free(transliterator);
}

int32_t pxicu_transliterate(const pxicu_transliterator *transliterator, const uint16_t *source,
                            int32_t sourceLength, uint16_t *destination,
                            int32_t destinationCapacity, int32_t *destinationLength) {
    *destinationLength = sourceLength;
    if (destination == NULL || sourceLength > destinationCapacity) {
        // At least the source's length is needed to start; ask for more headroom.
        *destinationLength = sourceLength + sourceLength / 2 + 16;
        return PXICU_BUFFER_OVERFLOW;
    }
    memcpy(destination, source, (size_t)sourceLength * sizeof(UChar));
    UErrorCode code = U_ZERO_ERROR;
    int32_t textLength = sourceLength;
    int32_t limit = sourceLength;
    utrans_transUChars(transliterator->handle, (UChar *)destination, &textLength,
                       destinationCapacity, 0, &limit, &code);
    if (code == U_BUFFER_OVERFLOW_ERROR) {
        *destinationLength = textLength > destinationCapacity ? textLength : destinationCapacity * 2;
        return PXICU_BUFFER_OVERFLOW;
    }
    *destinationLength = textLength;
    return px_status(code);
}

// MARK: - Break iteration

struct pxicu_breaker {
    UBreakIterator *handle;
};

static pxicu_breaker *px_wrap_breaker(UBreakIterator *handle, UErrorCode code, int32_t *status) {
    *status = px_status(code);
    if (handle == NULL || U_FAILURE(code)) {
        if (handle != NULL) ubrk_close(handle);
        if (*status == 0) *status = PXICU_ILLEGAL_ARGUMENT;
        return NULL;
    }
    pxicu_breaker *result = (pxicu_breaker *)malloc(sizeof(pxicu_breaker));
    if (result == NULL) {
        ubrk_close(handle);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    return result;
}

pxicu_breaker *pxicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIteratorType type = kind == PXICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *handle = ubrk_open(type, locale, NULL, 0, &code);
    return px_wrap_breaker(handle, code, status);
}

pxicu_breaker *pxicu_breaker_clone(const pxicu_breaker *breaker, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *handle = ubrk_clone(breaker->handle, &code);
    return px_wrap_breaker(handle, code, status);
}

void pxicu_breaker_close(pxicu_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->handle);
    free(breaker);
}

int32_t pxicu_breaker_set_text(pxicu_breaker *breaker, const uint16_t *text, int32_t length) {
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText(breaker->handle, (const UChar *)text, length, &code);
    if (U_SUCCESS(code)) ubrk_first(breaker->handle);
    return px_status(code);
}

int32_t pxicu_breaker_next(pxicu_breaker *breaker, int32_t *boundaries, int32_t *statuses,
                           int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(breaker->handle);
        if (boundary == UBRK_DONE) break;
        boundaries[count] = boundary;
        statuses[count] = ubrk_getRuleStatus(breaker->handle);
        count++;
    }
    return count;
}

// MARK: - Spelled-out numbers

struct pxicu_spellout {
    UNumberFormat *handle;
};

pxicu_spellout *pxicu_spellout_open(const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UNumberFormat *handle = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &code);
    *status = px_status(code);
    if (handle == NULL || U_FAILURE(code)) {
        if (handle != NULL) unum_close(handle);
        if (*status == 0) *status = PXICU_ILLEGAL_ARGUMENT;
        return NULL;
    }
    pxicu_spellout *result = (pxicu_spellout *)malloc(sizeof(pxicu_spellout));
    if (result == NULL) {
        unum_close(handle);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    return result;
}

void pxicu_spellout_close(pxicu_spellout *spellout) {
    if (spellout == NULL) return;
    unum_close(spellout->handle);
    free(spellout);
}

int32_t pxicu_spellout_parse(const pxicu_spellout *spellout, const uint16_t *text, int32_t length,
                             double *value, int32_t *parsedLength) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t position = 0;
    *value = unum_parseDouble(spellout->handle, (const UChar *)text, length, &position, &code);
    *parsedLength = position;
    return px_status(code);
}
