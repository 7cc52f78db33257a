import AccordStore
import Hummingbird

/// The server-rendered pages: every kind of user's daily work in the browser, in three languages.
enum Pages {
    static func add(to router: Router<AccordContext>, store: Store, accounts: AccountService, cache: PageCache) {
        Assets.add(to: router)
        SignInPages.add(to: router, accounts: accounts)
        let pages = PageRoutes(router: router, store: store, cache: cache)
        DashboardPage.add(to: pages)
        PlanPage.add(to: pages)
        ItemPage.add(to: pages)
        MeetingPages.add(to: pages)
        PositionForms.add(to: pages)
        ChallengeForms.add(to: pages)
        AgendaEditor.add(to: pages)
        DecisionPages.add(to: pages)
        ProposalPages.add(to: pages)
        ProposalForms.add(to: pages)
        EditionPages.add(to: pages)
        LedgerPage.add(to: pages)
        SearchPage.add(to: pages)
        TranslationsPage.add(to: pages)
    }
}
