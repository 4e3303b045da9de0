#ifndef LEADTOP_BUILD_STAMP_H
#define LEADTOP_BUILD_STAMP_H

/// The version scripts/install stamped into the installed binary (`git describe`), or NULL.
const char *leadtop_build_version(void);

/// The compiler of a stamped binary (`swift --version`'s first line), or NULL.
const char *leadtop_build_swift_version(void);

#endif
