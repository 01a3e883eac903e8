// Package train is the off-chain trainer of `dond optimizer`: float64
// training of the built-in domains (least squares for regime-ar, Adam on
// minibatches for the MLP domains), the conversion between float64 and the
// chain's Q39.24 grid, and each domain's loss floor.
//
// Floats never reach consensus: every candidate is quantized with Quantize
// and then measured with the chain's own fixed-point code (x/optima/types)
// before anything is committed. Training data come from the domain's own
// Generate on fresh local seeds, converted to float64.
package train
