import AccordStore
import AccordTestSupport
import CoreMetrics
import Foundation
import HTTPTypes
import Prometheus
import Testing

@testable import AccordWeb

/// `/metrics` (issue 19.7): the Secretariat reads, in the Prometheus text format, counters that moved with the
/// requests and the append it made; the public and a delegation are refused. Each test records into a
/// registry of its own (`withMetricsFactory`), so that tests running side by side never share counters and
/// nothing bootstraps the process's metrics system.
@Suite("Metrics")
struct MetricsTests {
    @Test("the Secretariat reads counters that moved; the public and a delegate are refused", arguments: Backend.all)
    func secretariatReadsCountersThatMoved(_ backend: Backend) async throws {
        let registry = PrometheusCollectorRegistry()
        try await withMetricsFactory(PrometheusMetricsFactory(registry: registry)) {
            try await withPages(backend) { pages in
                // Setup: the refusals first, so that they are in the first reading.
                let anonymous = try await pages.get("/metrics")
                #expect(anonymous.status == 401, "\(anonymous.text)")
                let delegate = try await pages.call(.get, "/metrics", as: .delegateMEX)
                #expect(delegate.status == 403, "\(delegate.text)")
                let before = try await Exposition.read(pages)
                #expect(
                    before.value("hb_requests", ["http_route": "/metrics", "http_response_status_code": "401"]) == 1)
                #expect(
                    before.value("hb_requests", ["http_route": "/metrics", "http_response_status_code": "403"]) == 1)

                // Act: the plan's page twice (rendered, then from the cache), and one change through the API.
                for _ in 0..<2 { #expect(try await pages.get("/en/plan").status == 200) }
                // An editorial change of a title: one `amend-item` entry.
                let title =
                    #"{"authoritative":"en","en":"Judicial cooperation","es":"Cooperación judicial internacional","#
                    + #""fr":"Coopération judiciaire"}"#
                let revised = try await pages.call(
                    .patch, "/api/v1/items/TS-2", as: .secretariat,
                    json: #"{"authority":{"editorial":"metrics test"},"amendment":{"title":\#(title)}}"#)
                #expect(revised.status == 200, "\(revised.text)")
                let after = try await Exposition.read(pages)

                // Check: each counter moved by what was done, and no more.
                let plan = [
                    "http_route": "/{lang}/plan", "http_request_method": "GET", "http_response_status_code": "200",
                ]
                #expect(after.value("hb_requests", plan) - before.value("hb_requests", plan) == 2, "\(after.text)")
                let durations = "http_server_request_duration_count"
                #expect(after.value(durations, plan) - before.value(durations, plan) == 2)
                let appends = ["kind": "amend-item"]
                #expect(
                    after.value("accord_ledger_appends_total", appends)
                        - before.value("accord_ledger_appends_total", appends) == 1, "\(after.text)")
                #expect(after.value("accord_ledger_appends_total") - before.value("accord_ledger_appends_total") == 1)
                for result in ["hit", "miss"] {
                    let lookups = ["result": result]
                    #expect(
                        after.value("accord_page_cache_lookups_total", lookups)
                            - before.value("accord_page_cache_lookups_total", lookups) == 1, "\(result): \(after.text)")
                }
                #expect(after.text.contains("# TYPE http_server_request_duration histogram"))
            }
        }
    }

    @Test("a process that records no metrics says so to the Secretariat")
    func noRegistry() async throws {
        // No factory of Prometheus's is current here (nothing bootstraps one in the tests): an honest comment.
        try await withPages { pages in
            let answer = try await pages.call(.get, "/metrics", as: .secretariat)
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(answer.text == "# this process records no metrics\n")
        }
    }
}

/// One reading of `/metrics` as the Secretariat: its samples, by series.
struct Exposition {
    var text: String

    static func read(_ pages: PageClient) async throws -> Exposition {
        let answer = try await pages.call(.get, "/metrics", as: .secretariat)
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        return Exposition(text: answer.text)
    }

    /// The sum of the samples named `name` whose labels include every one of `labels` (0 when none has).
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        var sum = 0.0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            let series = line[..<space]
            let sampleName = series.prefix { $0 != "{" }
            guard sampleName == name else { continue }
            if labels.allSatisfy({ series.contains("\($0.key)=\"\($0.value)\"") }) { sum += value }
        }
        return sum
    }
}
