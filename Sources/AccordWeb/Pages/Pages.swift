import AccordServices
import Hummingbird

/// The server-rendered pages: every kind of user's daily work in the browser, in three languages.
enum Pages {
    /// Adds the pages to `router`: reads in one group, forms in another behind `PageFormGuard`, and the
    /// sign-in form in a third, whose anti-forgery token is the form cookie's.
    static func add(
        to router: Router<AccordContext>, record: RecordService, accounts: AccountService, cache: PageCache,
        statistics: StatisticsService, attachments: AttachmentService
    ) {
        Assets.add(to: router)
        SignInPages.add(
            to: router.group(), forms: router.group().add(middleware: PageFormGuard(token: .formCookie)),
            signedIn: router.group().add(middleware: PageFormGuard(token: .session)), accounts: accounts)
        let pages = PageRoutes(
            pages: router.group(), forms: router.group().add(middleware: PageFormGuard(token: .session)),
            record: record, cache: cache, attachmentLimit: attachments.maximumBytes)
        DashboardPage.add(to: pages)
        ChangesPage.add(to: pages)
        PlanPage.add(to: pages)
        ItemPage.add(to: pages)
        ItemForms.add(to: pages)
        PlanImportPage.add(to: pages)
        MeetingPages.add(to: pages)
        MeetingForms.add(to: pages)
        PositionForms.add(to: pages)
        ChallengeForms.add(to: pages)
        AgendaEditor.add(to: pages)
        DecisionPages.add(to: pages)
        ParticipantPages.add(to: pages, accounts: accounts)
        ProposalPages.add(to: pages)
        ProposalForms.add(to: pages)
        EditionPages.add(to: pages)
        LedgerPage.add(to: pages)
        SearchPage.add(to: pages)
        TranslationsPage.add(to: pages)
        ReportPages.add(to: pages)
        ReportForms.add(to: pages)
        StatisticsPages.add(to: pages, statistics: statistics)
        StatisticsUploadPages.add(to: pages, statistics: statistics)
        AccountPages.add(to: pages, accounts: accounts)
        AttachmentPages.add(to: pages, attachments: attachments)
    }
}
