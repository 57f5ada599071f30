/*
 * libveilig's private utility layer: looking at eight bytes at once in a
 * 64-bit word ("SIMD within a register"), for the loops that go over text
 * byte by byte (vg_fold): a word whose bytes need nothing done is passed
 * over whole. Load a word with memcpy (any alignment); a test says whether
 * any byte of the word is such, never which.
 */
#ifndef VG_UTIL_SWAR_H
#define VG_UTIL_SWAR_H

#include <stdint.h>

/* The byte c in each of the eight bytes of a word. */
#define VG_BYTES(c) (UINT64_C(0x0101010101010101) * (uint64_t)(c))

/* Nonzero when a byte of x is not ASCII (0x80 or above). */
#define VG_HAS_HIGH(x) ((x)&VG_BYTES(0x80))

#endif
