import AccordCore
import Testing

@testable import AccordStatistics

@Suite struct StructureTests {
    @Test func theStructureHasTheIssuesDimensionsAndCodelists() throws {
        let structure = try DataStructure.migrationFlows()
        #expect(structure.reference == "RCM:DSD_MIGR_FLOW(1.0)")
        #expect(structure.codelist(.referenceArea).count == 249)
        #expect(structure.codelist(.citizenship).contains("STLS"))
        #expect(
            structure.codelist(.referenceArea)[structure.codelist(.referenceArea).position(of: "MEX")!].names[.es]
                == "México")
        #expect(structure.codelist(.observationStatus)?.count == 20)
        #expect(structure.dataflows.map(\.id) == ["DF_MIGR_MOVEMENTS", "DF_MIGR_RETURNS", "DF_MIGR_IRREGULAR"])
    }
}
