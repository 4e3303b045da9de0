import Foundation
import Glibc
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The state directory on real files: private modes, the one-dashboard lock, damaged and
/// unwritable databases.
@Suite struct StateFilesTests {
    static func mode(_ path: String) -> String? { PrivateStateFiles.mode(of: path).map(PrivateStateFiles.octal) }

    @Test func aNewStateDirectoryAndItsFilesArePrivateWhateverTheUmask() throws {
        let path = Fixtures.tempDatabasePath()
        let directory = (path as NSString).deletingLastPathComponent
        let saved = umask(0o022)
        defer { umask(saved) }
        let store = try LocalStore(path: path)
        try store.enqueue(.pause(campaignID: "camp_a"), at: Date())
        #expect(store.warnings == [])
        #expect(Self.mode(directory) == "0700")
        #expect(Self.mode(path) == "0600")
        #expect(Self.mode(path + "-wal") == "0600")
        #expect(Self.mode(path + "-shm") == "0600")
    }

    @Test func looseModesAreTightenedAtOpenWithAWarningEach() throws {
        let path = Fixtures.tempDatabasePath()
        let directory = (path as NSString).deletingLastPathComponent
        do {
            let store = try LocalStore(path: path)
            try store.enqueue(.pause(campaignID: "camp_a"), idempotencyKey: "k1", at: Date())
        }
        #expect(chmod(directory, 0o755) == 0)
        #expect(chmod(path, 0o644) == 0)
        // A -wal left by a process that was killed, made by an older version.
        let wal = open(path + "-wal", O_WRONLY | O_CREAT, 0o600)
        close(wal)
        #expect(chmod(path + "-wal", 0o640) == 0)

        let store = try LocalStore(path: path)
        #expect(store.warnings == [
            "the state directory \(directory) was readable by other users (0755); it is now 0700",
            "the file \(path) was readable by other users (0644); it is now 0600",
            "the file \(path)-wal was readable by other users (0640); it is now 0600",
        ])
        #expect(Self.mode(directory) == "0700")
        #expect(Self.mode(path) == "0600")
        #expect(Self.mode(path + "-wal") == "0600")
        #expect(try store.pendingWrites().entries.map(\.idempotencyKey) == ["k1"])
        #expect(try LocalStore(path: path).warnings == [])
    }

    // MARK: - One dashboard per state directory

    @Test func aSecondLockIsRefusedNamingTheHolderAndFreedWhenReleased() throws {
        let path = Fixtures.tempDatabasePath()
        let directory = (path as NSString).deletingLastPathComponent
        let since = Date(timeIntervalSince1970: 1_800_000_000)
        var first: StateLock? = try StateLock.acquire(beside: path, pid: 4242, now: since)
        #expect(first?.path == directory + "/leadtop.lock")
        #expect(Self.mode(directory) == "0700")
        #expect(Self.mode(directory + "/leadtop.lock") == "0600")
        #expect(try String(contentsOfFile: directory + "/leadtop.lock", encoding: .utf8) == "4242 1800000000\n")

        let error = #expect(throws: StateLockError.self) { try StateLock.acquire(beside: path, pid: 5353) }
        #expect(error == .held(directory: directory, lockFile: directory + "/leadtop.lock",
                               holder: StateLock.Holder(pid: 4242, since: since)))
        #expect(error?.description == "another leadtop (pid 4242, running since 2027-01-15 08:00:00 UTC) is using the state "
            + "directory \(directory). Only one dashboard can use it at a time: switch to that one, or quit it first. "
            + "To run a second dashboard, give it a state directory of its own: XDG_STATE_HOME=/some/other/dir leadtop")

        first = nil
        // Another test's child process may share the descriptor between its fork and its exec
        // (it is close-on-exec); the lock is free once that moment passes.
        var taken: StateLock?
        let deadline = Date().addingTimeInterval(2)
        while taken == nil {
            do { taken = try StateLock.acquire(beside: path, pid: 5353, now: since.addingTimeInterval(60)) } catch {
                if Date() > deadline { throw error }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        let second = try #require(taken)
        #expect(try String(contentsOfFile: second.path, encoding: .utf8) == "5353 1800000060\n")
        _ = first
    }

    /// Each named profile has a state directory of its own: two dashboards on two profiles run
    /// side by side, and a profile name cannot point outside the state directory.
    @Test func namedProfilesHaveTheirOwnStateDirectory() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-profiles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let env = ["XDG_STATE_HOME": state.path]
        let top = state.appendingPathComponent("leadtop").path
        #expect(LocalStore.path(profile: nil, environment: env) == top + "/leadtop.sqlite")
        #expect(LocalStore.path(profile: "work", environment: env) == top + "/profiles/work/leadtop.sqlite")
        #expect(LocalStore.path(profile: "../../etc", environment: env) == top + "/profiles/..%2F..%2Fetc/leadtop.sqlite")
        #expect(LocalStore.path(profile: "..", environment: env) == top + "/profiles/%2E%2E/leadtop.sqlite")
        #expect(LocalStore.path(profile: "EU fintech", environment: env) == top + "/profiles/EU%20fintech/leadtop.sqlite")

        let work = try StateLock.acquire(beside: LocalStore.path(profile: "work", environment: env))
        let home = try StateLock.acquire(beside: LocalStore.path(profile: "home", environment: env))
        #expect(throws: StateLockError.self) { try StateLock.acquire(beside: LocalStore.path(profile: "work", environment: env)) }
        #expect(Self.mode(top + "/profiles") == "0700" && Self.mode(top + "/profiles/work") == "0700")
        _ = (work, home)
    }

    @Test func aLockLeftByAKilledProcessDoesNotBlock() async throws {
        let path = Fixtures.tempDatabasePath()
        let directory = (path as NSString).deletingLastPathComponent
        try PrivateStateFiles.ensureDirectory(directory)
        // Another process takes the lock (flock(1) turning into sleep, no child left holding it)
        // and is killed with SIGKILL while holding it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", "--no-fork", directory + "/leadtop.lock", "sleep", "60"]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        #expect(await Fixtures.eventually(10) { (try? StateLock.acquire(beside: path)) == nil })
        #expect(throws: StateLockError.self) { try StateLock.acquire(beside: path) }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(holder.terminationReason == .uncaughtSignal)
        _ = try StateLock.acquire(beside: path, pid: 77)
    }

    // MARK: - Damaged databases

    static let openedAt = Date(timeIntervalSince1970: 1_800_000_000)   // 2027-01-15 08:00:00 UTC

    @Test func garbageBytesAreMovedAsideAndANewDatabaseStarts() throws {
        let path = Fixtures.tempDatabasePath()
        let directory = (path as NSString).deletingLastPathComponent
        try PrivateStateFiles.ensureDirectory(directory)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        #expect(FileManager.default.createFile(atPath: path, contents: garbage, attributes: [.posixPermissions: 0o600]))

        let store = try LocalStore(path: path, now: Self.openedAt)
        let moved = path + ".broken-20270115T080000Z"
        #expect(store.warnings == [
            "the database \(path) could not be used (SQLite error 26: file is not a database); it was moved to \(moved) "
                + "and a new one started (the cache fills again from LeadOS). No pending writes could be read from it.",
        ])
        #expect(store.recoveryStatus == "Damaged database moved to leadtop.sqlite.broken-20270115T080000Z")
        #expect(FileManager.default.contents(atPath: moved) == garbage)
        #expect(try store.pendingWriteCount() == 0)
        try store.enqueue(.pause(campaignID: "camp_a"), at: Date())
        #expect(try LocalStore(path: path).warnings == [])
    }

    @Test func aTruncatedDatabaseGivesBackItsPendingWrites() throws {
        let path = Fixtures.tempDatabasePath()
        let feedback = WriteCommand.feedback(leadID: "del_1", FeedbackSubmission(rating: .good, reason: nil, note: "ok"))
        do {
            let store = try LocalStore(path: path)
            try store.enqueue(.pause(campaignID: "camp_a"), idempotencyKey: "k1", at: Self.openedAt)
            try store.enqueue(feedback, idempotencyKey: "k2", at: Self.openedAt.addingTimeInterval(1))
            try store.storeLeads((0..<400).map { Fixtures.lead("del_\($0)", at: 1000 + $0) }, limit: 1000)
        }
        let length = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(length > 100_000)
        #expect(truncate(path, off_t(length / 2)) == 0)

        let store = try LocalStore(path: path, now: Self.openedAt)
        let moved = path + ".broken-20270115T080000Z"
        let pageSize = 4096
        #expect(store.warnings == [
            "the database \(path) could not be used (the file is cut short: \(length / 2) of its "
                + "\(length / pageSize * pageSize) bytes); it was moved to \(moved) and a new one started "
                + "(the cache fills again from LeadOS). 2 pending writes recovered from it and will be sent.",
        ])
        #expect(store.recoveryStatus == "Damaged database moved to leadtop.sqlite.broken-20270115T080000Z; 2 pending writes kept")
        let pending = try store.pendingWrites()
        #expect(pending.discarded == 0)
        #expect(pending.entries.map(\.idempotencyKey) == ["k1", "k2"])
        #expect(pending.entries.map(\.command) == [.pause(campaignID: "camp_a"), feedback])
        #expect(pending.entries.map(\.createdAt) == [Self.openedAt, Self.openedAt.addingTimeInterval(1)])
        #expect(try store.feedPage(FeedRequest(filter: .all, offset: 0, limit: 10, generation: 0)).total == 0)
        #expect(FileManager.default.fileExists(atPath: moved))
    }

    @Test func aCorruptPageSQLiteFindsIsMovedAsideToo() throws {
        let path = Fixtures.tempDatabasePath()
        do {
            let store = try LocalStore(path: path)
            try store.enqueue(.pause(campaignID: "camp_a"), idempotencyKey: "k1", at: Self.openedAt)
        }
        // Overwrite every page after the first (schema intact, tables not).
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let length = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(length) - 4096))
        try handle.close()

        let store = try LocalStore(path: path, now: Self.openedAt)
        #expect(store.warnings.count == 1)
        #expect(store.warnings.first?.hasPrefix("the database \(path) could not be used (SQLite error 11: ") == true)
        #expect(store.warnings.first?.hasSuffix("No pending writes could be read from it.") == true)
        #expect(FileManager.default.fileExists(atPath: path + ".broken-20270115T080000Z"))
        #expect(try store.pendingWriteCount() == 0)
    }

    @Test func truncationIsReadFromTheHeader() {
        var header = [UInt8](repeating: 0, count: 100)
        header.replaceSubrange(0..<16, with: Array("SQLite format 3\0".utf8))
        header[16] = 0x10                          // page size 4096
        header[27] = 9; header[95] = 9             // change counter = version-valid-for
        header[31] = 10                            // 10 pages
        #expect(DatabaseDamage.truncation(header: header, fileLength: 40_960) == nil)
        #expect(DatabaseDamage.truncation(header: header, fileLength: 40_959)
            == DatabaseDamage(description: "the file is cut short: 40959 of its 40960 bytes"))
        header[95] = 8                             // a count not kept up to date is not trusted
        #expect(DatabaseDamage.truncation(header: header, fileLength: 4096) == nil)
        #expect(DatabaseDamage.truncation(header: Array(repeating: 0x41, count: 100), fileLength: 1) == nil)
    }

    @Test func aShortFileWithFramesInItsWALIsLeftToSQLite() throws {
        let path = Fixtures.tempDatabasePath()
        try PrivateStateFiles.ensureDirectory((path as NSString).deletingLastPathComponent)
        var header = [UInt8](repeating: 0, count: 4096)
        header.replaceSubrange(0..<16, with: Array("SQLite format 3\0".utf8))
        header[16] = 0x10; header[27] = 3; header[95] = 3; header[31] = 10
        #expect(FileManager.default.createFile(atPath: path, contents: Data(header)))
        #expect(DatabaseDamage.truncation(of: path) == DatabaseDamage(description: "the file is cut short: 4096 of its 40960 bytes"))
        // A checkpoint cut off by a crash: page 1 written, the file not yet extended, the frames
        // still in the -wal for SQLite to write again.
        #expect(FileManager.default.createFile(atPath: path + "-wal", contents: Data(repeating: 1, count: 32)))
        #expect(DatabaseDamage.truncation(of: path) == nil)
    }

    // MARK: - Unwritable state

    @Test(.enabled(if: ReadOnlyMount.available, "needs mount(8) and CAP_SYS_ADMIN, or a non-root user"))
    func aReadOnlyStateDirectoryIsRefusedWithItsPath() throws {
        let path = Fixtures.tempDatabasePath()
        let directory = (path as NSString).deletingLastPathComponent
        _ = try LocalStore(path: path)
        let code = try ReadOnlyMount.make(directory)
        defer { ReadOnlyMount.undo(directory) }
        let error = #expect(throws: StateDirectoryError.self) { try LocalStore(path: path) }
        #expect(error == .notWritable(path: directory, errno: code))
        #expect(error?.description == "the state directory \(directory) is not writable (\(String(cString: strerror(code)))); "
            + "leadtop keeps its cache and pending writes there. Make it writable (chmod 700 \(directory)) or start leadtop "
            + "with another state directory (XDG_STATE_HOME=/some/writable/dir leadtop).")
        #expect(throws: StateDirectoryError.self) { try StateLock.acquire(beside: path) }
    }

    @Test(.enabled(if: ReadOnlyMount.available, "needs mount(8) and CAP_SYS_ADMIN, or a non-root user"))
    func anUnwritableDatabaseIsRefusedWithItsPath() throws {
        let path = Fixtures.tempDatabasePath()
        _ = try LocalStore(path: path)
        let code = try ReadOnlyMount.make(path)
        defer { ReadOnlyMount.undo(path) }
        let error = #expect(throws: StateDirectoryError.self) { try LocalStore(path: path) }
        #expect(error == .databaseNotWritable(path: path, errno: code))
        #expect(error?.description == "the database \(path) cannot be read and written (\(String(cString: strerror(code)))). "
            + "Make it so (chmod 600 \(path)) or start leadtop with another state directory (XDG_STATE_HOME=/some/writable/dir leadtop).")
    }

    @Test func aStateDirectoryThatCannotBeCreatedIsRefusedWithItsPath() throws {
        // A regular file where a parent directory should be: refused even for root.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-test-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        defer { unlink(blocker) }
        let error = #expect(throws: StateDirectoryError.self) { try LocalStore(path: blocker + "/leadtop/leadtop.sqlite") }
        #expect(error == .cannotCreate(path: blocker + "/leadtop", errno: ENOTDIR))
    }
}

/// Makes a path read-only for this process. Tests run as root, which ignores permission bits, so
/// for root the path is bind-mounted read-only onto itself (EROFS); other users get a chmod (EACCES).
enum ReadOnlyMount {
    static let available: Bool = {
        guard getuid() == 0 else { return true }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-mount-probe-\(getpid())").path
        guard mkdir(probe, 0o700) == 0 || errno == EEXIST else { return false }
        defer { rmdir(probe) }
        guard (try? make(probe)) != nil else { return false }
        undo(probe)
        return true
    }()

    /// Returns the errno `access(2)` now reports for writing.
    static func make(_ path: String) throws -> Int32 {
        if getuid() == 0 {
            try run(["mount", "--bind", path, path])
            try run(["mount", "-o", "remount,bind,ro", path])
        } else {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            #expect(chmod(path, isDirectory.boolValue ? 0o500 : 0o400) == 0)
        }
        guard access(path, W_OK) != 0 else { throw Failure(description: "\(path) is still writable") }
        return errno
    }

    static func undo(_ path: String) {
        if getuid() == 0 { _ = try? run(["umount", path]) } else { _ = chmod(path, 0o700) }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(arguments.joined(separator: " ")) failed") }
    }
}
