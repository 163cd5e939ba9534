@testable import SchouwReports
import Testing

@Suite struct ByteBufferTests {
    @Test func keepsEveryByteInOrderAcrossGrowth() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<200 {
            let piece = (0..<(round % 37)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            piece.withUnsafeBufferPointer { buffer.append($0) }
            expected += piece
            buffer.append(UInt8(round % 256))
            expected.append(UInt8(round % 256))
        }
        [UInt8]().withUnsafeBufferPointer { buffer.append($0) }
        #expect(buffer.count == expected.count)
        #expect(buffer.takeArray() == expected)
    }
}
