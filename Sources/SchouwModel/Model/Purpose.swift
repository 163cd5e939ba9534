public enum LegalBasis: String, Sendable, Codable, CaseIterable {
    case consent, contract
    case legalObligation = "legal-obligation"
    case vitalInterests = "vital-interests"
    case publicTask = "public-task"
    case legitimateInterests = "legitimate-interests"
}

public struct Purpose: Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    public var legalBasis: LegalBasis?
    /// The statutory provision a public-task or legal-obligation basis rests on (AVG 6(3)).
    public var statutoryBasis: String?
    public var specialCategoryException: String?
    public var criminalDataBasis: String?
    /// Id of the purpose whose data is re-used here (AVG 6(4)).
    public var furtherProcessingOf: String?
    public var compatibilityAssessment: Bool?
    public var profiling: Bool?
    public var automatedDecisions: Bool?
    public var humanReview: Bool?
    /// The purpose steers people's behaviour, e.g. with light, sound or nudges (AP DPIA list item 16).
    public var behaviourInfluencing: Bool? = nil
    public var marks: Marks

    public init(id: String, name: String? = nil, description: String? = nil, legalBasis: LegalBasis? = nil,
                statutoryBasis: String? = nil, specialCategoryException: String? = nil,
                criminalDataBasis: String? = nil, furtherProcessingOf: String? = nil,
                compatibilityAssessment: Bool? = nil, profiling: Bool? = nil, automatedDecisions: Bool? = nil,
                humanReview: Bool? = nil, marks: Marks) {
        self.id = id; self.name = name; self.description = description; self.legalBasis = legalBasis
        self.statutoryBasis = statutoryBasis; self.specialCategoryException = specialCategoryException
        self.criminalDataBasis = criminalDataBasis; self.furtherProcessingOf = furtherProcessingOf
        self.compatibilityAssessment = compatibilityAssessment; self.profiling = profiling
        self.automatedDecisions = automatedDecisions; self.humanReview = humanReview; self.marks = marks
    }
}
