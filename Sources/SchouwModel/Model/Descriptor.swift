/// A loaded project descriptor (SPEC section 1), with the files it came from.
///
/// Optional properties are facts the descriptor may leave out: `nil` means *unknown*, never *false*.
/// Rules that need such a fact report `unknown`, so the model must keep that difference.
public struct Descriptor: Sendable {
    public var schouw: Int
    public var project: Project
    public var purposes: [Purpose]
    public var parties: [Party]
    public var zones: [Zone]
    public var data: [DataAsset]
    public var systems: [System]
    public var flows: [Flow]
    public var waivers: [Waiver]
    /// The main file first, then every included file, in load order.
    public var files: [SourceFile]

    public init(schouw: Int = 1, project: Project, purposes: [Purpose] = [], parties: [Party] = [],
                zones: [Zone] = [], data: [DataAsset] = [], systems: [System] = [], flows: [Flow] = [],
                waivers: [Waiver] = [], files: [SourceFile] = []) {
        self.schouw = schouw; self.project = project; self.purposes = purposes; self.parties = parties
        self.zones = zones; self.data = data; self.systems = systems; self.flows = flows
        self.waivers = waivers; self.files = files
    }
}

/// One file a descriptor was read from; the bytes are kept for digests and for showing source lines.
public struct SourceFile: Sendable {
    public var path: String
    public var sha256: String
    public var text: String
    public init(path: String, sha256: String, text: String) { self.path = path; self.sha256 = sha256; self.text = text }
}

/// Where an object and each of its fields were written, by YAML key (`"retention"`, `"transfer.tia"`).
public struct Marks: Sendable {
    public var object: SourceMark
    public var fields: [String: SourceMark]
    public init(object: SourceMark, fields: [String: SourceMark] = [:]) { self.object = object; self.fields = fields }
    public subscript(field: String) -> SourceMark { fields[field] ?? object }
}
