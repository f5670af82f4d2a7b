import CTSDomain
@testable import CTSStore
import Foundation
import Testing

/// Files cts must refuse: each gives the right kind of error and a message naming the file,
/// and is left byte for byte as it was, with no lock or journal file left beside it.
@Suite struct BadFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable (String) throws -> Void
        let kind: StoreError.Kind
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a text file", make: { write(Array("unit add js \"Jiangsu\"\n".utf8), to: $0) },
            kind: .notSQLite, message: "FILE is not a cts session file (not an SQLite database)"),
        Case(
            name: "random bytes",
            make: { path in
                var generator = SystemRandomNumberGenerator()
                write((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: path)
            }, kind: .notSQLite, message: "FILE is not a cts session file (not an SQLite database)"),
        Case(
            name: "a few bytes", make: { write([0x53, 0x51], to: $0) },
            kind: .notSQLite, message: "FILE is not a cts session file (not an SQLite database)"),
        Case(
            name: "a truncated session",
            make: { path in
                let full = path + ".full"
                try SQLiteBackend.save(try SessionBuilder.province().session, to: full)
                write(Array(bytes(full).prefix(1000)), to: path)
                try FileManager.default.removeItem(atPath: full)
            }, kind: .corrupt, message: "FILE is damaged: it is truncated (1000 bytes, expected "),
        Case(
            name: "a session cut at a page boundary",
            make: { path in
                let full = path + ".full"
                try SQLiteBackend.save(try SessionBuilder.province().session, to: full)
                write(Array(bytes(full).prefix(8192)), to: path)
                try FileManager.default.removeItem(atPath: full)
            }, kind: .corrupt, message: "FILE is damaged: it is truncated (8192 bytes, expected "),
        Case(
            name: "an SQLite file of another program",
            make: { path in
                _ = try sqlite(
                    path,
                    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');"
                )
            }, kind: .notASession, message: "FILE is an SQLite database but not a cts session file"),
        Case(
            name: "an SQLite file with cts-like tables but no magic",
            make: { path in
                _ = try sqlite(path, "CREATE TABLE unit (slot INTEGER PRIMARY KEY, id TEXT); PRAGMA user_version = 2;")
            }, kind: .notASession, message: "FILE is an SQLite database but not a cts session file"),
    ]

    @Test(arguments: cases)
    func isRefusedAndLeftAlone(_ c: Case) throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("bad.ctsdb")
        try c.make(path)
        let before = bytes(path)
        let message = c.message.replacingOccurrences(of: "FILE", with: path)
        let opens: [(String, () throws -> Void)] = [
            ("open", { _ = try SQLiteBackend.open(path) }),
            ("open without create", { _ = try SQLiteBackend.open(path, create: false) }),
            ("read-only", { _ = try SQLiteBackend.openReadOnly(path) }),
            ("save over it", { try SQLiteBackend.save(Session(), to: path) }),
        ]
        for (what, open) in opens {
            #expect(throws: StoreError.self, "\(what)") { try open() }
            do {
                try open()
            } catch let error as StoreError {
                #expect(error.kind == c.kind, "\(what)")
                #expect(error.message.hasPrefix(message), "\(what): \(error.message)")
                if what == "save over it" { #expect(error.message.hasSuffix("; it was not overwritten")) }
            }
            #expect(bytes(path) == before, "\(what) changed the file")
            #expect(dir.contents == ["bad.ctsdb"], "\(what) left \(dir.contents)")
        }
    }

    @Test func aMissingDirectory() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("no/such/dir/s.ctsdb")
        #expect { _ = try SQLiteBackend.open(path) } throws: { error in
            let e = error as! StoreError
            return e.kind == .missingDirectory
                && e.message == "cannot create \(path): the directory \(dir.path)/no/such/dir does not exist"
        }
        #expect { _ = try SQLiteBackend.openReadOnly(path) } throws: { error in
            (error as! StoreError).kind == .missingDirectory
        }
        #expect { try SQLiteBackend.save(Session(), to: path) } throws: { error in
            (error as! StoreError).kind == .missingDirectory
        }
        #expect(dir.contents.isEmpty)
    }

    @Test func aMissingFileWhenNotCreating() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("nope.ctsdb")
        #expect { _ = try SQLiteBackend.open(path, create: false) } throws: { error in
            (error as! StoreError) == StoreError(.missingFile, "\(path) does not exist")
        }
        #expect { _ = try SQLiteBackend.openReadOnly(path) } throws: { error in
            (error as! StoreError).kind == .missingFile
        }
        #expect(dir.contents.isEmpty)
    }

    @Test func aDirectoryInsteadOfAFile() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("adir.ctsdb")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect { _ = try SQLiteBackend.open(path) } throws: { error in
            (error as! StoreError).message == "\(path) is a directory, not a session file"
        }
        #expect(dir.contents == ["adir.ctsdb"])
    }

    @Test func damageInsideATableIsReportedWhenLoading() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("damaged.ctsdb")
        let big = try SessionBuilder.large(units: 10, cadres: 2000, enrollments: 4000)
        try SQLiteBackend.save(big.session, to: path)
        // Overwrite the middle of the file (table and index pages) with garbage.
        var data = bytes(path)
        for i in (data.count / 2)..<(data.count / 2 + 8192) { data[i] = 0x5A }
        write(data, to: path)
        let before = bytes(path)
        #expect(throws: StoreError.self) {
            let store = try SQLiteBackend.open(path, create: false)
            defer { store.close() }
            _ = try store.load()
        }
        do {
            let store = try SQLiteBackend.open(path, create: false)
            defer { store.close() }
            _ = try store.load()
        } catch {
            #expect(error.kind == .corrupt)
            #expect(error.message.hasPrefix("\(path) is damaged"))
        }
        #expect(bytes(path) == before)
    }

    @Test func valuesOtherToolsGotWrongAreReportedWithTheirPlace() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("edited.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        let edits = [
            (
                "UPDATE cadre SET rank = 'general' WHERE id = 'c2'",
                "\(path) is damaged: cadre 1, column rank has 'general', which is not a rank "
                    + "(staff, township, county, bureau, province, national)"
            ),
            (
                "UPDATE course SET \"start\" = '2009-02-30' WHERE id = 'k1'",
                "\(path) is damaged: course 0, column start has '2009-02-30', which is not a date (YYYY-MM-DD)"
            ),
            (
                "PRAGMA foreign_keys = OFF; UPDATE enrollment SET cadre = 42 WHERE slot = 0",
                "\(path) is damaged: enrollment 0, column cadre refers to slot 42, which holds no record"
            ),
            (
                "PRAGMA foreign_keys = OFF; UPDATE unit SET parent = 77 WHERE id = 'nj'",
                "\(path) is damaged: unit 4, column parent refers to unit slot 77, which holds no unit"
            ),
            (
                "UPDATE rule SET kinds = 'off-job,cooking' WHERE id = 'lead5y'",
                "\(path) is damaged: rule 0, column kinds has 'off-job,cooking', which is not a list of course kinds"
            ),
        ]
        let pristine = bytes(path)
        for (sql, message) in edits {
            write(pristine, to: path)
            _ = try sqlite(path, sql)
            let store = try SQLiteBackend.open(path, create: false)
            defer { store.close() }
            #expect { _ = try store.load() } throws: { error in
                let e = error as! StoreError
                return e.kind == .corrupt && e.message == message
            }
        }
    }
}
