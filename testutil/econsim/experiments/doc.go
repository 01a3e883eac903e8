// Package experiments holds donsim's experiments, one file each, registered
// with econsim.Register; each has a test that runs its quick version and
// asserts its criteria, so a keeper change that breaks DON's economics
// fails the build.
package experiments
