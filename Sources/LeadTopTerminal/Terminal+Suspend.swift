import LeadTopCore
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Ctrl-Z, on the UI thread: gives the shell its screen and modes back, stops the process as
    /// the default SIGTSTP action would, and after `fg` takes the terminal at its size of then.
    /// Returns the resize event that makes the application lay the next frame out for that size
    /// (sent even when the size is unchanged: the shell has drawn over the screen).
    func suspend() -> TerminalEvent {
        if synchronizedOutput { Self.writeRaw(SynchronizedOutput.end) }
        endwin()
        Self.stopProcess()
        // The shell may have changed the terminal's modes while this process was stopped; they
        // are what the next restore hands back. The next `doupdate` re-enters program mode.
        def_shell_mode()
        return syncSize(force: true) ?? .resize(width: size.width, height: size.height)
    }

    /// After any SIGCONT, also one this process did not ask for (`kill -STOP` from elsewhere, then
    /// `fg`): the shell has put its own terminal modes back and may have drawn over the screen,
    /// and the size may have changed. Program mode (no echo, a key at a time) is set again at
    /// once, and the resize event makes the next frame a full one at the size of now.
    func resumeAfterStop() -> TerminalEvent {
        reset_prog_mode()
        return syncSize(force: true) ?? .resize(width: size.width, height: size.height)
    }

    /// Stops the process with SIGTSTP at its default action and returns once it is continued.
    /// The signal is raised on this thread with the action and mask it needs, then both are put
    /// back, so Dispatch keeps receiving the next Ctrl-Z. In an orphaned process group the kernel
    /// discards the stop and this returns at once.
    private static func stopProcess() {
        var stopSignal = sigset_t()
        sigemptyset(&stopSignal)
        sigaddset(&stopSignal, SIGTSTP)
        var savedMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &stopSignal, &savedMask)
        var defaultAction = sigaction()
        defaultAction.plainHandler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        var savedAction = sigaction()
        sigaction(SIGTSTP, &defaultAction, &savedAction)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &savedAction, nil)
        pthread_sigmask(SIG_SETMASK, &savedMask, nil)
    }
}

extension Terminal {
    /// Before another program takes the terminal (`E`'s editor): the shell's modes and the normal
    /// screen back, the mouse given back.
    func leaveForProgram() {
        if synchronizedOutput { Self.writeRaw(SynchronizedOutput.end) }
        setMouseCapture(false)
        endwin()
    }

    /// After it exits: program mode again and every cell drawn afresh at the size of now.
    func returnFromProgram(mouse: Bool) {
        reset_prog_mode()
        setMouseCapture(mouse)
        invalidate()
        _ = syncSize(force: true)
    }
}
