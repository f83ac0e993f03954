// The `main` of each fuzz target (SwiftPM links executable X with `--defsym main=X_main`): runs
// libFuzzer over the target's LLVMFuzzerTestOneInput, which its Swift module exports with
// @_cdecl. Each executable links exactly one of these functions.
#include "FuzzDriver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAIN(name) \
    int name##_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

FUZZ_MAIN(FuzzRead)
FUZZ_MAIN(FuzzDocument)
FUZZ_MAIN(FuzzCompare)
FUZZ_MAIN(FuzzConfig)
FUZZ_MAIN(FuzzBaseline)
FUZZ_MAIN(FuzzRender)
