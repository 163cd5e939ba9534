import Testing
@testable import SchouwChecklist

@Suite struct HTMLTests {
    @Test func htmlIsSelfContainedAndEscaped() {
        let checklist = ChecklistBuilder.build(project: Hostile.project, candidates: Hostile.candidates)
        let html = checklist.html(language: .nl)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; _x0041_"))
        #expect(html.contains("=1+1 &lt;b&gt;title&lt;/b&gt;"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func cameraChecklistHTMLListsEveryItemOnce() {
        let checklist = ChecklistBuilder.build(project: CameraProject.project, candidates: CameraProject.candidates)
        let html = checklist.html(language: .en)
        for item in checklist.items {
            #expect(html.components(separatedBy: "<article id=\"\(item.id)\"").count == 2)
        }
        #expect(html.contains("<span class=\"tag confirm\">to confirm</span>"))
        #expect(html.contains("<h2>Contract and exit</h2>"))
    }

    @Test func markdownEscapesDescriptorText() {
        let checklist = ChecklistBuilder.build(project: Hostile.project, candidates: Hostile.candidates)
        let markdown = checklist.markdown(language: .en)
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> & \\_x0041\\_"))
        #expect(!markdown.contains("<script>"))
    }

    @Test func emptyChecklistSaysSo() {
        let empty = ChecklistBuilder.build(project: CameraProject.project, candidates: [])
        #expect(empty.markdown(language: .nl).contains("Voor deze fase zijn er geen eisen."))
        #expect(empty.csv(language: .en) == "ID,Theme,Phase,Requirement,Why (references),Evidence to deliver,Knock-out,Answer,Supplier evidence,Remarks\r\n")
    }
}

@Suite struct IntroductionTests {
    @Test func itemReasonsStandInForMissingProjectTriggers() {
        var project = CameraProject.project
        project.triggers = []
        let checklist = ChecklistBuilder.build(project: project, candidates: CameraProject.candidates)
        let lines = ChecklistIntroduction.triggerLines(checklist, strings: .for(.en))
        #expect(lines == ["camera in public space (system cam-noord)", "camera in public space (system cam-zuid)",
                          "hosting country unknown", "processor of video (party leverancier)"])
        let bare = ChecklistBuilder.build(project: project, candidates: [])
        #expect(ChecklistIntroduction.triggerLines(bare, strings: .for(.nl)) == [ChecklistStrings.for(.nl).noTriggers])
    }
}
