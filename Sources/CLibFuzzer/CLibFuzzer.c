#include "CLibFuzzer.h"

// libFuzzer reads every byte of this section as a coverage counter and clears them before each input: it finds the
// section through the __start_/__stop_ symbols the linker defines for it (Linux and other ELF systems).
__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t counters[1 << 13];

void accord_fuzz_count(uint64_t hash) {
    uint8_t *counter = &counters[hash % sizeof counters];
    if (*counter < UINT8_MAX) {
        *counter += 1;
    }
}
