import Foundation
import SchouwCLI

exit(Schouw.main(arguments: Array(CommandLine.arguments.dropFirst())))
