/// Documents and data exchange: pure functions from the record (`ProcessState` and its views) to bytes,
/// and from imported bytes to proposed changes that the rules then check.
///
/// Nothing here reads a database or a clock: callers pass the state and the time, so the same state always
/// gives the same bytes, which is what the snapshot tests and the round trips rely on.
public enum AccordDocuments {}
