#ifndef LEADTOP_MALLOC_TUNING_H
#define LEADTOP_MALLOC_TUNING_H

/// Whether the process start limited glibc malloc to one arena (see malloc_tuning.c).
int leadtop_malloc_arenas_limited(void);

#endif
