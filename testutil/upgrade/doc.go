// Package upgrade rehearses DON's software upgrades on real nodes: a chain
// that the previous release's dond created and ran is upgraded through
// governance and continued by this tree's dond, with its state checked
// before and after (upgrade_test.go; the procedure is docs/upgrades.md).
package upgrade
