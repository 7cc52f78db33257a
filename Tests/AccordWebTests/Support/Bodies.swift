/// Request bodies for the scenarios, written as the JSON a client sends.
enum Bodies {
    static let secretariat = #"{"name":"ana.ts","role":"secretariat"}"#

    static func signed(_ key: String, _ value: String, authority: String = editorial("recorded from the seeds"))
        -> String
    {
        #"{"actor":\#(secretariat),"authority":\#(authority),"\#(key)":\#(value)}"#
    }

    static func editorial(_ reason: String) -> String { #"{"editorial":"\#(reason)"}"# }
    static func decision(_ id: String) -> String { #"{"decision":"\#(id)"}"# }

    static func text(_ en: String, es: String? = nil) -> String {
        #"{"authoritative":"en","en":"\#(en)"\#(es.map { #","es":"\#($0)""# } ?? "")}"#
    }

    static func participant(_ id: String, _ kind: String, _ name: String) -> String {
        #"{"id":"\#(id)","kind":"\#(kind)","name":\#(text(name)),"history":[]}"#
    }

    static func item(
        _ number: String, _ kind: String, parent: String?, title: String, status: String, leads: [String] = []
    ) -> String {
        let parentField = parent.map { #""parent":"\#($0)","# } ?? ""
        let leadList = leads.map { "\"\($0)\"" }.joined(separator: ",")
        return
            #"{"number":"\#(number)","kind":"\#(kind)",\#(parentField)"title":\#(text(title)),"leads":[\#(leadList)],"status":"\#(status)"}"#
    }
}
