/// A supplier's answers to the camera checklist, mixing Dutch and English values on purpose.
enum CameraAnswers {
    /// item id -> (answer, supplier evidence)
    static let answers: [String: (String, String)] = [
        "CL-AVG-024": ("yes", "Bijlage 3, hosting in NL"),
        "CL-AVG-035": ("partly", ""),
        "CL-PR-007": ("ja", "Bijlage 5, getekende VWO"),
        "CL-BIO-031": ("no", ""),
        "CL-BIO-044": ("n.a.", ""),
        "CL-PR-003": ("yes", "Exitplan v2"),
        "CL-PR-004": ("nee", ""),
        "CL-OS-001": ("n.v.t.", ""),
        "CL-SC-004": ("deels", "Bordontwerp"),
        "CL-SC-006": ("yes", ""),
    ]

    /// The answers as a CSV in the checklist's own columns (English header).
    static var csv: String {
        var out = "ID,Theme,Phase,Requirement,Why (references),Evidence to deliver,Knock-out,Answer,Supplier evidence,Remarks\r\n"
        for (id, value) in answers.sorted(by: { $0.key < $1.key }) {
            out += "\(id),,,,,,,\(value.0),\"\(value.1)\",\r\n"
        }
        return out
    }
}
