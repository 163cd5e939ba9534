import Foundation

func runGenerate(_ arguments: [String]) -> Int32 {
    FileHandle.standardError.write(Data("schouw-bench generate: not available yet\n".utf8))
    return 2
}
