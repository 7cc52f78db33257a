import AccordCore
import AccordServices
import AccordStore

/// The e-mail digest on the changes page: the signed-in account subscribes its own address, changes it, or
/// unsubscribes, through `Digests` as `accord digest` does. The forms carry no account: whoever is signed in
/// changes only its own subscription, and the public, which cannot open the page, is refused by the forms'
/// guard before anything is read.
extension ChangesPage {
    /// The subscribe form's field.
    struct DigestFields: Decodable, Sendable {
        var address: String?
    }

    static func addDigestForms(to pages: PageRoutes) {
        let store = pages.record.store
        pages.form("changes/digest", DigestFields.self) { viewer, fields, _ in
            let address = try FormBody.required(fields.address, "address", "give the e-mail address for the digests")
            _ = try await Digests.subscribe(viewer.principal, address: address, in: store)
            return viewer.link("/changes")
        }
        pages.form("changes/digest/stop", DigestFields.self) { viewer, _, _ in
            _ = try await Digests.unsubscribe(viewer.principal, in: store)
            return viewer.link("/changes")
        }
    }

    /// The digest's section: where it goes, with the form to change the address and the button to stop it, or
    /// the form to subscribe.
    static func digestSection(_ subscription: DigestSubscription?, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("section", [("class", "digest"), ("aria-labelledby", "digest")]) { html in
            html.element("h2", [("id", "digest")], text: DigestText.title(language))
            if let subscription {
                html.element("p", [("role", "status")]) { html in
                    html.text(DigestText.subscribed(language) + " ")
                    html.element("strong", text: subscription.address)
                    html.text(". " + DigestText.next(after: subscription.digestedThrough, language))
                    if let sent = subscription.sentAt {
                        html.text(" " + DigestText.lastSent(AccountPages.moment(sent), language))
                    }
                }
            } else {
                html.element("p", text: DigestText.explained(language))
            }
            let subscribe = viewer.link("/changes/digest").path
            html.element("form", [("class", "stack"), ("method", "post"), ("action", subscribe)]) { html in
                Forms.token(viewer, &html)
                Forms.field(
                    "address", DigestText.address(language), value: subscription?.address ?? "", required: true,
                    type: "email", &html)
                html.element(
                    "button", [("type", "submit")],
                    text: subscription == nil ? DigestText.subscribe(language) : DigestText.change(language))
            }
            if subscription != nil {
                let stop = viewer.link("/changes/digest/stop").path
                html.element("form", [("method", "post"), ("action", stop)]) { html in
                    Forms.token(viewer, &html)
                    html.element("button", [("type", "submit")], text: DigestText.unsubscribe(language))
                }
            }
        }
    }
}

/// The digest section's words, in Spanish, English and French.
enum DigestText {
    static func title(_ language: Language) -> String {
        language.pick(("Resumen por correo electrónico", "E-mail digest", "Résumé par courriel"))
    }

    static func explained(_ language: Language) -> String {
        language.pick(
            (
                "Reciba por correo electrónico, periódicamente, lo que cambió desde el resumen anterior, tal como su "
                    + "cuenta puede verlo.",
                "Receive by e-mail, at regular intervals, what changed since the previous digest, as your account "
                    + "may see it.",
                "Recevez par courriel, à intervalles réguliers, ce qui a changé depuis le résumé précédent, tel que "
                    + "votre compte peut le voir."
            ))
    }

    static func subscribed(_ language: Language) -> String {
        language.pick(
            ("Sus resúmenes se envían a", "Your digests go to", "Vos résumés sont envoyés à"))
    }

    /// What the next digest holds.
    static func next(after position: Int64, _ language: Language) -> String {
        language.pick(
            (
                "El próximo contendrá lo que cambie después de la posición \(position) del registro.",
                "The next one holds what changes after ledger position \(position).",
                "Le prochain contiendra ce qui change après la position \(position) du registre."
            ))
    }

    static func lastSent(_ moment: String, _ language: Language) -> String {
        language.pick(
            ("Último envío: \(moment).", "Last sent: \(moment).", "Dernier envoi : \(moment)."))
    }

    static func address(_ language: Language) -> String {
        language.pick(("Dirección de correo electrónico", "E-mail address", "Adresse électronique"))
    }

    static func subscribe(_ language: Language) -> String {
        language.pick(("Suscribirse", "Subscribe", "S'abonner"))
    }

    static func change(_ language: Language) -> String {
        language.pick(("Cambiar la dirección", "Change the address", "Changer l'adresse"))
    }

    static func unsubscribe(_ language: Language) -> String {
        language.pick(("Cancelar la suscripción", "Unsubscribe", "Se désabonner"))
    }
}
