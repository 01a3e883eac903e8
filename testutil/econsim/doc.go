// Package econsim is DON's economic simulator: populations of honest and
// adversarial agents that act only through the real Msg servers of the four
// DON keepers (wired by testutil/donchain on a committing store), block by
// block with advancing header time, while every module's invariants are
// checked after each block. Experiments (slashing, retarget, effort, load,
// washtrade, supply, reputation) sweep parameters over many seeded runs and
// write a CSV, a plot and a verdict per pass criterion; cmd/donsim runs them
// and docs/economics.md reads their results.
//
// Rules the simulator keeps, so that what it measures is what a chain
// would do:
//   - state changes only through Msg servers (each in a cached context that
//     is written only on success, like a tx), EndBlock, and genesis
//     (accounts funded and params set before the first block);
//   - agents read the chain only through the query servers and the public
//     types' pure functions (prices, claim rules, verification);
//   - all randomness comes from one seeded PCG per world and the agents run
//     in a fixed order, so a seed gives the same CSV byte for byte.
//
// Off-chain arithmetic (agents' estimates, statistics, plots) uses float64;
// nothing here runs in consensus.
package econsim
