#include "malloc_tuning.h"
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

static int limited = 0;

/// glibc gives each thread that contends for malloc an arena of its own, and each arena keeps
/// the memory freed into it. The dashboard's threads (UI, sync engine, HTTP event loops, the
/// concurrency pool) allocate little and rarely at once, so one arena is enough and saves about
/// 5 MB of resident memory. It must be set before the first thread starts, hence a constructor
/// (glibc passes it argc and argv). `leadtop sim`, which serves many requests at once on several
/// threads, keeps glibc's default.
__attribute__((constructor))
static void leadtop_limit_malloc_arenas(int argc, char **argv, char **envp) {
    (void)envp;
#if defined(__GLIBC__)
    if (argc > 1 && argv != NULL && argv[1] != NULL && strcmp(argv[1], "sim") == 0) return;
    limited = mallopt(M_ARENA_MAX, 1) == 1;
#else
    (void)argc; (void)argv;
#endif
}

int leadtop_malloc_arenas_limited(void) { return limited; }
