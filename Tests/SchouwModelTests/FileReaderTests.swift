import Foundation
import SeededRandom
import Testing
@testable import SchouwModel

/// Large files are read in two halves at once; what comes back must be the file, byte for byte,
/// and a file whose size is not the one asked for must send the reader back to the ordinary path.
@Suite struct FileReaderTests {
    static func temporaryFile(bytes count: Int, seed: UInt64) throws -> (url: URL, bytes: [UInt8]) {
        var random = SeededRandom(seed: seed)
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-read-\(UUID().uuidString).bin")
        try Data(bytes).write(to: url)
        return (url, bytes)
    }

    @Test(arguments: [FileReader.halvesFrom, FileReader.halvesFrom + 1, FileReader.halvesFrom * 3 + 7])
    func largeFilesReadInHalvesAreTheFile(size: Int) throws {
        let (url, bytes) = try Self.temporaryFile(bytes: size, seed: UInt64(size))
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .success(let read) = FileReader.read(path: url.path, limit: 64 << 20) else {
            Issue.record("the file was not read"); return
        }
        // Compared through the first difference: printing megabytes of a failed comparison would
        // take longer than the test.
        #expect(read.count == bytes.count)
        let firstDifference = zip(read, bytes).enumerated().first { $1.0 != $1.1 }?.offset
        #expect(firstDifference == nil)
    }

    @Test func aFileOfAnotherSizeIsLeftToTheOrdinaryPath() throws {
        let (url, bytes) = try Self.temporaryFile(bytes: 100_000, seed: 3)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        let whole = FileReader.readHalves(fd, size: bytes.count)
        #expect(whole?.count == bytes.count)
        #expect(whole.map { zip($0, bytes).allSatisfy { $0 == $1 } } == true)
        // Larger than it was said to be (it grew) and smaller (it shrank): both refused.
        #expect(FileReader.readHalves(fd, size: bytes.count - 1) == nil)
        #expect(FileReader.readHalves(fd, size: bytes.count + 10) == nil)
    }
}
