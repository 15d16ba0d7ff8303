#include "dpi_model.h"

#ifndef GCD_STEPS_LIMIT
#error "GCD_STEPS_LIMIT must be defined (the flow's SimLibDPI task sets it)"
#endif

int dpi_gcd(int a, int b) {
    int steps = 0;
    while (b != 0) {
        int t = a % b;
        a = b;
        b = t;
        if (++steps > GCD_STEPS_LIMIT) return -1;
    }
    return a;
}

int dpi_popcount(const svBitVecVal* word) {
    unsigned v = (unsigned)word[0];
    int n = 0;
    for (; v != 0; v &= v - 1) n++;
    return n;
}
