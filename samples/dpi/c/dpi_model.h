/* The C model the testbench calls through DPI-C. */
#ifndef DPI_MODEL_H
#define DPI_MODEL_H

#include "svdpi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Greatest common divisor by Euclid's algorithm; -1 when it takes more than GCD_STEPS_LIMIT steps. */
int dpi_gcd(int a, int b);

/* Number of set bits of a 32-bit word. */
int dpi_popcount(const svBitVecVal* word);

#ifdef __cplusplus
}
#endif

#endif
