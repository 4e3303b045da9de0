import CMallocTuning

/// The malloc setting made at process start (one arena for the dashboard, see
/// `CMallocTuning/malloc_tuning.c`), recorded in the trace so a measurement can tell it was on.
enum MemoryTuning {
    static var arenasLimited: Bool { leadtop_malloc_arenas_limited() != 0 }
}
