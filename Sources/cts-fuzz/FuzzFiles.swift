import Foundation

/// Reading an input and writing a generated script: the driver's only file I/O.
enum FuzzFiles {
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }

    static func write(_ path: String, _ text: String) -> Bool {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}
