import Foundation

func runAuditBenchmark(_ arguments: [String]) -> Int32 {
    FileHandle.standardError.write(Data("schouw-bench audit: not available yet\n".utf8))
    return 2
}
