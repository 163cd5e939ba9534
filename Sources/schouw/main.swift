import Foundation
#if canImport(FoundationXML)
// Release builds on Linux link Foundation statically (Package.swift). This file is compiled against
// the static Foundation modules, so importing FoundationXML here records the libraries it needs
// (its libxml2 glue) for the linker; SchouwChecklist reads XLSX answers with it.
import FoundationXML
#endif
import SchouwCLI
import SchouwConcurrency

ProcessMemory.keepFreedMemoryForReuse()
exit(Schouw.main(arguments: Array(CommandLine.arguments.dropFirst())))
