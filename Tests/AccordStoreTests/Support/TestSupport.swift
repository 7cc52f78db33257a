// The store tests' databases (`Backend`, `withStore`, the PostgreSQL harness) live in AccordTestSupport, which
// the web tests share, so that one test process starts one PostgreSQL server. Re-exported here so that the
// store's test files use them as before, without an import line each.
@_exported import AccordTestSupport
