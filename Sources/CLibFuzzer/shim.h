// libFuzzer's driver, defined by the fuzzer runtime that -sanitize=fuzzer links in: runs the
// fuzzing loop, reading libFuzzer's options from the command line, with the given function
// called once per input.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
