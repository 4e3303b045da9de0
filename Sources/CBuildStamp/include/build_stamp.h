#ifndef LEADTOP_BUILD_STAMP_H
#define LEADTOP_BUILD_STAMP_H

/// The version a release build was stamped with (`scripts/install` passes
/// -Xcc -DLEADTOP_VERSION="…" from `git describe`), or NULL for an unstamped build.
const char *leadtop_build_version(void);

/// The compiler that made a stamped build (`swift --version`'s first line), or NULL.
const char *leadtop_build_swift_version(void);

#endif
