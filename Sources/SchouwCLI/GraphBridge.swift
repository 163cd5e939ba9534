import SchouwModel

/// Loads a descriptor for `schouw graph` and `schouw report --descriptor`.
/// Replaced by the descriptor loader when it is linked in; until then it reports that it is missing.
func loadDescriptorForGraph(path: String) throws -> Descriptor {
    throw GraphBridgeError.loaderUnavailable(path)
}

enum GraphBridgeError: Error, CustomStringConvertible {
    case loaderUnavailable(String)
    var description: String {
        switch self {
        case .loaderUnavailable(let path): "\(path): reading descriptors is not available in this build"
        }
    }
}
