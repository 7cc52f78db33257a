#ifndef ACCORD_CLIBFUZZER_H
#define ACCORD_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, called from a program that has its own main (LLVM 11 and later): it parses libFuzzer's
/// options from argv and runs `callback` on each input. It is defined by the runtime that `-sanitize=fuzzer`
/// links in, so only the accord-fuzz executable, which links with that flag, may call it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Counts one occurrence of the feature `hash` for the input being run, in libFuzzer's extra counters.
///
/// libFuzzer keeps an input that reaches a feature (or a count of it) no earlier input reached, as it keeps one
/// that reaches new code; the fuzz targets report what a parser made of the input — which decoders accepted it,
/// the field a refusal names — so that inputs which get further are kept even where the parser's own code is
/// not instrumented (the plain debug build instruments only accord-fuzz).
void accord_fuzz_count(uint64_t hash);

#endif
