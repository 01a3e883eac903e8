// Package txqueue is the one transaction queue per key that DON's agents
// (dond optimizer, dond evaluator) and scripts send through; its rules are
// docs/txqueue.md.
//
// A Queue keeps the key's account sequence locally, serialises broadcasts,
// estimates gas by simulation and signs in direct mode with the SDK's
// client/tx.Factory. It waits for each tx's inclusion and re-broadcasts the
// identical bytes while the tx is not included and its timeout height has not
// passed; it never signs another tx with a sequence whose tx may still land.
// On "account sequence mismatch, expected N" (another process on the same
// key, or a restart) it resynchronises to N, so two processes on one key
// slow each other down but never wedge each other for good.
//
// Every tx carries a timeout height: the caller's, or, when the caller gives
// none, the latest height + Options.MaxPendingBlocks. A tx whose timeout
// height passed without inclusion is known dead; the queue then re-queries
// the account sequence and, for a tx without a caller's deadline, signs the
// messages again.
package txqueue
