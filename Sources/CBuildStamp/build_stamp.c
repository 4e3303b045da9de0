#include "build_stamp.h"
#include <stddef.h>

const char *leadtop_build_version(void) {
#ifdef LEADTOP_VERSION
    return LEADTOP_VERSION;
#else
    return NULL;
#endif
}

const char *leadtop_build_swift_version(void) {
#ifdef LEADTOP_SWIFT_VERSION
    return LEADTOP_SWIFT_VERSION;
#else
    return NULL;
#endif
}
