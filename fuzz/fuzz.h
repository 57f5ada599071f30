/*
 * libveilig fuzz targets: the libFuzzer entry point, declared for the
 * targets (-Wmissing-prototypes) and for the replay driver of the
 * regression test (tests/fuzz/replay.c).
 */
#ifndef VG_FUZZ_H
#define VG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
