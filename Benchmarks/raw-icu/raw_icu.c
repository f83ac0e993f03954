// raw_icu: the floor for Parallax's read + clean + segment + normalize benchmark.
//
// Calls the ICU functions that Parallax's pipeline rests on, once each over a whole file, with
// nothing of Parallax's own around them:
//   1. decode:    ucnv_toUChars from UTF-8 to UTF-16
//   2. normalize: unorm2_normalize with NFKC_Casefold over the whole buffer
//   3. sentences: ubrk_open(UBRK_SENTENCE, "en"), ubrk_next to the end
//   4. words:     ubrk_open(UBRK_WORD, "en"), ubrk_next and ubrk_getRuleStatus to the end
// The file is read into memory before the clock starts (disk is not measured); opening the
// converter and the break iterators is inside the clock, as it is for Parallax. One untimed
// warm-up over the first 64 KB loads ICU's data first, as the Parallax benchmark does.
//
// Usage: raw_icu FILE [REPEATS]
// Prints one line per repeat:
//   "raw_icu seconds DECODE NORMALIZE SENTENCES WORDS TOTAL cpu CPU_SECONDS bytes N …".
// Built by Benchmarks/run: cc -O2 raw_icu.c -o raw_icu -licuuc -licui18n
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static double clock_seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double now(void) { return clock_seconds(CLOCK_MONOTONIC); }

static void check(UErrorCode code, const char *what) {
    if (U_FAILURE(code)) {
        fprintf(stderr, "raw_icu: %s failed: %s\n", what, u_errorName(code));
        exit(2);
    }
}

static char *read_file(const char *path, long *length) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    *length = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc((size_t)*length + 1);
    if (bytes == NULL || fread(bytes, 1, (size_t)*length, f) != (size_t)*length) { perror(path); exit(2); }
    fclose(f);
    return bytes;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: raw_icu FILE [REPEATS]\n");
        return 2;
    }
    long length = 0;
    char *bytes = read_file(argv[1], &length);
    int repeats = argc > 2 ? atoi(argv[2]) : 1;
    if (length > INT32_MAX / 2) { fprintf(stderr, "raw_icu: file too large\n"); return 2; }

    long warmup = length < 65536 ? length : 65536;
    while (warmup < length && bytes[warmup - 1] != '\n') warmup++;
    for (int r = -1; r < repeats; r++) {
        long length_r = r < 0 ? warmup : length;
        UErrorCode code = U_ZERO_ERROR;
        double t0 = now();
        double cpu0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);

        // 1. Decode UTF-8 to UTF-16.
        UConverter *converter = ucnv_open("UTF-8", &code);
        check(code, "ucnv_open");
        int32_t capacity = (int32_t)length_r + 1;
        UChar *text = malloc(sizeof(UChar) * (size_t)capacity);
        int32_t textLength = ucnv_toUChars(converter, text, capacity, bytes, (int32_t)length_r, &code);
        check(code, "ucnv_toUChars");
        ucnv_close(converter);
        double t1 = now();

        // 2. NFKC_Casefold over the whole buffer (separate destination).
        const UNormalizer2 *nfkc = unorm2_getNFKCCasefoldInstance(&code);
        check(code, "unorm2_getNFKCCasefoldInstance");
        int32_t foldCapacity = textLength + textLength / 8 + 16;
        UChar *folded = malloc(sizeof(UChar) * (size_t)foldCapacity);
        int32_t foldedLength = unorm2_normalize(nfkc, text, textLength, folded, foldCapacity, &code);
        if (code == U_BUFFER_OVERFLOW_ERROR) {
            code = U_ZERO_ERROR;
            foldCapacity = foldedLength;
            folded = realloc(folded, sizeof(UChar) * (size_t)foldCapacity);
            foldedLength = unorm2_normalize(nfkc, text, textLength, folded, foldCapacity, &code);
        }
        check(code, "unorm2_normalize");
        double t2 = now();

        // 3. Sentence boundaries.
        UBreakIterator *sentences = ubrk_open(UBRK_SENTENCE, "en", text, textLength, &code);
        check(code, "ubrk_open(sentence)");
        long sentenceCount = 0;
        for (int32_t b = ubrk_first(sentences); (b = ubrk_next(sentences)) != UBRK_DONE;) sentenceCount++;
        ubrk_close(sentences);
        double t3 = now();

        // 4. Word boundaries with their rule status.
        UBreakIterator *words = ubrk_open(UBRK_WORD, "en", text, textLength, &code);
        check(code, "ubrk_open(word)");
        long wordCount = 0;
        long statusSum = 0;
        for (int32_t b = ubrk_first(words); (b = ubrk_next(words)) != UBRK_DONE;) {
            int32_t status = ubrk_getRuleStatus(words);
            statusSum += status;
            if (status >= UBRK_WORD_NONE_LIMIT) wordCount++;
        }
        ubrk_close(words);
        double t4 = now();
        double cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;

        if (r >= 0)
            printf("raw_icu seconds %.6f %.6f %.6f %.6f %.6f cpu %.6f bytes %ld words %ld sentences %ld folded %d status %ld\n",
               t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0, cpu, length, wordCount, sentenceCount, foldedLength, statusSum);
        free(folded);
        free(text);
    }
    free(bytes);
    return 0;
}
