package types

// SignalGas is charged to the transaction that records a signal, for the
// filter and raw-weight arithmetic it triggers (store accesses are metered
// separately by the SDK). It is about the arithmetic's time at x/optima's
// calibration of 1 gas per nanosecond on the reference machine; see
// BenchmarkEndBlock's record-ns/op and the README's Cost section.
const SignalGas uint64 = 6_000
