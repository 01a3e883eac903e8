package types

import sdkmath "cosmossdk.io/math"

// AuctionPrice is the Dutch-auction price at height h of a request whose
// auction started at start (docs/evaluation.md, "Dutch auction"). With
// N = auction_blocks,
// e = min(max(h − start, 0), N) blocks elapsed and
// reserve = floor(reserve_ratio · maxFee), the exact formula is
//
//	price = reserve + floor((maxFee − reserve) · (N − e) / N)
//
// i.e. the floor of the straight line from maxFee (e = 0) to reserve
// (e ≥ N), rounding in the client's favour. Hence reserve ≤ price ≤ maxFee,
// price is non-increasing in h, and it stays at reserve after the auction.
//
// Panic-free on bad input: nil or non-positive maxFee gives 0; a nil reserve
// ratio counts as 0 and one outside [0, 1] is clamped; N = 0 (which Validate
// rejects) means the auction is already over.
func (p Params) AuctionPrice(maxFee sdkmath.Int, start, h int64) sdkmath.Int {
	if maxFee.IsNil() || !maxFee.IsPositive() {
		return sdkmath.ZeroInt()
	}
	reserve := clampUnit(p.ReserveRatio).MulInt(maxFee).TruncateInt()
	n := p.AuctionBlocks
	e := elapsedBlocks(start, h)
	if n == 0 || e >= n {
		return reserve
	}
	rem := sdkmath.NewIntFromUint64(n - e)
	return reserve.Add(maxFee.Sub(reserve).Mul(rem).Quo(sdkmath.NewIntFromUint64(n)))
}

// PersonalPrice is what an evaluator with this load and reputation is
// offered: min(maxFee, floor(AuctionPrice · Multiplier(load, rep))). M is
// in [0, 1], so the cap is taken at the auction price (≤ maxFee), which it
// never exceeds; it is non-decreasing in rep.
func (p Params) PersonalPrice(maxFee sdkmath.Int, start, h int64, load, rep sdkmath.LegacyDec) sdkmath.Int {
	price := p.AuctionPrice(maxFee, start, h)
	personal := p.Multiplier(load, rep).MulInt(price).TruncateInt()
	return sdkmath.MinInt(personal, price)
}

// elapsedBlocks is max(h − start, 0) without int64 overflow.
func elapsedBlocks(start, h int64) uint64 {
	if h <= start {
		return 0
	}
	return uint64(h) - uint64(start) // exact modulo 2^64, and h − start < 2^64
}
