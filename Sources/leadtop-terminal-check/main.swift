#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Everything runs in TerminalCheck (not here) so no closure is inferred to be main-actor isolated.
exit(TerminalCheck.main())
