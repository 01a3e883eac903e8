package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

const (
	start    = int64(1_000)
	minInt64 = int64(-1 << 63)
	maxInt64 = int64(1<<63 - 1)
)

func TestAuctionPriceEveryBlock(t *testing.T) {
	p := types.DefaultParams() // 20 blocks, reserve 0.2
	cases := []struct {
		name    string
		maxFee  int64
		reserve int64
		price   func(e int64) int64 // by hand, for e in [0, 20]
	}{
		// reserve 200_000; (1_000_000 − 200_000)·(20 − e)/20 = 40_000·(20 − e).
		{"1_000_000", 1_000_000, 200_000, func(e int64) int64 { return 1_000_000 - 40_000*e }},
		// reserve floor(199.8) = 199; 800·(20 − e)/20 = 40·(20 − e): 999 − 40e.
		{"999", 999, 199, func(e int64) int64 { return 999 - 40*e }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			maxFee := sdkmath.NewInt(tc.maxFee)
			for e := int64(0); e <= 20; e++ {
				require.Equal(t, tc.price(e), p.AuctionPrice(maxFee, start, start+e).Int64(), "e=%d", e)
			}
			// Before the start counts as the start; after the end stays at reserve.
			require.Equal(t, tc.maxFee, p.AuctionPrice(maxFee, start, start-5).Int64())
			for _, e := range []int64{21, 22, 100, 1_000_000} {
				require.Equal(t, tc.reserve, p.AuctionPrice(maxFee, start, start+e).Int64(), "e=%d", e)
			}
		})
	}
}

func TestAuctionPriceRounding(t *testing.T) {
	p := types.DefaultParams()
	// 1001: reserve floor(200.2) = 200, spread 801.
	for _, tc := range []struct{ e, want int64 }{
		{0, 1001},
		{1, 960},  // 200 + floor(801·19/20 = 760.95)
		{10, 600}, // 200 + floor(400.5)
		{19, 240}, // 200 + floor(40.05)
		{20, 200},
	} {
		require.Equal(t, tc.want, p.AuctionPrice(sdkmath.NewInt(1001), start, start+tc.e).Int64(), "e=%d", tc.e)
	}
	// 999 over 7 blocks: reserve 199, spread 800, 199 + floor(800·(7 − e)/7).
	p.AuctionBlocks = 7
	want := []int64{999, 884, 770, 656, 541, 427, 313, 199, 199}
	for e, w := range want {
		require.Equal(t, w, p.AuctionPrice(sdkmath.NewInt(999), start, start+int64(e)).Int64(), "e=%d", e)
	}
}

func TestAuctionPriceProperties(t *testing.T) {
	p := types.DefaultParams()
	for _, blocks := range []uint64{1, 3, 7, 20} {
		p.AuctionBlocks = blocks
		n := sdkmath.NewIntFromUint64(blocks)
		for _, fee := range []int64{1, 2, 5, 999, 1001, 123_457, 1_000_000} {
			maxFee := sdkmath.NewInt(fee)
			reserve := dec("0.2").MulInt(maxFee).TruncateInt()
			prev := maxFee
			for e := int64(0); e <= int64(blocks)+2; e++ {
				price := p.AuctionPrice(maxFee, start, start+e)
				require.True(t, price.GTE(reserve) && price.LTE(prev), "fee %d e %d: %s", fee, e, price)
				// Exactly the floor of the line: 0 ≤ N·price − (N·reserve + spread·rem) < N.
				rem := sdkmath.NewInt(max(int64(blocks)-e, 0))
				diff := price.Mul(n).Sub(reserve.Mul(n).Add(maxFee.Sub(reserve).Mul(rem)))
				require.True(t, diff.IsNegative() || diff.IsZero(), "fee %d e %d", fee, e)
				require.True(t, diff.Neg().LT(n), "fee %d e %d", fee, e)
				prev = price
			}
		}
	}
}

func TestAuctionPriceEdges(t *testing.T) {
	p := types.DefaultParams()
	fee := sdkmath.NewInt(1_000_000)
	// Extreme heights do not overflow.
	require.Equal(t, int64(200_000), p.AuctionPrice(fee, minInt64, maxInt64).Int64())
	require.Equal(t, int64(1_000_000), p.AuctionPrice(fee, maxInt64, minInt64).Int64())
	// Non-positive or nil max fee: 0.
	require.True(t, p.AuctionPrice(sdkmath.ZeroInt(), start, start).IsZero())
	require.True(t, p.AuctionPrice(sdkmath.NewInt(-5), start, start).IsZero())
	require.True(t, p.AuctionPrice(sdkmath.Int{}, start, start).IsZero())
	// Reserve ratio 0 falls to 0; 1 stays flat.
	p.ReserveRatio = dec("0")
	require.True(t, p.AuctionPrice(fee, start, start+20).IsZero())
	require.Equal(t, int64(500_000), p.AuctionPrice(fee, start, start+10).Int64())
	p.ReserveRatio = dec("1")
	require.Equal(t, int64(1_000_000), p.AuctionPrice(fee, start, start+10).Int64())
	// auction_blocks 0 (invalid): already at reserve.
	p.AuctionBlocks = 0
	require.Equal(t, int64(1_000_000), p.AuctionPrice(fee, start, start).Int64())
}

func TestPersonalPrice(t *testing.T) {
	p := types.DefaultParams()
	fee := sdkmath.NewInt(1_000_000)
	cases := []struct {
		e         int64
		load, rep string
		want      int64
	}{
		{0, "0.6", "1", 1_000_000},  // M = 1
		{0, "0.6", "0", 500_000},    // M = m_min
		{0, "0", "1", 683_939},      // floor(1e6 · 0.683939720585721161)
		{10, "1", "1", 480_000},     // auction 600_000 · (0.5 + 0.5·0.6)
		{20, "0.6", "0.5", 150_000}, // reserve 200_000 · 0.75
		{25, "2", "1", 100_000},     // reserve 200_000 · m_min
	}
	for _, tc := range cases {
		got := p.PersonalPrice(fee, start, start+tc.e, dec(tc.load), dec(tc.rep))
		require.Equal(t, tc.want, got.Int64(), "e %d load %s rep %s", tc.e, tc.load, tc.rep)
	}
	// Rounding: 999 · 0.683939720585721161 = 683.2557808…
	require.Equal(t, int64(683), p.PersonalPrice(sdkmath.NewInt(999), start, start, dec("0"), dec("1")).Int64())
}

func TestPersonalPriceProperties(t *testing.T) {
	p := types.DefaultParams()
	for _, fee := range []int64{1, 999, 1001, 1_000_000} {
		maxFee := sdkmath.NewInt(fee)
		for e := int64(0); e <= 22; e++ {
			auction := p.AuctionPrice(maxFee, start, start+e)
			for l := int64(0); l <= 12; l++ {
				load := sdkmath.LegacyNewDecWithPrec(l, 1)
				prev := sdkmath.ZeroInt()
				for r := int64(0); r <= 10; r++ {
					got := p.PersonalPrice(maxFee, start, start+e, load, sdkmath.LegacyNewDecWithPrec(r, 1))
					require.True(t, got.LTE(auction) && got.LTE(maxFee), "fee %d e %d", fee, e)
					require.True(t, got.GTE(prev), "fee %d e %d load %s rep %d: not monotone", fee, e, load, r)
					prev = got
				}
			}
		}
	}
}
