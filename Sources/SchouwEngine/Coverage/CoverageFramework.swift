/// A catalogue of norms that rule references can be mapped onto, named as in rule `references`.
public enum CoverageFramework: String, Sendable, CaseIterable, Codable {
    case bio2
    case bio104 = "bio-1.04"
    case avg
    case bioCloud = "bio-cloud"

    /// The embedded file the catalogue is read from, relative to `Rules/`.
    var cataloguePath: String {
        switch self {
        case .bio2: "catalogues/bio2-overheidsmaatregelen-v1.3-v1.2.csv"
        case .bio104: "catalogues/bio-2019-v1.0x-overheidsmaatregelen-bbn.csv"
        case .avg: "catalogues/avg-articles.yaml"
        case .bioCloud: "catalogues/bio-thema-uitwerking-clouddiensten-controls.csv"
        }
    }
}
