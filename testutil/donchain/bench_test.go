package donchain_test

import (
	"testing"

	"github.com/don-network/don/testutil/donchain"
)

// BenchmarkNew measures building a chain, which econsim does hundreds of
// times per experiment.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		donchain.New(b, donchain.Options{Models: 2})
	}
}

// BenchmarkEndBlock measures one block of the empty chain.
func BenchmarkEndBlock(b *testing.B) {
	c := donchain.New(b, donchain.Options{Models: 2})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.EndBlock()
	}
}
