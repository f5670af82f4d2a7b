import CTSDomain
@testable import CTSStore
import Foundation
import Testing

/// Holds `FILE.lock` the way cts does (flock, pid inside) from another process, or reports
/// who holds it: prints "locked" or "busy PID", then waits for its standard input to close.
let pythonLocker = """
    import fcntl, os, sys
    fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("busy " + os.pread(fd, 32, 0).decode().strip(), flush=True)
        sys.exit(0)
    os.ftruncate(fd, 0)
    os.write(fd, (str(os.getpid()) + "\\n").encode())
    print("locked", flush=True)
    sys.stdin.read()
    """

@Suite struct LockTests {
    @Test func aSecondOpenInTheSameProcessIsRefused() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("s.ctsdb")
        let first = try SQLiteBackend.open(path)
        #expect(mode(path + ".lock") == 0o600)
        #expect { _ = try SQLiteBackend.open(path) } throws: { error in
            (error as! StoreError)
                == StoreError(
                    .locked(pid: getpid()),
                    "\(path) is already open in this cts (pid \(getpid()))")
        }
        #expect { try SQLiteBackend.save(Session(), to: path) } throws: { error in
            (error as! StoreError).kind == .locked(pid: getpid())
        }
        // Reading with --read-only is allowed while the file is open.
        let reader = try SQLiteBackend.openReadOnly(path)
        _ = try reader.load()
        reader.close()
        first.close()
        #expect(dir.contents == ["s.ctsdb"], "the lock file goes with the lock")
        let second = try SQLiteBackend.open(path)
        second.close()
    }

    @Test func anotherProcessHoldingTheLockIsNamed() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("shared.ctsdb")
        try SQLiteBackend.open(path).close()
        let before = bytes(path)
        let child = try Child("/usr/bin/env", ["python3", "-c", pythonLocker, path + ".lock"])
        #expect(child.readLine() == "locked")
        #expect { _ = try SQLiteBackend.open(path) } throws: { error in
            (error as! StoreError)
                == StoreError(
                    .locked(pid: child.pid),
                    "\(path) is in use by another cts (pid \(child.pid))")
        }
        #expect(bytes(path) == before)
        // --read-only still reads it.
        let reader = try SQLiteBackend.openReadOnly(path)
        _ = try reader.load()
        reader.close()
        child.finish()
        let store = try SQLiteBackend.open(path)
        store.close()
    }

    @Test func anotherProcessSeesOurLockAndPid() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("mine.ctsdb")
        let store = try SQLiteBackend.open(path)
        let child = try Child("/usr/bin/env", ["python3", "-c", pythonLocker, path + ".lock"])
        #expect(child.readLine() == "busy \(getpid())")
        child.finish()
        store.close()
    }

    @Test func killMinus9LeavesNoStaleLock() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("killed.ctsdb")
        try SQLiteBackend.open(path).close()
        let child = try Child("/usr/bin/env", ["python3", "-c", pythonLocker, path + ".lock"])
        #expect(child.readLine() == "locked")
        #expect(throws: StoreError.self) { _ = try SQLiteBackend.open(path) }
        child.kill9()
        // The lock file is still there, with the dead pid in it, but nobody holds the lock.
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        let store = try SQLiteBackend.open(path)
        #expect(String(decoding: bytes(path + ".lock"), as: UTF8.self) == "\(getpid())\n")
        store.close()
    }
}

@Suite struct SymbolicLinkTests {
    @Test func aLinkAndItsFileShareTheLockAndSaveReplacesTheFile() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let real = dir.file("real.ctsdb"), link = dir.file("link.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.ctsdb")
        let store = try SQLiteBackend.open(link, create: false)
        #expect { _ = try SQLiteBackend.open(real) } throws: { error in
            (error as! StoreError).kind == .locked(pid: getpid())
        }
        store.close()
        try SQLiteBackend.save(Session(), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.ctsdb")
        let reopened = try SQLiteBackend.open(real, create: false)
        defer { reopened.close() }
        #expect(try reopened.load().count(.unit) == 0)
    }
}
