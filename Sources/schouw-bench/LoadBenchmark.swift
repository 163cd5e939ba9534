import Foundation

func runLoadBenchmark(_ arguments: [String]) -> Int32 {
    FileHandle.standardError.write(Data("schouw-bench load: not available yet\n".utf8))
    return 2
}
