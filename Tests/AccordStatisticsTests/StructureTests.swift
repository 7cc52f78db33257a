import AccordCore
import Testing

@testable import AccordStatistics

@Suite struct StructureTests {
    @Test func theStructureHasTheIssuesDimensionsAndCodelists() throws {
        let structure = try DataStructure.migrationFlows()
        #expect(structure.reference == "RCM:DSD_MIGR_FLOW(1.0)")
        #expect(
            KeyDimension.allCases.map(\.id) == [
                "FREQ", "REF_AREA", "MIGR_EVENT", "CITIZENSHIP", "COUNTERPART_AREA", "SEX", "AGE", "BORDER_POINT",
            ])
        // ISO 3166-1 from Debian's iso-codes, with Spanish and French names from its translations.
        let areas = structure.codelist(.referenceArea)
        #expect(areas.count == 249)
        #expect(areas[areas.position(of: "MEX")!].names[.es] == "México")
        #expect(areas[areas.position(of: "MEX")!].names[.fr] == "Mexique")
        #expect(structure.codelist(.citizenship).contains("STLS"))
        #expect(structure.codelist(.citizenship).contains("_U"))
        #expect(!structure.codelist(.referenceArea).contains("_U"))
        // The SDMX global codelists with their real codes.
        #expect(structure.codelist(.observationStatus)?.reference == "SDMX:CL_OBS_STATUS(2.2)")
        #expect(structure.codelist(.observationStatus)?.codes.map(\.id).joined() == "ABDEFGHIJKLMNOPQSUVW")
        #expect(structure.codelist(.confidentialityStatus)?.reference == "SDMX:CL_CONF_STATUS(1.3)")
        #expect(structure.dataflows.map(\.id) == ["DF_MIGR_MOVEMENTS", "DF_MIGR_RETURNS", "DF_MIGR_IRREGULAR"])
        // Every name in three languages.
        for codelist in structure.codelists {
            for code in codelist.codes {
                #expect(Language.allCases.allSatisfy { code.names[$0]?.isEmpty == false }, "\(codelist.id) \(code.id)")
            }
        }
    }

    @Test func aCodelistGrowsAndKeepsItsPositions() throws {
        var grown = structure
        let before = grown.codelist(.borderPoint).codes.map(\.id)
        let point = Code(id: "HND_CORINTO", names: .en("Corinto, Cortés", es: "Corinto, Cortés", fr: "Corinto, Cortés"))
        try grown.add(point, to: .borderPoint)
        #expect(grown.codelist(.borderPoint).codes.map(\.id) == before + ["HND_CORINTO"])
        #expect(grown.codelist(.borderPoint).position(of: "_T") == structure.codelist(.borderPoint).position(of: "_T"))
        #expect(throws: StructureError.duplicateCode(codelist: "CL_BORDER_POINT", code: "HND_CORINTO")) {
            try grown.add(point, to: .borderPoint)
        }
        #expect(throws: StructureError.invalidCode(codelist: "CL_BORDER_POINT", code: "no spaces")) {
            try grown.add(Code(id: "no spaces", names: .en("x")), to: .borderPoint)
        }
        // A file using the new code reads with the grown structure only.
        let rows = [row(area: "HND", citizenship: "HND", border: "HND_CORINTO")]
        #expect(!check(rows, area: "HND").canCommit)
        let report = Upload(structure: grown, flow: returns, reportingArea: "HND").validate(sdmxCSV: file(rows))
        #expect(report.canCommit)
    }
}
