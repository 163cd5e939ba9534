import SchouwResult
import Testing
@testable import SchouwChecklist

@Suite struct ReferenceTextTests {
    @Test(arguments: [
        ("bio2", "5.20.06", "BIO2 5.20.06", "BIO2 5.20.06"),
        ("avg", "28(3)", "AVG art. 28(3)", "AVG art. 28(3)"),
        ("avg", "art. 44-46", "AVG art. 44-46", "AVG art. 44-46"),
        ("uavg", "46", "UAVG art. 46", "UAVG art. 46"),
        ("gibit", "22", "GIBIT art. 22", "GIBIT art. 22"),
        ("vng-vwo", "", "VNG VWO", "VNG VWO"),
        ("forum-standaardisatie", "", "Forum Standaardisatie", "Forum Standaardisatie"),
        ("ncsc-tls", "", "NCSC TLS", "NCSC TLS"),
        ("bio-1.04", "15.1.2.5", "BIO 1.04 15.1.2.5", "BIO 1.04 15.1.2.5"),
        ("bio-cloud", "B.03", "BIO Clouddiensten B.03", "BIO Cloud Services B.03"),
        ("ap-dpia-list", "", "AP DPIA-lijst", "AP DPIA list"),
        ("ai-act", "49", "AI-verordening art. 49", "AI Act art. 49"),
        ("other", "Sensorenregister", "Sensorenregister", "Sensorenregister"),
        ("nen", "7510", "nen 7510", "nen 7510"),
    ])
    func rendersReadably(framework: String, ref: String, dutch: String, english: String) {
        let reference = Reference(framework: framework, ref: ref)
        #expect(ReferenceText.render(reference, language: .nl) == dutch)
        #expect(ReferenceText.render(reference, language: .en) == english)
    }

    @Test func joinsWithoutDuplicates() {
        let references = [Reference(framework: "bio2", ref: "5.20.03"), Reference(framework: "gibit", ref: "21"),
                          Reference(framework: "bio2", ref: "5.20.03")]
        #expect(ReferenceText.render(references, language: .nl) == "BIO2 5.20.03; GIBIT art. 21")
    }
}
