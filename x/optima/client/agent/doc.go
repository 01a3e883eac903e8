// Package agent is `dond optimizer`, the miner of docs/optima.md: for each
// model it trains a candidate off chain (package train), quantizes it,
// measures it against the on-chain best with the chain's own verification
// (types.Verify) on several fresh local seeds, commits only when the lower
// confidence bound clears the model's threshold with a margin on every
// seed, then reveals inside the reveal window and reads the outcome.
//
// Every open commit (params, salt, commitment, later its id and window) is
// written under the agent's home before the commit is broadcast (Store), so
// a restarted agent reveals what a crashed one committed. Transactions go
// through the key's one queue (x/internal/client/txqueue).
package agent
