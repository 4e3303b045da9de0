#include "build_stamp.h"
#include <stddef.h>

// Slots that scripts/install overwrites in the installed binary (same length, NUL-padded), so
// stamping a version costs no rebuild: a -D flag would recompile every C target of the package.
// An unstamped slot still starts with '@'; `volatile` keeps the compiler from folding it away.
__attribute__((used)) static volatile const char version_slot[64] = "@(#)leadtop-version-slot";
__attribute__((used)) static volatile const char swift_slot[64] = "@(#)leadtop-swift-slot";

static const char *stamped(volatile const char *slot) {
    return slot[0] == '@' ? NULL : (const char *)slot;
}

const char *leadtop_build_version(void) { return stamped(version_slot); }

const char *leadtop_build_swift_version(void) { return stamped(swift_slot); }
